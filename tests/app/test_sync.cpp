// Offscreen tests of sync in the GUI against a real server (TLS on 127.0.0.1, in-process, as
// the net tests start it): the status bar's sync status while the server goes away and comes
// back, hosting a project from the app, and joining a server through the dialog with the
// fingerprint confirmed first.
#include "GuiTestSupport.hpp"
#include "app/gui/annotate/AnnotateScreen.hpp"
#include "app/gui/annotate/QueueController.hpp"
#include "app/gui/annotate/QueuePicker.hpp"
#include "app/gui/annotate/SamplePanel.hpp"
#include "app/gui/dashboard/DashboardScreen.hpp"
#include "app/gui/project/AnnotationSession.hpp"
#include "app/gui/project/SampleListModel.hpp"
#include "app/gui/review/ReviewScreen.hpp"
#include "app/gui/samples/SampleTableModel.hpp"
#include "app/gui/samples/SamplesScreen.hpp"
#include "app/gui/sync/HostDialog.hpp"
#include "app/gui/sync/JoinServerDialog.hpp"
#include "app/gui/sync/ServerHost.hpp"
#include "app/gui/sync/SyncStatusWidget.hpp"
#include "core/store/UserTable.hpp"
#include "net/auth/Accounts.hpp"
#include "net/client/ReplicaSync.hpp"
#include "tests/net/ServerThread.hpp"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

#include <algorithm>
#include <memory>

using concord::gui::HostDialog;
using concord::gui::JoinServerDialog;
using concord::gui::MainWindow;
using concord::gui::SyncState;
using concord::gui::SyncStatusWidget;
using concord::test::ServerThread;
using guitest::press;
using guitest::singleSchema;

namespace {

// A server project with samples s1..sN and the user alice (annotator); returns alice's token.
std::string makeServerProject(const QString& path, int samples)
{
    concord::ProjectSettings settings;
    settings.name = "Team project";
    auto project = concord::Project::create(path.toStdString(), settings,
                                            concord::LabelSchema::fromJson(nlohmann::json::parse(singleSchema)));
    concord::sqlite::Transaction transaction(project->database());
    for (int i = 1; i <= samples; ++i) {
        project->samples().insert("s" + std::to_string(i), "text " + std::to_string(i), "{}");
    }
    concord::store::UserTable users(project->database());
    std::string token = concord::net::addUser(users, "alice", concord::Role::Annotator, 1);
    transaction.commit();
    return token;
}

// Joins `server` as `user` into a replica at `path` (JoinOptions' defaults otherwise).
void joinAs(const ServerThread& server, const std::string& user, const std::string& token, const QString& path)
{
    concord::net::JoinOptions join;
    join.endpoint = server.endpoint();
    join.user = user;
    join.token = token;
    join.path = path.toStdString();
    concord::net::joinServer(join);
}

// Rows in the server's file, read through a connection of its own while the server runs.
std::int64_t serverCount(const QString& path, const char* sql)
{
    concord::sqlite::Database db(path.toStdString(), concord::sqlite::Database::Mode::ReadOnly);
    auto statement = db.prepare(sql);
    return statement.step() ? statement.columnInt(0) : -1;
}

// With CONCORD_SCREENSHOTS=DIR (app/gui/screenshots.sh sets it), saves a picture of `widget`.
void screenshot(QWidget& widget, const char* name)
{
    const QString dir = qEnvironmentVariable("CONCORD_SCREENSHOTS");
    if (!dir.isEmpty()) {
        QCoreApplication::processEvents();
        widget.grab().save(QDir(dir).filePath(QLatin1String(name)));
    }
}

concord::gui::SyncTiming quickTiming()
{
    concord::gui::SyncTiming timing;
    timing.refresh = std::chrono::milliseconds(200); // samples imported beside the server
    timing.timeout = std::chrono::seconds(5);
    timing.backoff.firstDelay = std::chrono::milliseconds(50);
    timing.backoff.maxDelay = std::chrono::milliseconds(300);
    return timing;
}

} // namespace

class TestSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void localProjectSaysSo()
    {
        QTemporaryDir dir;
        const QString path = guitest::makeProject(dir, singleSchema, 2);
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        SyncStatusWidget* status = window.syncStatus();
        QVERIFY(!status->isReplica());
        QCOMPARE(status->stateText(), QStringLiteral("Local project"));
        QVERIFY(status->pendingText().isEmpty());
        QVERIFY(status->lastSyncText().isEmpty());
    }

    void statusFollowsTheServerAwayAndBack()
    {
        QTemporaryDir dir;
        const QString serverPath = dir.filePath(QStringLiteral("server.concord"));
        const QString replicaPath = dir.filePath(QStringLiteral("alice.concord"));
        const std::string token = makeServerProject(serverPath, 4);
        auto server = std::make_unique<ServerThread>(serverPath.toStdString());
        const std::uint16_t port = server->port();
        joinAs(*server, "alice", token, replicaPath);

        MainWindow window(QStringLiteral("alice"));
        window.setSyncTiming(quickTiming());
        QVERIFY(window.openProject(replicaPath));
        QVERIFY(guitest::showAndActivate(window));
        SyncStatusWidget* status = window.syncStatus();
        QVERIFY(status->isReplica());
        QVERIFY(status->isVisibleTo(window.statusBar()));
        QTRY_COMPARE_WITH_TIMEOUT(status->bridge()->state(), SyncState::Online, 10000);
        QCOMPARE(status->stateText(), QStringLiteral("Online"));
        QCOMPARE(status->pendingText(), QStringLiteral("0 pending"));
        QTRY_VERIFY_WITH_TIMEOUT(status->lastSyncText().startsWith(QStringLiteral("last sync ")), 10000);

        // A label by key goes to the server within a round.
        QCOMPARE(window.session()->current()->id, std::string("s1"));
        press(window, Qt::Key_P);
        QVERIFY2(window.errorText().isEmpty(), qPrintable(window.errorText()));
        QCOMPARE(guitest::storedValue(replicaPath, "s1", "alice"), QStringLiteral(R"({"labels":["positive"]})"));
        QTRY_COMPARE_WITH_TIMEOUT(serverCount(serverPath, "SELECT count(*) FROM annotations"), std::int64_t(1), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(status->pendingText(), QStringLiteral("0 pending"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(status->bridge()->state(), SyncState::Online, 10000);

        // The server goes away: offline, with the reason; labeling goes on and is counted.
        server->stop();
        QTRY_COMPARE_WITH_TIMEOUT(status->bridge()->state(), SyncState::Offline, 10000);
        QVERIFY2(status->stateText().startsWith(QStringLiteral("Offline \u2014 ")), qPrintable(status->stateText()));
        QVERIFY2(status->bridge()->reason().contains(QStringLiteral("127.0.0.1:%1").arg(port)),
                 qPrintable(status->bridge()->reason()));
        QCOMPARE(window.session()->current()->id, std::string("s2"));
        press(window, Qt::Key_N);
        QVERIFY2(window.errorText().isEmpty(), qPrintable(window.errorText()));
        QCOMPARE(guitest::storedValue(replicaPath, "s2", "alice"), QStringLiteral(R"({"labels":["negative"]})"));
        QTRY_COMPARE_WITH_TIMEOUT(status->pendingText(), QStringLiteral("1 pending"), 10000);
        QCOMPARE(status->bridge()->state(), SyncState::Offline);
        screenshot(window, "sync-status.png");

        // Back on the same port and file: online again, and the offline label is sent.
        server = std::make_unique<ServerThread>(serverPath.toStdString(), port);
        QTRY_COMPARE_WITH_TIMEOUT(status->bridge()->state(), SyncState::Online, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(status->pendingText(), QStringLiteral("0 pending"), 10000);
        QCOMPARE(serverCount(serverPath, "SELECT count(*) FROM annotations"), std::int64_t(2));
        QCOMPARE(status->stateText(), QStringLiteral("Online"));
    }

    void assignedToMeFollowsTheServer()
    {
        QTemporaryDir dir;
        const QString serverPath = dir.filePath(QStringLiteral("server.concord"));
        const std::string token = makeServerProject(serverPath, 4);
        std::string bobToken;
        {
            auto project = concord::Project::open(serverPath.toStdString());
            concord::store::UserTable users(project->database());
            bobToken = concord::net::addUser(users, "bob", concord::Role::Annotator, 1);
        }
        ServerThread server(serverPath.toStdString());
        const auto join = [&](const char* user, const std::string& secret) {
            const QString path = dir.filePath(QString::fromLatin1(user) + QStringLiteral(".concord"));
            joinAs(server, user, secret, path);
            return path.toStdString();
        };
        // Bob holds two samples first; with an overlap of one they are not alice's to take.
        auto bob = concord::Project::open(join("bob", bobToken));
        const auto bobs = concord::net::requestAssignment(*bob, 2, {});
        QCOMPARE(bobs.samples.size(), std::size_t(2));
        const QString alicePath = QString::fromStdString(join("alice", token));

        MainWindow window(QStringLiteral("alice"));
        window.setSyncTiming(quickTiming());
        QVERIFY(window.openProject(alicePath));
        QVERIFY(guitest::showAndActivate(window));
        QVERIFY(window.annotateScreen()->queue()->canAssign());
        QComboBox* picker = window.annotateScreen()->samples()->queuePicker()->combo();
        const int assigned = picker->findData(static_cast<int>(concord::gui::QueueChoice::AssignedToMe));
        picker->setCurrentIndex(assigned);
        Q_EMIT picker->activated(assigned);
        QTRY_COMPARE_WITH_TIMEOUT(window.session()->queueOrder(), concord::gui::QueueOrder::Given, 10000);
        QVERIFY2(window.errorText().isEmpty(), qPrintable(window.errorText()));

        // Her queue is what the server reserved for her: the two bob does not hold.
        QCOMPARE(serverCount(serverPath, "SELECT count(*) FROM reservations WHERE annotator = 'alice'"),
                 std::int64_t(2));
        std::vector<std::string> mine;
        for (int i = 1; i <= 4; ++i) {
            const std::string id = "s" + std::to_string(i);
            if (std::find(bobs.samples.begin(), bobs.samples.end(), id) == bobs.samples.end()) {
                mine.push_back(id);
            }
        }
        QCOMPARE(window.session()->current()->id, mine[0]);
        press(window, Qt::Key_P);
        QCOMPARE(window.session()->current()->id, mine[1]);
        press(window, Qt::Key_N);
        QCOMPARE(guitest::storedValue(alicePath, mine[1], "alice"), QStringLiteral(R"({"labels":["negative"]})"));

        // Her batch is done: the next request finds only bob's samples, and says so.
        QTRY_VERIFY_WITH_TIMEOUT(window.statusBar()->currentMessage().contains(QStringLiteral("reserved by others")),
                                 10000);
        QVERIFY2(window.errorText().isEmpty(), qPrintable(window.errorText()));
        QCOMPARE(window.session()->queueOrder(), concord::gui::QueueOrder::UnlabeledFirst);
        QCOMPARE(picker->currentText(), QStringLiteral("Next: unlabeled first"));
        QTRY_COMPARE_WITH_TIMEOUT(serverCount(serverPath, "SELECT count(*) FROM annotations WHERE annotator = 'alice'"),
                                  std::int64_t(2), 10000);
    }

    void samplesFromTheServerJoinTheList()
    {
        QTemporaryDir dir;
        const QString serverPath = dir.filePath(QStringLiteral("server.concord"));
        const QString replicaPath = dir.filePath(QStringLiteral("alice.concord"));
        const std::string token = makeServerProject(serverPath, 2);
        ServerThread server(serverPath.toStdString());
        joinAs(server, "alice", token, replicaPath);

        MainWindow window(QStringLiteral("alice"));
        window.setSyncTiming(quickTiming());
        QVERIFY(window.openProject(replicaPath));
        QVERIFY(guitest::showAndActivate(window));
        QTRY_COMPARE_WITH_TIMEOUT(window.syncStatus()->bridge()->state(), SyncState::Online, 10000);
        QAbstractItemModel* list = window.annotateScreen()->samples()->list()->model();
        QCOMPARE(list->rowCount(), 2);
        QCOMPARE(window.progressText(), QStringLiteral("0 of 2 labeled by alice"));

        // The lead imports two more on the server: they reach the open window's list and count.
        {
            auto project = concord::Project::open(serverPath.toStdString());
            concord::sqlite::Transaction transaction(project->database());
            project->samples().insert("s3", "text 3", "{}");
            project->samples().insert("s4", "text 4", "{}");
            transaction.commit();
        }
        QTRY_COMPARE_WITH_TIMEOUT(list->rowCount(), 4, 10000);
        QCOMPARE(list->index(3, 0).data(concord::gui::SampleListModel::IdRole).toString(), QStringLiteral("s4"));
        QTRY_COMPARE_WITH_TIMEOUT(window.progressText(), QStringLiteral("0 of 4 labeled by alice"), 10000);
    }

    // Issue 14's promise: what a teammate labels reaches the open screens of the reviewer as the
    // server announces it, with no tab switch and no polling (the refresh is an hour here).
    void teammatesLabelsReachTheOpenScreens()
    {
        QTemporaryDir dir;
        const QString serverPath = dir.filePath(QStringLiteral("server.concord"));
        makeServerProject(serverPath, 4);
        std::string bobToken;
        std::string carolToken;
        {
            auto project = concord::Project::open(serverPath.toStdString());
            project->annotate("s1", "alice", {{"labels", {"positive"}}});
            project->annotate("s1", "bob", {{"labels", {"positive"}}});
            project->annotate("s4", "alice", {{"labels", {"positive"}}});
            project->annotate("s4", "bob", {{"labels", {"negative"}}});
            concord::store::UserTable users(project->database());
            bobToken = concord::net::addUser(users, "bob", concord::Role::Annotator, 1);
            carolToken = concord::net::addUser(users, "carol", concord::Role::Reviewer, 1);
        }
        ServerThread server(serverPath.toStdString());
        const QString bobPath = dir.filePath(QStringLiteral("bob.concord"));
        const QString carolPath = dir.filePath(QStringLiteral("carol.concord"));
        joinAs(server, "bob", bobToken, bobPath);
        joinAs(server, "carol", carolToken, carolPath);
        // Bob labels in his own replica and syncs it, as his app would.
        const auto bobLabels = [&](const char* sample, const char* label) {
            auto bob = concord::Project::open(bobPath.toStdString());
            bob->annotate(sample, "bob", {{"labels", {label}}});
            QCOMPARE(concord::net::syncReplica(*bob, {}).pushed, std::int64_t(1));
        };

        MainWindow window(QStringLiteral("carol"));
        auto timing = quickTiming();
        timing.refresh = std::chrono::hours(1); // only the server's notice brings changes
        window.setSyncTiming(timing);
        QVERIFY(window.openProject(carolPath));
        QVERIFY(guitest::showAndActivate(window));
        QTRY_COMPARE_WITH_TIMEOUT(window.syncStatus()->bridge()->state(), SyncState::Online, 10000);

        // The review queue, open: s4 is contested; bob changing his mind on s1 makes it contested too.
        window.showScreen(MainWindow::Screen::Review);
        QTRY_COMPARE_WITH_TIMEOUT(window.reviewScreen()->queueIds(), QStringList{QStringLiteral("s4")}, 10000);
        QSignalSpy queueLoaded(window.reviewScreen(), &concord::gui::ReviewScreen::queueLoaded);
        bobLabels("s1", "negative");
        QTRY_VERIFY_WITH_TIMEOUT(window.reviewScreen()->queueIds().contains(QStringLiteral("s1")), 10000);
        QVERIFY(window.reviewScreen()->isVisible());
        QVERIFY(queueLoaded.count() >= 1);
        screenshot(window, "review-live.png");

        // The samples table, open: bob's label on s2 shows in its row.
        window.showScreen(MainWindow::Screen::Samples);
        concord::gui::SamplesScreen* samples = window.samplesScreen();
        QTRY_VERIFY_WITH_TIMEOUT(!samples->isLoading() && samples->model()->rowCount() == 4, 10000);
        const auto cell = [&](const char* id, int column) {
            QAbstractItemModel* model = samples->table()->model();
            for (int row = 0; row < model->rowCount(); ++row) {
                if (model->index(row, concord::gui::SampleTableModel::IdColumn).data().toString() ==
                    QLatin1String(id)) {
                    return model->index(row, column).data().toString();
                }
            }
            return QString();
        };
        QVERIFY(cell("s2", concord::gui::SampleTableModel::LabelColumn).isEmpty());
        bobLabels("s2", "negative");
        QTRY_COMPARE_WITH_TIMEOUT(cell("s2", concord::gui::SampleTableModel::LabelColumn), QStringLiteral("negative"),
                                  10000);
        QVERIFY(samples->isVisible());

        // The dashboard, open: its numbers say they are out of date as soon as bob's label is in.
        window.showScreen(MainWindow::Screen::Dashboard);
        QTRY_VERIFY_WITH_TIMEOUT(!window.dashboard()->isComputing(), 30000);
        QVERIFY(!window.dashboard()->isStale());
        QCOMPARE(window.dashboard()->statusText(), QStringLiteral("Up to date"));
        bobLabels("s3", "positive");
        QTRY_VERIFY_WITH_TIMEOUT(window.dashboard()->isStale(), 10000);
        QVERIFY2(window.dashboard()->statusText().startsWith(QStringLiteral("Out of date")),
                 qPrintable(window.dashboard()->statusText()));
        QVERIFY(window.dashboard()->isVisible());
        screenshot(window, "dashboard-stale.png");
        QVERIFY2(window.errorText().isEmpty(), qPrintable(window.errorText()));
    }

    void hostServesAndAddsUsers()
    {
        QTemporaryDir dir;
        const QString path = guitest::makeProject(dir, singleSchema, 3);
        concord::gui::ServerHost host(path.toStdString());
        auto dialog = std::make_unique<HostDialog>(host, path);
        dialog->show();
        QVERIFY2(dialog->start(0), qPrintable(dialog->errorText()));
        QVERIFY(dialog->host()->isRunning());
        const QString port = QString::number(dialog->host()->port());
        QVERIFY(dialog->addressesText().contains(QStringLiteral("127.0.0.1:") + port));
        QVERIFY(dialog->fingerprintText().startsWith(QStringLiteral("SHA256:")));

        dialog->userName()->setText(QStringLiteral("bob"));
        dialog->userRole()->setCurrentText(QStringLiteral("annotator"));
        QTest::mouseClick(dialog->addUserButton(), Qt::LeftButton);
        QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
        const QString token = dialog->tokenText();
        QVERIFY(!token.isEmpty());

        // The token works: bob joins the hosted project.
        concord::net::JoinOptions join;
        join.endpoint = {"127.0.0.1", dialog->host()->port()};
        join.user = "bob";
        join.token = token.toStdString();
        join.path = dir.filePath(QStringLiteral("bob.concord")).toStdString();
        const auto report = concord::net::joinServer(join);
        QCOMPARE(QString::fromStdString(report.fingerprint), dialog->fingerprintText());
        QCOMPARE(report.sync.newSamples, std::int64_t(3));

        screenshot(*dialog, "host.png");

        // A taken name is refused in the dialog, naming the problem.
        dialog->userName()->setText(QStringLiteral("bob"));
        QTest::mouseClick(dialog->addUserButton(), Qt::LeftButton);
        QVERIFY2(dialog->errorText().contains(QStringLiteral("bob")), qPrintable(dialog->errorText()));

        // The server is the project's, not the dialog's: closing the dialog leaves it serving.
        dialog->reject();
        dialog.reset();
        QVERIFY(host.isRunning());
        concord::net::JoinOptions again = join;
        again.path = dir.filePath(QStringLiteral("bob-again.concord")).toStdString();
        QCOMPARE(concord::net::joinServer(again).sync.newSamples, std::int64_t(3));
        host.stop();
        QVERIFY(!host.isRunning());
    }

    void hostRefusesAReplica()
    {
        QTemporaryDir dir;
        const QString serverPath = dir.filePath(QStringLiteral("server.concord"));
        const std::string token = makeServerProject(serverPath, 1);
        ServerThread server(serverPath.toStdString());
        const QString alicePath = dir.filePath(QStringLiteral("alice.concord"));
        joinAs(server, "alice", token, alicePath);

        concord::gui::ServerHost host(alicePath.toStdString());
        HostDialog dialog(host, alicePath);
        QVERIFY(!dialog.start(0));
        QVERIFY2(dialog.errorText().contains(QStringLiteral("replica")), qPrintable(dialog.errorText()));
    }

    void joinAsksForTheFingerprintFirst()
    {
        QTemporaryDir dir;
        const QString serverPath = dir.filePath(QStringLiteral("server.concord"));
        const std::string token = makeServerProject(serverPath, 3);
        ServerThread server(serverPath.toStdString());

        JoinServerDialog dialog(QStringLiteral("alice"));
        dialog.show();
        QCOMPARE(dialog.user()->text(), QStringLiteral("alice"));
        QVERIFY(!dialog.joinButton()->isEnabled());

        // A wrong address is named.
        dialog.address()->setText(QStringLiteral("127.0.0.1"));
        QTest::mouseClick(dialog.connectButton(), Qt::LeftButton);
        QVERIFY2(dialog.errorText().startsWith(QStringLiteral("The address is not valid")),
                 qPrintable(dialog.errorText()));

        dialog.address()->setText(QString::fromStdString(server.address()));
        dialog.token()->setText(QStringLiteral("wrong"));
        dialog.file()->setText(dir.filePath(QStringLiteral("alice.concord")));
        QSignalSpy shown(&dialog, &JoinServerDialog::fingerprintShown);
        QTest::mouseClick(dialog.connectButton(), Qt::LeftButton);
        QVERIFY(shown.wait(10000));
        QCOMPARE(dialog.fingerprintText(), QString::fromStdString(server.fingerprint()));
        QVERIFY(dialog.joinButton()->isEnabled());
        QVERIFY(!QFileInfo::exists(dialog.replicaPath())); // nothing joined before the user confirms
        screenshot(dialog, "join.png");

        // A wrong token: refused, in words, and no file left behind.
        QSignalSpy failed(&dialog, &JoinServerDialog::failed);
        QTest::mouseClick(dialog.joinButton(), Qt::LeftButton);
        QVERIFY(failed.wait(10000));
        QVERIFY2(dialog.errorText().startsWith(QStringLiteral("The server refused")), qPrintable(dialog.errorText()));
        QVERIFY(!QFileInfo::exists(dialog.replicaPath()));

        // The project field names the project on a server of several; this one serves one, and
        // says which.
        dialog.token()->setText(QString::fromStdString(token));
        dialog.project()->setText(QStringLiteral("elsewhere"));
        QTest::mouseClick(dialog.joinButton(), Qt::LeftButton);
        QVERIFY(failed.wait(10000));
        QVERIFY2(dialog.errorText().contains(QStringLiteral("only, not 'elsewhere'")), qPrintable(dialog.errorText()));
        QVERIFY(!QFileInfo::exists(dialog.replicaPath()));

        dialog.project()->clear();
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QTest::mouseClick(dialog.joinButton(), Qt::LeftButton);
        QVERIFY(accepted.wait(10000));
        QVERIFY(QFileInfo::exists(dialog.replicaPath()));

        // The window opens the new replica, labels as alice and syncs it.
        MainWindow window(QStringLiteral("someone"));
        window.setSyncTiming(quickTiming());
        QVERIFY(window.openProject(dialog.replicaPath()));
        QCOMPARE(QString::fromStdString(window.session()->annotator()), QStringLiteral("alice"));
        QTRY_COMPARE_WITH_TIMEOUT(window.syncStatus()->bridge()->state(), SyncState::Online, 10000);
    }
};

int runSyncTests(int argc, char** argv)
{
    TestSync test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_sync.moc"
