// concord: the desktop labeling app. `concord [PROJECT] [--demo] [--annotator NAME]`; with no
// project it shows the welcome screen. --screen, --signal and --screenshot open a given screen and
// save a picture of the window (app/gui/screenshots.sh makes docs/screenshots with them).
#include "app/gui/MainWindow.hpp"
#include "app/gui/Theme.hpp"
#include "app/gui/annotate/AnnotateScreen.hpp"
#include "app/gui/annotate/SamplePanel.hpp"
#include "app/gui/dashboard/DashboardScreen.hpp"
#include "app/gui/importing/ImportSourcePage.hpp"
#include "app/gui/importing/ImportWizard.hpp"
#include "app/gui/newproject/TemplateDialog.hpp"
#include "app/gui/project/AnnotationSession.hpp"
#include "app/gui/quality/QualityScreen.hpp"
#include "app/gui/review/ReviewScreen.hpp"
#include "app/gui/samples/SamplesScreen.hpp"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QListWidget>
#include <QPixmap>
#include <QScreen>
#include <QTimer>

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
    const QCommandLineOption feedbackDemo(QStringLiteral("feedback-demo"),
                                          QStringLiteral("Open the bundled feedback demo (two models' responses)."));
    const QCommandLineOption annotator(QStringLiteral("annotator"),
                                       QStringLiteral("Label as NAME (default: $CONCORD_USER, else $USER)."),
                                       QStringLiteral("NAME"), defaultAnnotator());
    const QCommandLineOption screen(
        QStringLiteral("screen"),
        QStringLiteral("Start on this screen: annotate, review, dashboard, quality or "
                       "samples (model: the dashboard's model results, evaluating; preferences: its leaderboard)."),
        QStringLiteral("SCREEN"), QStringLiteral("annotate"));
    const QCommandLineOption signal(QStringLiteral("signal"),
                                    QStringLiteral("Filter the samples list by this saved signal."),
                                    QStringLiteral("NAME"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Save a picture of the window to FILE (PNG) and quit."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption sample(QStringLiteral("sample"), QStringLiteral("Start at the sample with this id."),
                                    QStringLiteral("ID"));
    parser.addOption(demo);
    parser.addOption(feedbackDemo);
    parser.addOption(annotator);
    parser.addOption(sample);
    parser.addOption(screen);
    parser.addOption(signal);
    parser.addOption(screenshot);
    const QCommandLineOption import(QStringLiteral("import"),
                                    QStringLiteral("Start a new project from FILE in the import wizard."),
                                    QStringLiteral("FILE"));
    parser.addOption(import);
    const QCommandLineOption exportDialog(QStringLiteral("export"), QStringLiteral("Open the export dialog."));
    const QCommandLineOption templateDialog(QStringLiteral("new-from-template"),
                                            QStringLiteral("Open the new-project dialog on the template NAME."),
                                            QStringLiteral("NAME"));
    parser.addOption(templateDialog);
    const QCommandLineOption importRecords(QStringLiteral("import-records"),
                                           QStringLiteral("Open the import of records into the project, on FILE."),
                                           QStringLiteral("FILE"));
    parser.addOption(importRecords);
    parser.addOption(exportDialog);
    const QCommandLineOption size(QStringLiteral("size"),
                                  QStringLiteral("Open the window at WIDTHxHEIGHT pixels (screenshots at 1920x1080)."),
                                  QStringLiteral("SIZE"));
    parser.addOption(size);
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    const bool anyDemo = parser.isSet(demo) || parser.isSet(feedbackDemo);
    if (positional.size() > 1 || (anyDemo && !positional.isEmpty()) ||
        (parser.isSet(demo) && parser.isSet(feedbackDemo))) {
        parser.showHelp(2); // exits: one project at a time
    }
    const QString name = parser.value(annotator).trimmed();
    if (name.isEmpty()) {
        qCritical("concord: the annotator's name is empty");
        return 2;
    }

    concord::gui::applyTheme(app);
    concord::gui::MainWindow window(name);
    if (anyDemo) {
        window.openDemo({}, parser.isSet(feedbackDemo) ? concord::gui::DemoKind::Feedback
                                                       : concord::gui::DemoKind::Reviews);
    } else if (positional.isEmpty()) {
        window.showWelcome();
    } else {
        window.openProject(positional.front());
    }
    const QString screenName = parser.value(screen);
    const QStringList screens{QStringLiteral("annotate"), QStringLiteral("review"), QStringLiteral("dashboard"),
                              QStringLiteral("quality"), QStringLiteral("samples")};
    const bool modelResults = screenName == QStringLiteral("model");
    const bool preferences = screenName == QStringLiteral("preferences");
    if (!screens.contains(screenName) && !modelResults && !preferences) {
        qCritical("concord: --screen is annotate, review, dashboard, quality or samples");
        return 2;
    }
    if (parser.isSet(size)) {
        const QStringList parts = parser.value(size).split(QLatin1Char('x'));
        const int width = parts.size() == 2 ? parts[0].toInt() : 0;
        const int height = parts.size() == 2 ? parts[1].toInt() : 0;
        if (width < 640 || height < 480) {
            qCritical("concord: --size is WIDTHxHEIGHT, at least 640x480");
            return 2;
        }
        window.resize(width, height);
    }
    window.show();
    if (parser.isSet(sample) && window.session()) {
        const auto key = window.session()->project().samples().keyOf(parser.value(sample).toStdString());
        if (!key) {
            qCritical("concord: the project has no sample with id %s", qPrintable(parser.value(sample)));
            return 2;
        }
        window.session()->goTo(*key);
    }
    if (parser.isSet(signal)) {
        QComboBox* picker = window.annotateScreen()->samples()->signalPicker();
        const int index = picker->findText(parser.value(signal));
        if (index < 0) {
            qCritical("concord: the project has no signal named %s", qPrintable(parser.value(signal)));
            return 2;
        }
        picker->setCurrentIndex(index);
    }
    if (modelResults) {
        window.showScreen(concord::gui::MainWindow::Screen::Dashboard);
        window.dashboard()->showModelResults();
    } else if (preferences) {
        window.dashboard()->showPreferences();
        window.showScreen(concord::gui::MainWindow::Screen::Dashboard);
    } else {
        window.showScreen(static_cast<concord::gui::MainWindow::Screen>(screens.indexOf(screenName)));
    }
    if (parser.isSet(exportDialog)) {
        window.exportDataset();
    }
    if (parser.isSet(importRecords)) {
        window.importRecords(parser.value(importRecords));
    }
    if (parser.isSet(templateDialog)) {
        window.newFromTemplate();
        if (auto* dialog = window.findChild<concord::gui::TemplateDialog*>()) {
            const auto found = dialog->templates()->findItems(parser.value(templateDialog), Qt::MatchStartsWith);
            if (!found.isEmpty()) {
                dialog->templates()->setCurrentItem(found.front());
            }
        }
    }
    if (parser.isSet(import)) {
        window.newProject();
        if (auto* wizard = window.findChild<concord::gui::ImportWizard*>()) {
            wizard->sourcePage()->loadFile(parser.value(import));
        }
    }
    if (parser.isSet(screenshot)) {
        // Long enough for the window manager (if any) and the first paint; then as long as the
        // dashboard or the checks still compute (their workers report back to the GUI thread).
        auto* poll = new QTimer(&window);
        QTimer::singleShot(1500, poll, [poll] { poll->start(100); });
        QObject::connect(poll, &QTimer::timeout, &window, [&window, poll, file = parser.value(screenshot)] {
            if (window.dashboard()->isComputing() || window.quality()->isRunning() ||
                window.reviewScreen()->isLoading() || window.samplesScreen()->isLoading()) {
                return;
            }
            poll->stop();
            // A dialog over the window is a window of its own: then the whole screen is the picture.
            QWidget* dialog = QApplication::activeModalWidget();
            const QPixmap picture = dialog && dialog->screen() ? dialog->screen()->grabWindow(0) : window.grab();
            if (!picture.save(file, "PNG")) {
                qCritical("concord: cannot write %s", qPrintable(file));
                QApplication::exit(1);
                return;
            }
            QApplication::quit();
        });
    }
    return QApplication::exec();
}
