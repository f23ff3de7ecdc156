// Offscreen tests of the queue order picker on a real project file: in order visits labeled
// samples too; "most informative first" trains the built-in model on a worker and follows its
// ranking (checked against the core's own ranking of the same file), retrying nothing when
// there are too few labels, and Cancel drops a ranking under way. ("Assigned to me" against a
// real server is in test_sync.cpp.)
#include "GuiTestSupport.hpp"
#include "app/gui/annotate/AnnotateScreen.hpp"
#include "app/gui/annotate/AnnotateView.hpp"
#include "app/gui/annotate/QueueController.hpp"
#include "app/gui/annotate/QueuePicker.hpp"
#include "app/gui/annotate/SamplePanel.hpp"
#include "app/gui/project/AnnotationSession.hpp"
#include "core/learn/ActiveLearning.hpp"

#include <QComboBox>
#include <QPushButton>
#include <QTest>

using concord::gui::MainWindow;
using concord::gui::QueueChoice;
using concord::gui::QueueOrder;
using concord::gui::QueuePicker;
using guitest::press;
using guitest::singleSchema;
using guitest::storedValue;

namespace {

QueuePicker* pickerOf(MainWindow& window)
{
    return window.annotateScreen()->samples()->queuePicker();
}

// Picks the order as a user does: the combo's item, activated.
void pick(MainWindow& window, QueueChoice choice)
{
    QComboBox* combo = pickerOf(window)->combo();
    const int index = combo->findData(static_cast<int>(choice));
    QVERIFY(index >= 0);
    combo->setCurrentIndex(index);
    Q_EMIT combo->activated(index);
}

// Gives `annotator` these labels through a connection of its own, before the window opens.
void label(const QString& path, const std::vector<std::pair<std::string, std::string>>& labels,
           const std::string& annotator = "tester")
{
    auto project = concord::Project::open(path.toStdString());
    for (const auto& [id, value] : labels) {
        project->annotate(id, annotator, {{"labels", {value}}});
    }
}

std::vector<std::string> reviewTexts()
{
    const char* positive[] = {"good great film", "great acting and a good story", "good fun, great cast",
                              "a great good time", "good good great"};
    const char* negative[] = {"bad awful film", "awful acting and a bad story", "bad dull, awful cast",
                              "an awful bad time", "bad bad awful"};
    const char* unclear[] = {"good but awful ending",
                             "bad start, great end",
                             "a film",
                             "great and bad",
                             "some good some bad",
                             "the cast",
                             "awful but great music",
                             "good awful"};
    std::vector<std::string> texts;
    for (const char* text : positive) {
        texts.emplace_back(text);
    }
    for (const char* text : negative) {
        texts.emplace_back(text);
    }
    for (const char* text : unclear) {
        texts.emplace_back(text);
    }
    return texts; // s1-s5 positive, s6-s10 negative, s11-s18 unlabeled
}

} // namespace

class TestQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void inOrderVisitsLabeledSamples()
    {
        QTemporaryDir dir;
        const QString path = guitest::makeProject(dir, singleSchema, 5);
        label(path, {{"s2", "positive"}});
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        QVERIFY(guitest::showAndActivate(window));
        QCOMPARE(pickerOf(window)->combo()->currentText(), QStringLiteral("Next: unlabeled first"));

        // Unlabeled first (the default) passes s2 by.
        QCOMPARE(window.annotateView()->displayedId(), QStringLiteral("s1"));
        press(window, Qt::Key_P);
        QCOMPARE(window.annotateView()->displayedId(), QStringLiteral("s3"));

        // In order: from s3 on every sample, labeled or not; s2 is reached by going back.
        pick(window, QueueChoice::InOrder);
        QCOMPARE(window.session()->queueOrder(), QueueOrder::InOrder);
        window.session()->goTo(window.session()->project().samples().keyOf("s1").value());
        press(window, Qt::Key_N);
        QCOMPARE(window.annotateView()->displayedId(), QStringLiteral("s2")); // labeled, still next
        press(window, Qt::Key_N);
        QCOMPARE(window.annotateView()->displayedId(), QStringLiteral("s3"));
        QCOMPARE(storedValue(path, "s2"), QStringLiteral(R"({"labels":["negative"]})"));

        // Back to unlabeled first: after s3, s4 (s1 to s3 are labeled now).
        pick(window, QueueChoice::UnlabeledFirst);
        QCOMPARE(window.session()->queueOrder(), QueueOrder::UnlabeledFirst);
        press(window, Qt::Key_P);
        QCOMPARE(window.annotateView()->displayedId(), QStringLiteral("s4"));
    }

    void mostInformativeFirstFollowsTheModel()
    {
        QTemporaryDir dir;
        const QString path = guitest::makeProject(dir, singleSchema, 18, reviewTexts());
        std::vector<std::pair<std::string, std::string>> labels;
        for (int i = 1; i <= 10; ++i) {
            labels.emplace_back("s" + std::to_string(i), i <= 5 ? "positive" : "negative");
        }
        label(path, labels);
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        QVERIFY(guitest::showAndActivate(window));
        QCOMPARE(window.annotateView()->displayedId(), QStringLiteral("s11"));

        pick(window, QueueChoice::MostInformative);
        QVERIFY(pickerOf(window)->statusText().startsWith(QStringLiteral("Training the model")));
        QTRY_COMPARE_WITH_TIMEOUT(window.session()->queueOrder(), QueueOrder::Given, 30000);
        QVERIFY(pickerOf(window)->statusText().isEmpty());
        QVERIFY2(window.errorText().isEmpty(), qPrintable(window.errorText()));
        QCOMPARE(pickerOf(window)->combo()->currentText(), QStringLiteral("Next: most informative first (model)"));

        // The core's ranking of the same file with the model the worker saved: the same order.
        auto project = concord::Project::open(path.toStdString());
        concord::learn::RankRequest request;
        request.options.strategy = concord::learn::Strategy::Entropy;
        request.options.batch = concord::gui::QueueController::batchSize;
        const auto ranked = concord::learn::rankProject(*project, request);
        QCOMPARE(ranked.candidates, std::size_t(8));
        QCOMPARE(ranked.ranked.size(), std::size_t(8));
        QCOMPARE(window.annotateView()->displayedId(), QString::fromStdString(ranked.ranked[0].id));
        press(window, Qt::Key_P);
        QCOMPARE(window.annotateView()->displayedId(), QString::fromStdString(ranked.ranked[1].id));
        QCOMPARE(storedValue(path, ranked.ranked[0].id), QStringLiteral(R"({"labels":["positive"]})"));
        // The most uncertain first: its entropy is at least the second's.
        QVERIFY(ranked.ranked[0].score >= ranked.ranked[1].score);
    }

    void tooFewLabelsToRankSaysSoAndFallsBack()
    {
        QTemporaryDir dir;
        const QString path = guitest::makeProject(dir, singleSchema, 4);
        label(path, {{"s1", "positive"}});
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        QVERIFY(guitest::showAndActivate(window));
        pick(window, QueueChoice::MostInformative);
        QTRY_VERIFY_WITH_TIMEOUT(!window.errorText().isEmpty(), 30000);
        QVERIFY2(window.errorText().startsWith(QStringLiteral("Ranking by the model failed: ")),
                 qPrintable(window.errorText()));
        QCOMPARE(window.session()->queueOrder(), QueueOrder::UnlabeledFirst);
        QCOMPARE(pickerOf(window)->combo()->currentText(), QStringLiteral("Next: unlabeled first"));
        QVERIFY(pickerOf(window)->statusText().isEmpty());
    }

    void cancelDropsTheRanking()
    {
        QTemporaryDir dir;
        const QString path = guitest::makeProject(dir, singleSchema, 18, reviewTexts());
        label(path, {{"s1", "positive"}, {"s6", "negative"}});
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        QVERIFY(guitest::showAndActivate(window));
        pick(window, QueueChoice::MostInformative);
        QVERIFY(pickerOf(window)->cancelButton()->isVisible());
        QTest::mouseClick(pickerOf(window)->cancelButton(), Qt::LeftButton);
        QCOMPARE(window.session()->queueOrder(), QueueOrder::UnlabeledFirst);
        QCOMPARE(pickerOf(window)->combo()->currentText(), QStringLiteral("Next: unlabeled first"));
        QVERIFY(pickerOf(window)->statusText().isEmpty());
        // The ranking's late result is not applied: once the cancelled work has ended (it stops
        // at its next step), the order is still the one chosen.
        QVERIFY(!window.annotateScreen()->queue()->isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!window.annotateScreen()->queue()->isWorking(), 60000);
        QCOMPARE(window.session()->queueOrder(), QueueOrder::UnlabeledFirst);
        QCOMPARE(window.annotateView()->displayedId(), QStringLiteral("s2"));
    }

    void assignedToMeNeedsAServer()
    {
        QTemporaryDir dir;
        const QString path = guitest::makeProject(dir, singleSchema, 3);
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        QVERIFY(!window.annotateScreen()->queue()->canAssign());
        pick(window, QueueChoice::AssignedToMe);
        QVERIFY2(window.errorText().contains(QStringLiteral("joined to a server")), qPrintable(window.errorText()));
        QCOMPARE(window.session()->queueOrder(), QueueOrder::UnlabeledFirst);
        QCOMPARE(pickerOf(window)->combo()->currentText(), QStringLiteral("Next: unlabeled first"));
    }
};

int runQueueTests(int argc, char** argv)
{
    TestQueue tests;
    return QTest::qExec(&tests, argc, argv);
}

#include "test_queue.moc"
