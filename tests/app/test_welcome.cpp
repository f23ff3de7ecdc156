// Offscreen tests of starting out: the welcome screen's recent projects, and the import wizard
// creating a project from a real JSONL file (off the GUI thread) and opening it.
#include "GuiTestSupport.hpp"
#include "app/gui/MainWindow.hpp"
#include "app/gui/annotate/AnnotateScreen.hpp"
#include "app/gui/annotate/AnnotateView.hpp"
#include "app/gui/annotate/FlagController.hpp"
#include "app/gui/importing/ImportJob.hpp"
#include "app/gui/importing/ImportSchemaPage.hpp"
#include "app/gui/importing/ImportSourcePage.hpp"
#include "app/gui/importing/ImportWizard.hpp"
#include "app/gui/project/AnnotationSession.hpp"
#include "app/gui/sync/JoinServerDialog.hpp"
#include "app/gui/welcome/RecentProjects.hpp"
#include "app/gui/welcome/WelcomeScreen.hpp"
#include "core/store/FlagTable.hpp"
#include "core/store/Project.hpp"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <atomic>

using concord::Project;
using concord::gui::AnnotationSession;
using concord::gui::FlagController;
using concord::gui::ImportJob;
using concord::gui::ImportRequest;
using concord::gui::ImportSchemaPage;
using concord::gui::ImportWizard;
using concord::gui::MainWindow;
using concord::gui::RecentProjects;
using concord::gui::WelcomeScreen;
using guitest::makeProject;
using guitest::singleSchema;

namespace {

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
        qFatal("cannot write the test file");
    }
    return path;
}

const QByteArray reviewsJsonl = R"({"id":"r1","text":"Great phone, the battery lasts.","label":"good","source":"shop"}
{"id":"r2","text":"Broke after a week.","label":"bad","source":"forum"}
{"id":"r3","text":"Does what it says.","source":"shop"}
)";

} // namespace

