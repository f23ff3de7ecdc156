// concord: the desktop labeling app. `concord [PROJECT] [--demo] [--annotator NAME]`; with no
// project it opens the bundled demo.
#include "app/gui/MainWindow.hpp"
#include "app/gui/Theme.hpp"

#include <QApplication>
#include <QCommandLineParser>

namespace {

QString defaultAnnotator()
{
    for (const char* variable : {"CONCORD_USER", "USER"}) {
        const QString name = qEnvironmentVariable(variable).trimmed();
        if (!name.isEmpty()) {
            return name;
        }
    }
    return QStringLiteral("annotator");
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    // With no organisation name, AppDataLocation is ~/.local/share/Concord on Linux.
    QApplication::setApplicationName(QStringLiteral("Concord"));
    QApplication::setApplicationVersion(QStringLiteral(CONCORD_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("concord"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Label text, alone or as a team."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("The project file to open."),
                                 QStringLiteral("[PROJECT]"));
    const QCommandLineOption demo(QStringLiteral("demo"), QStringLiteral("Open the bundled demo project."));
    const QCommandLineOption annotator(QStringLiteral("annotator"),
                                       QStringLiteral("Label as NAME (default: $CONCORD_USER, else $USER)."),
                                       QStringLiteral("NAME"), defaultAnnotator());
    parser.addOption(demo);
    parser.addOption(annotator);
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1 || (parser.isSet(demo) && !positional.isEmpty())) {
        parser.showHelp(2); // exits: one project at a time
    }
    const QString name = parser.value(annotator).trimmed();
    if (name.isEmpty()) {
        qCritical("concord: the annotator's name is empty");
        return 2;
    }

    concord::gui::applyTheme(app);
    concord::gui::MainWindow window(name);
    if (positional.isEmpty()) {
        window.openDemo(); // a welcome screen will take this place
    } else {
        window.openProject(positional.front());
    }
    window.show();
    return QApplication::exec();
}
