// Offscreen tests of the review screen: the queue's order and candidates on a real project
// file, gold values set by key press and read back through a fresh Project::open.
#include "GuiTestSupport.hpp"
#include "app/gui/MainWindow.hpp"
#include "app/gui/review/ReviewScreen.hpp"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTest>

using concord::Project;
using concord::gui::MainWindow;
using guitest::makeProject;
using guitest::press;
using guitest::singleSchema;

namespace {

nlohmann::json labels(const char* name)
{
    return {{"labels", {name}}};
}

struct Gold
{
    QString value;
    QString note;
    QString author;
    std::size_t versions = 0;
};

Gold storedGold(const QString& path, const std::string& sampleId)
{
    auto project = Project::open(path.toStdString());
    const auto key = project->samples().keyOf(sampleId).value();
    Gold gold;
    if (const auto resolution = project->resolutions().get(key)) {
        gold.value = QString::fromStdString(nlohmann::json::parse(resolution->value).dump());
        gold.note = QString::fromStdString(resolution->note);
        gold.author = QString::fromStdString(resolution->author);
    }
    gold.versions = project->resolutions().history(key).size();
    return gold;
}

} // namespace

class TestReview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptInReview()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir, singleSchema, 4);
        {
            auto project = Project::open(path.toStdString());
            project->annotate("s1", "alice", labels("positive"));
            project->annotate("s1", "bob", labels("positive"));
            project->annotate("s1", "carol", labels("negative"));
            project->annotate("s2", "alice", labels("positive"));
            project->annotate("s2", "bob", labels("negative"));
            project->annotate("s3", "alice", labels("positive")); // agreed: not in the queue
            project->annotate("s3", "bob", labels("positive"));
            project->annotate("s4", "alice", labels("negative")); // one label: not in the queue
            project->predictions().put(*project->samples().keyOf("s2"), "builtin", R"({"positive":0.3,"negative":0.7})",
                                       1);
        }
        MainWindow window(QStringLiteral("lead"));
        QVERIFY(window.openProject(path));
        QVERIFY(guitest::showAndActivate(window));
        press(window, Qt::Key_2, Qt::ControlModifier);
        auto* review = window.reviewScreen();
        QVERIFY(review->isVisible());
        QTRY_VERIFY(!review->isLoading()); // built on a worker

        // Most contested first: the 1-1 tie, then the 2-1 majority.
        QCOMPARE(review->queueIds(), (QStringList{QStringLiteral("s2"), QStringLiteral("s1")}));
        QCOMPARE(review->currentId(), QStringLiteral("s2"));
        QCOMPARE(review->candidateTexts(),
                 (QStringList{QStringLiteral("1 alice: positive"), QStringLiteral("2 bob: negative"),
                              QStringLiteral("3 majority vote (1 of 2, tie): positive"),
                              QStringLiteral("4 model builtin (p = 0.70): negative")}));

        // Key 2 accepts bob's value; the queue moves on to the next open sample.
        press(window, Qt::Key_2);
        Gold gold = storedGold(path, "s2");
        QCOMPARE(gold.value, QStringLiteral(R"({"labels":["negative"]})"));
        QCOMPARE(gold.author, QStringLiteral("lead"));
        QCOMPARE(gold.note, QString());
        QCOMPARE(review->currentId(), QStringLiteral("s1"));
        QCOMPARE(review->candidateTexts().at(3), QStringLiteral("4 majority vote (2 of 3): positive"));

        // Ctrl+L writes a note (digits typed there stay text); Alt+n sets the gold value by hand.
        press(window, Qt::Key_L, Qt::ControlModifier);
        QCOMPARE(QApplication::focusWidget(), review->noteEdit());
        QTest::keyClicks(review->noteEdit(), QStringLiteral("carol 2x"));
        press(window, Qt::Key_N, Qt::AltModifier);
        gold = storedGold(path, "s1");
        QCOMPARE(gold.value, QStringLiteral(R"({"labels":["negative"]})"));
        QCOMPARE(gold.note, QStringLiteral("carol 2x"));
        QCOMPARE(gold.versions, std::size_t{1});
        QVERIFY(review->noteEdit()->text().isEmpty());

        // Accepting again replaces the gold value and keeps the earlier one in the history.
        auto* queue = window.findChild<QListWidget*>(QStringLiteral("reviewQueue"));
        queue->setCurrentRow(1);
        QCOMPARE(review->currentId(), QStringLiteral("s1"));
        press(window, Qt::Key_1);
        gold = storedGold(path, "s1");
        QCOMPARE(gold.value, QStringLiteral(R"({"labels":["positive"]})"));
        QCOMPARE(gold.versions, std::size_t{2});
        QVERIFY(queue->item(0)->text().startsWith(QStringLiteral("\u2713 s2")));
        QVERIFY(window.errorText().isEmpty());
        // Keys past the candidates do nothing.
        press(window, Qt::Key_9);
        QCOMPARE(storedGold(path, "s1").versions, std::size_t{2});
    }

    void ratingsKeepDigitsForTheCandidates()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir, R"({"kind":"rating","rating":{"min":1,"max":5}})", 2);
        {
            auto project = Project::open(path.toStdString());
            project->annotate("s1", "alice", {{"rating", 2}});
            project->annotate("s1", "bob", {{"rating", 4}});
        }
        MainWindow window(QStringLiteral("lead"));
        QVERIFY(window.openProject(path));
        QVERIFY(guitest::showAndActivate(window));
        window.showScreen(MainWindow::Screen::Review);
        QTRY_VERIFY(!window.reviewScreen()->isLoading());
        QCOMPARE(window.reviewScreen()->candidateTexts().at(0), QStringLiteral("1 alice: rating 2"));
        // 1 is alice's value, not the rating 1; Alt+3 is the rating 3.
        press(window, Qt::Key_1);
        QCOMPARE(storedGold(path, "s1").value, QStringLiteral(R"({"rating":2})"));
        press(window, Qt::Key_3, Qt::AltModifier);
        QCOMPARE(storedGold(path, "s1").value, QStringLiteral(R"({"rating":3})"));
        QCOMPARE(storedGold(path, "s1").versions, std::size_t{2});
    }

    void spansAreAcceptedWhole()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir, R"({"kind":"spans","labels":[{"name":"PER","key":"p"}]})", 1,
                                         {"Ada Lovelace met Babbage"});
        const nlohmann::json short_ = {{"spans", {{{"start", 0}, {"end", 3}, {"label", "PER"}}}}};
        const nlohmann::json whole = {
            {"spans", {{{"start", 0}, {"end", 12}, {"label", "PER"}}, {{"start", 17}, {"end", 24}, {"label", "PER"}}}}};
        {
            auto project = Project::open(path.toStdString());
            project->annotate("s1", "alice", short_);
            project->annotate("s1", "bob", whole);
        }
        MainWindow window(QStringLiteral("lead"));
        QVERIFY(window.openProject(path));
        QVERIFY(guitest::showAndActivate(window));
        window.showScreen(MainWindow::Screen::Review);
        QTRY_VERIFY(!window.reviewScreen()->isLoading());
        QCOMPARE(window.reviewScreen()->candidateTexts().mid(0, 2),
                 (QStringList{QStringLiteral("1 alice: PER: Ada"),
                              QStringLiteral("2 bob: PER: Ada Lovelace  \u00b7  PER: Babbage")}));
        press(window, Qt::Key_2);
        QCOMPARE(storedGold(path, "s1").value, QString::fromStdString(whole.dump()));
    }

    void emptyQueueSaysSo()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir, singleSchema, 2);
        MainWindow window(QStringLiteral("lead"));
        QVERIFY(window.openProject(path));
        QVERIFY(guitest::showAndActivate(window));
        window.showScreen(MainWindow::Screen::Review);
        QTRY_VERIFY(!window.reviewScreen()->isLoading());
        QVERIFY(window.reviewScreen()->queueIds().isEmpty());
        press(window, Qt::Key_1);
        QCOMPARE(storedGold(path, "s1").versions, std::size_t{0});
    }
};

int runReviewTests(int argc, char** argv)
{
    TestReview tests;
    return QTest::qExec(&tests, argc, argv);
}

#include "test_review.moc"