class TestWelcome : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { RecentProjects::clear(); }

    void welcomeListsRecentProjects()
    {
        QTemporaryDir dir;
        const QString first = makeProject(dir, singleSchema, 2);
        const QString gone = dir.filePath(QStringLiteral("gone.concord"));
        RecentProjects::add(gone); // opened once, deleted since
        MainWindow window(QStringLiteral("tester"));
        window.showWelcome();
        QVERIFY(guitest::showAndActivate(window));
        WelcomeScreen* welcome = window.welcome();
        QVERIFY(welcome->isVisible());
        QCOMPARE(welcome->recentList()->count(), 1);
        QVERIFY(!(welcome->recentList()->item(0)->flags() & Qt::ItemIsEnabled)); // greyed
        QVERIFY(welcome->recentList()->item(0)->text().contains(QStringLiteral("missing")));

        // Opening a project puts it first in the list, and hides the welcome screen.
        QVERIFY(window.openProject(first));
        QVERIFY(!welcome->isVisible());
        QCOMPARE(RecentProjects::list().front(), QFileInfo(first).absoluteFilePath());
        QCOMPARE(RecentProjects::list().size(), 2);

        // Next start: Enter on the first recent project opens it.
        MainWindow next(QStringLiteral("tester"));
        next.showWelcome();
        QVERIFY(guitest::showAndActivate(next));
        QCOMPARE(next.welcome()->recentList()->count(), 2);
        QCOMPARE(QApplication::focusWidget(), next.welcome()->recentList());
        QTest::keyClick(next.welcome()->recentList(), Qt::Key_Return);
        QVERIFY(next.session() != nullptr);
        QCOMPARE(next.windowTitle(), QStringLiteral("Test project \u2014 Concord"));
    }

    void joinButtonOpensTheJoinDialog()
    {
        MainWindow window(QStringLiteral("tester"));
        window.showWelcome();
        QVERIFY(guitest::showAndActivate(window));
        QVERIFY(window.welcome()->joinButton()->isEnabled());
        // The button does what File > Join a server… does: the join dialog opens (modal; it is
        // closed as soon as it shows, from the event loop it runs).
        bool opened = false;
        QTimer::singleShot(0, &window, [&opened] {
            if (auto* dialog = qobject_cast<concord::gui::JoinServerDialog*>(QApplication::activeModalWidget())) {
                opened = true;
                dialog->reject();
            }
        });
        QTest::mouseClick(window.welcome()->joinButton(), Qt::LeftButton);
        QVERIFY(opened);
        QVERIFY(window.session() == nullptr); // cancelled: nothing opened
    }

    void wizardCreatesAndOpensProject()
    {
        QTemporaryDir dir;
        const QString source = writeFile(dir, QStringLiteral("reviews.jsonl"), reviewsJsonl);
        MainWindow window(QStringLiteral("tester"));
        window.showWelcome();
        QVERIFY(guitest::showAndActivate(window));
        QTest::mouseClick(window.welcome()->newButton(), Qt::LeftButton);
        auto* wizard = window.findChild<ImportWizard*>();
        QVERIFY(wizard);
        QTRY_VERIFY(wizard->isVisible());

        // The file: its preview and the fields found in it.
        QVERIFY(wizard->sourcePage()->loadFile(source));
        QCOMPARE(wizard->sourcePage()->preview()->rowCount(), 3);
        QCOMPARE(wizard->sourcePage()->textField()->currentText(), QStringLiteral("text"));
        QCOMPARE(wizard->sourcePage()->idField()->currentText(), QStringLiteral("id"));
        QCOMPARE(wizard->sourcePage()->labelField()->currentText(), QStringLiteral("label"));
        wizard->next();
        QCOMPARE(wizard->currentId(), int(ImportWizard::SchemaPageId));

        // The labels: the two found in the label field, keys chosen from their names.
        ImportSchemaPage* schema = wizard->schemaPage();
        QCOMPARE(schema->labelTable()->rowCount(), 2);
        QCOMPARE(schema->projectName(), QStringLiteral("reviews"));
        // Two labels on one key are refused, with the reason on the page.
        schema->labelTable()->item(1, ImportSchemaPage::KeyColumn)->setText(QStringLiteral("g"));
        wizard->next();
        QCOMPARE(wizard->currentId(), int(ImportWizard::SchemaPageId));
        QVERIFY(schema->errorLabel()->text().contains(QStringLiteral("two labels")));
        schema->labelTable()->item(1, ImportSchemaPage::KeyColumn)->setText(QStringLiteral("b"));
        schema->addLabel(QStringLiteral("meh"), QStringLiteral("#888888"), QStringLiteral("m"));
        schema->nameEdit()->setText(QStringLiteral("Phone reviews"));
        wizard->next();
        QCOMPARE(wizard->currentId(), int(ImportWizard::SavePageId));

        // Save: the suggested file is next to the source.
        const QString target = dir.filePath(QStringLiteral("reviews.concord"));
        QCOMPARE(wizard->savePage()->projectPath(), target);
        wizard->button(QWizard::FinishButton)->click();
        QTRY_VERIFY_WITH_TIMEOUT(window.session() != nullptr, 10000);
        QCOMPARE(window.windowTitle(), QStringLiteral("Phone reviews \u2014 Concord"));
        QCOMPARE(window.session()->sampleCount(), 3);
        QVERIFY(!window.welcome()->isVisible());
        QCOMPARE(RecentProjects::list().front(), target);

        auto project = Project::open(target.toStdString());
        QCOMPARE(project->schema().labelNames(), (std::vector<std::string>{"good", "bad", "meh"}));
        QCOMPARE(project->schema().labels[1].key, std::string("b"));
        const auto key = project->samples().keyOf("r2");
        QVERIFY(key);
        QCOMPARE(QString::fromStdString(project->annotations().get(*key, "tester")->value),
                 QStringLiteral(R"({"labels":["bad"]})"));
        QVERIFY(project->samples().findByKey(*key)->meta.find("forum") != std::string::npos);
    }

    void wizardNamesImportErrors()
    {
        QTemporaryDir dir;
        // The second record has no text: the import is refused and no project file remains.
        const QString source =
            writeFile(dir, QStringLiteral("bad.jsonl"), "{\"text\":\"fine\"}\n{\"body\":\"no text here\"}\n");
        ImportWizard wizard(QStringLiteral("tester"));
        wizard.show();
        QVERIFY(wizard.sourcePage()->loadFile(source));
        wizard.next();
        wizard.schemaPage()->addLabel(QStringLiteral("yes"));
        wizard.schemaPage()->addLabel(QStringLiteral("no"));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(ImportWizard::SavePageId));
        QSignalSpy created(&wizard, &ImportWizard::projectCreated);
        wizard.button(QWizard::FinishButton)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!wizard.isImporting(), 10000);
        QCOMPARE(created.count(), 0);
        QVERIFY(wizard.isVisible());
        QVERIFY2(wizard.savePage()->errorLabel()->text().contains(QStringLiteral("Line 2")),
                 qPrintable(wizard.savePage()->errorLabel()->text()));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("bad.concord"))));

        // An existing file is never overwritten.
        writeFile(dir, QStringLiteral("taken.concord"), "x");
        wizard.savePage()->pathEdit()->setText(dir.filePath(QStringLiteral("taken.concord")));
        wizard.button(QWizard::FinishButton)->click();
        QVERIFY(wizard.savePage()->errorLabel()->text().contains(QStringLiteral("exists already")));
    }

    // Annotate additions: F flags the current sample with a comment, kept in the file.
    void flagWithCommentPersists()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir, singleSchema, 3);
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        QVERIFY(guitest::showAndActivate(window));
        FlagController::setNextAnswer(QStringLiteral("The text is cut off"));
        guitest::press(window, Qt::Key_F);
        QCOMPARE(window.annotateScreen()->flags()->currentComment().value_or(QString()),
                 QStringLiteral("The text is cut off"));
        {
            auto project = Project::open(path.toStdString());
            const auto flag =
                concord::store::FlagTable(project->database()).get(*project->samples().keyOf("s1"), "tester");
            QVERIFY(flag);
            QCOMPARE(flag->comment, std::string("The text is cut off"));
        }
        // The sample shows its flag, with the comment, and again when the annotator comes back.
        concord::gui::AnnotateView* view = window.annotateView();
        QCOMPARE(view->flagText(), QStringLiteral("Your flag: The text is cut off"));
        guitest::press(window, Qt::Key_P);
        QCOMPARE(view->displayedId(), QStringLiteral("s2"));
        QVERIFY(view->flagText().isEmpty());
        window.session()->goTo(*window.session()->project().samples().keyOf("s1"));
        QCOMPARE(view->flagText(), QStringLiteral("Your flag: The text is cut off"));

        // An empty comment, here through Edit > Flag sample…, takes the flag down.
        QAction* menuItem = nullptr;
        for (QAction* action : window.findChildren<QAction*>()) {
            if (action->text() == QStringLiteral("&Flag sample\u2026")) {
                menuItem = action;
            }
        }
        QVERIFY(menuItem);
        FlagController::setNextAnswer(QString());
        menuItem->trigger();
        QVERIFY(!window.annotateScreen()->flags()->currentComment());
        QVERIFY(view->flagText().isEmpty());
    }

    void labelsPerHourFromThisSession()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir, singleSchema, 5);
        std::int64_t now = 1'000'000;
        AnnotationSession session(Project::open(path.toStdString(), [&now] { return now; }), "tester");
        session.start();
        QVERIFY(!session.labelsPerHour());
        QVERIFY(session.record({{"labels", {"positive"}}}));
        now += 30'000; // 30 s a label: 120 an hour
        QVERIFY(session.record({{"labels", {"negative"}}}));
        now += 30'000;
        QVERIFY(session.record({{"labels", {"negative"}}}));
        QVERIFY(session.labelsPerHour());
        QCOMPARE(qRound(*session.labelsPerHour()), 120);
    }

    void cancelledImportLeavesNoFile()
    {
        QTemporaryDir dir;
        ImportRequest request;
        request.source = writeFile(dir, QStringLiteral("reviews.jsonl"), reviewsJsonl);
        request.target = dir.filePath(QStringLiteral("cancelled.concord"));
        request.schema = concord::LabelSchema::fromJson(nlohmann::json::parse(singleSchema));
        std::atomic<bool> cancel{true};
        const auto outcome = ImportJob::run(request, concord::Progress({}, &cancel));
        QVERIFY(outcome.cancelled);
        QVERIFY(!outcome.ok);
        QVERIFY(!QFile::exists(request.target));
    }
};

int runWelcomeTests(int argc, char** argv)
{
    TestWelcome test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_welcome.moc"
