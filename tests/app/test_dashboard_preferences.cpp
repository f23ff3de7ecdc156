// Offscreen GUI test of the dashboard's preference section on a real project: the leaderboard
// orders the models as the votes say, the win-rate matrix holds each pair's share, and the bias
// panel flags the annotator who always chose the response shown first, as `concord-cli check`
// does.
#include "GuiTestSupport.hpp"
#include "app/gui/MainWindow.hpp"
#include "app/gui/annotate/AnnotateScreen.hpp"
#include "app/gui/dashboard/ChartPanel.hpp"
#include "app/gui/dashboard/DashboardScreen.hpp"
#include "app/gui/dashboard/KappaHeatmap.hpp"
#include "app/gui/dashboard/ModelSection.hpp"
#include "app/gui/dashboard/PairVotesDialog.hpp"
#include "app/gui/dashboard/PreferenceData.hpp"
#include "app/gui/dashboard/PreferenceSection.hpp"
#include "app/gui/dashboard/QuestionsSection.hpp"
#include "app/gui/dashboard/RatingsChart.hpp"
#include "app/gui/dashboard/RecordRowsDialog.hpp"
#include "app/gui/feedback/FeedbackView.hpp"
#include "app/gui/project/DemoProject.hpp"
#include "core/feedback/RecordContent.hpp"
#include "core/feedback/ShownOrder.hpp"
#include "core/feedback/SubmittedAnswers.hpp"
#include "core/feedback/Templates.hpp"
#include "core/quality/integrity/Integrity.hpp"
#include "core/store/Project.hpp"

#include <QListWidget>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using concord::Project;
using concord::gui::MainWindow;
using concord::gui::PreferenceSection;

namespace {

// 60 records, each comparing two of three models in turn. "fair" prefers the stronger model
// (strong > mid > weak) except on every fifth record; "first" always takes the response shown
// first.
QString makeProject(const QTemporaryDir& dir)
{
    const QString path = dir.filePath(QStringLiteral("models.concord"));
    concord::ProjectSettings settings;
    settings.name = "Models";
    auto project = Project::create(path.toStdString(), settings,
                                   concord::RecordSchema::fromJson(concord::templateSchema("preference")));
    // A fixed draw of the orders shown: with a random one, "fair" would look position-biased in
    // one project of twenty (the test at 5%), and the test would fail as often.
    project->setOrderSeed(7);
    const concord::Question& question = project->recordSchema().question("preference");
    const char* models[] = {"strong", "mid", "weak"};
    for (int i = 0; i < 60; ++i) {
        const int a = i % 3, b = (i + 1) % 3;
        concord::RecordContent record;
        record.fields = {{"prompt", "prompt " + std::to_string(i)},
                         {"response_a", std::string("answer by ") + models[a]},
                         {"response_b", std::string("answer by ") + models[b]}};
        record.meta = {{"response_a", {{"model", models[a]}}}, {"response_b", {{"model", models[b]}}}};
        const std::string id = "r" + std::to_string(i);
        const auto key = *project->samples().insert(id, "prompt", "{}", concord::encodeRecord(record));
        const bool upset = i % 5 == 0;
        const std::string better = (a < b) != upset ? "response_a" : "response_b";
        project->answer(key, "fair", "preference",
                        nlohmann::json{{"preference", {{"winner", better}, {"strength", 1}}}});
        project->setStatus(key, "fair", concord::ResponseStatus::Submitted);
        const auto shown = concord::shownOrder(project->orderSeed(), id, "first", question);
        project->answer(key, "first", "preference",
                        nlohmann::json{{"preference", {{"winner", shown.front()}, {"strength", 1}}}});
        project->setStatus(key, "first", concord::ResponseStatus::Submitted);
    }
    return path;
}

} // namespace

class TestDashboardPreferences : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void leaderboardAndBiasPanel()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir);
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        QVERIFY(guitest::showAndActivate(window));
        PreferenceSection* section = window.dashboard()->preferenceSection();
        QSignalSpy updated(section, &PreferenceSection::updated);
        guitest::press(window, Qt::Key_3, Qt::ControlModifier);
        QVERIFY(updated.wait(20000));
        QVERIFY(section->isVisible());
        QVERIFY(section->statusText().startsWith(QStringLiteral("120 comparisons on 60 records")));

        const auto& rows = section->ratings()->rows();
        QCOMPARE(rows.size(), std::size_t(3));
        QCOMPARE(rows[0].model, QStringLiteral("strong"));
        QCOMPARE(rows[1].model, QStringLiteral("mid"));
        QCOMPARE(rows[2].model, QStringLiteral("weak"));
        for (const auto& row : rows) {
            QVERIFY(row.lower <= row.rating && row.rating <= row.upper);
        }
        // Win rates of the row's model against the column's: they sum to one over a pair.
        const auto* matrix = section->winRates();
        QCOMPARE(matrix->annotators(),
                 (QStringList{QStringLiteral("strong"), QStringLiteral("mid"), QStringLiteral("weak")}));
        QVERIFY(*matrix->value(0, 2) > 0.5);
        QCOMPARE(*matrix->value(0, 1) + *matrix->value(1, 0), 1.0);

        // "first" chose the response shown first in all 60 votes: flagged for position.
        const QTableWidget* bias = section->biasTable();
        QCOMPARE(bias->rowCount(), 3); // fair, first, everyone
        QCOMPARE(bias->item(1, 0)->text(), QStringLiteral("first"));
        QCOMPARE(bias->item(1, 1)->text(), QStringLiteral("100% of 60"));
        QVERIFY(bias->item(1, 5)->text().contains(QStringLiteral("position")));
        QVERIFY(!bias->item(0, 5)->text().contains(QStringLiteral("position")));
        // The label charts are for label questions: hidden here, and no error shown.
        QVERIFY(window.errorText().isEmpty());

        // Under the table, the checks' flags; Enter on one lists the records behind it.
        QListWidget* flags = section->flagList();
        const auto found =
            flags->findItems(QStringLiteral("first chose the response shown first in 100% of 60"), Qt::MatchStartsWith);
        QCOMPARE(found.size(), 1);
        QVERIFY(found.front()->text().endsWith(QStringLiteral("(60 records)")));
        QVERIFY(flags->findItems(QStringLiteral("fair"), Qt::MatchContains).isEmpty());
        QSignalSpy flagShown(section, &PreferenceSection::flagRecordsShown);
        flags->setFocus();
        flags->setCurrentItem(found.front());
        QTest::keyClick(flags, Qt::Key_Return);
        QCOMPARE(flagShown.size(), 1);
        auto* flagDialog = flagShown.takeFirst().at(0).value<concord::gui::RecordRowsDialog*>();
        QCOMPARE(flagDialog->table()->rowCount(), 60);
        QCOMPARE(flagDialog->table()->item(0, 0)->text(), QStringLiteral("r0"));
        flagDialog->close();

        // The leaderboard saves as SVG: vector shapes with the models' names as text.
        const QString svg = dir.filePath(QStringLiteral("leaderboard.svg"));
        QVERIFY(section->ratingsPanel()->save(svg));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("<?xml"));
        QVERIFY(bytes.contains("<svg"));
        QVERIFY(bytes.contains(">strong<"));
        QVERIFY(bytes.contains(">weak<"));
        QVERIFY(!section->ratingsPanel()->save(dir.filePath(QStringLiteral("no/such/folder/chart.svg"))));
        QVERIFY(window.errorText().contains(QStringLiteral("Could not save the chart")));

        // A click on strong-against-weak lists the votes behind it; Enter opens one record.
        QSignalSpy shown(section, &PreferenceSection::votesShown);
        auto* matrixWidget = section->winRates();
        QTest::mouseClick(matrixWidget, Qt::LeftButton, {}, matrixWidget->cellRect(0, 2).center());
        QVERIFY(shown.wait(20000));
        auto* dialog = shown.takeFirst().at(0).value<concord::gui::PairVotesDialog*>();
        // strong and weak meet on every third record (i % 3 == 2), each voted on by both annotators.
        QCOMPARE(dialog->table()->rowCount(), 40);
        QVERIFY(dialog->summaryText().startsWith(QStringLiteral("strong won ")));
        QVERIFY(dialog->summaryText().contains(QStringLiteral("of 40 comparisons with weak")));
        const QString record = dialog->table()->item(0, 0)->text();
        dialog->table()->setFocus();
        dialog->table()->setCurrentCell(0, 0);
        QTest::keyClick(dialog->table(), Qt::Key_Return);
        QCOMPARE(window.annotateScreen()->feedbackView()->displayedId(), record);
    }

    // The questions table: each question's responses by status and its agreement with the
    // core's interval; below, the selected question per annotator.
    void questionsTable()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir);
        {
            auto project = Project::open(path.toStdString());
            const auto key = *project->samples().keyOf("r0");
            project->answer(key, "late", "preference",
                            nlohmann::json{{"preference", {{"winner", "response_a"}, {"strength", 1}}}});
            project->setStatus(key, "late", concord::ResponseStatus::Draft);
            project->setStatus(*project->samples().keyOf("r1"), "late", concord::ResponseStatus::Discarded,
                               "empty prompt");
        }
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        QVERIFY(guitest::showAndActivate(window));
        QSignalSpy updated(window.dashboard(), &concord::gui::DashboardScreen::updated);
        guitest::press(window, Qt::Key_3, Qt::ControlModifier);
        QVERIFY(updated.wait(20000));
        concord::gui::QuestionsSection* section = window.dashboard()->questionsSection();
        QVERIFY(section->isVisible());
        const QTableWidget* questions = section->questionsTable();
        QCOMPARE(questions->rowCount(), 2); // preference, reason
        QCOMPARE(questions->item(0, 0)->text(), QStringLiteral("preference"));
        QCOMPARE(questions->item(0, 2)->text(), QStringLiteral("120"));
        QCOMPARE(questions->item(0, 3)->text(), QStringLiteral("1"));
        QCOMPARE(questions->item(0, 4)->text(), QStringLiteral("1"));

        auto project = Project::open(path.toStdString());
        const auto& question = project->recordSchema().question("preference");
        const auto summary = concord::quality::summarizeQuestion(*project, question, 1000);
        const QString expected =
            QStringLiteral("%1  [%2, %3]")
                .arg(QString::number(summary.agreement.value, 'f', 3), QString::number(summary.interval->lower, 'f', 3),
                     QString::number(summary.interval->upper, 'f', 3));
        QCOMPARE(questions->item(0, 5)->text(), expected);
        QVERIFY(window.dashboard()->alphaText().endsWith(QString::number(summary.agreement.value, 'f', 3)));
        // The model section learns labels: not offered for a preference project.
        QVERIFY(!window.dashboard()->modelSection()->isVisible());

        const QTableWidget* annotators = section->annotatorsTable();
        QCOMPARE(annotators->rowCount(), 3); // first, fair, late
        QCOMPARE(annotators->item(2, 0)->text(), QStringLiteral("late"));
        QCOMPARE(annotators->item(2, 2)->text(), QStringLiteral("1"));
        QCOMPARE(annotators->item(2, 3)->text(), QStringLiteral("1"));
        // With one other annotator, "fair" agrees with "first" where they chose the same field.
        QVERIFY(annotators->item(1, 4)->text().endsWith(QStringLiteral("of 60")));

        // The keyboard picks another question: its annotators show below.
        section->questionsTable()->setFocus();
        QTest::keyClick(section->questionsTable(), Qt::Key_Down);
        QVERIFY(section->annotatorsTitle().contains(QStringLiteral("reason")));
        QCOMPARE(annotators->rowCount(), 1); // "late" set r1 aside: done for every question
    }

    // The bundled feedback demo is built from its resources once, with the traits its script
    // plants: aurora-70b clearly the best model, and omar, alone, biased to the first shown.
    void feedbackDemoShowsItsTraits()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("Concord/feedback-demo.concord"));
        {
            auto project = concord::gui::DemoProject::open(path, concord::gui::DemoKind::Feedback);
            QCOMPARE(project->samples().count(), 300);
            QCOMPARE(project->orderSeed(), concord::gui::DemoProject::feedbackOrderSeed);
            std::map<std::string, int> answers;
            concord::forEachSubmittedAnswer(*project, "preference", [&](const concord::SubmittedAnswer& row) {
                ++answers[std::string(row.annotator)];
            });
            QCOMPARE(answers.size(), std::size_t{3});
            for (const char* annotator : concord::gui::DemoProject::feedbackAnnotators) {
                QCOMPARE(answers[annotator], 240);
            }
            QCOMPARE(project->suggestions().count(), std::int64_t{300});
            QCOMPARE(project->suggestions().forSample(project->samples().keyOf("p001").value()).front().agent,
                     std::string(concord::gui::DemoProject::judgeAgent));
        }
        QVERIFY(!QFile::exists(path + QStringLiteral(".part")));

        const auto data = concord::gui::computePreferenceData(path.toStdString());
        QVERIFY2(data.error.isEmpty(), qPrintable(data.error));
        QVERIFY(data.leaderboard.has_value());
        QCOMPARE(data.leaderboard->standings.front().model, std::string("aurora-70b"));
        // aurora's interval lies above the next model's: clearly better, not by chance.
        QVERIFY(data.leaderboard->standings[0].ratingLower > data.leaderboard->standings[1].ratingUpper);
        const double alpha = concord::quality::CheckOptions{}.biasAlpha;
        QCOMPARE(data.annotators,
                 (QStringList{QStringLiteral("maya"), QStringLiteral("noor"), QStringLiteral("omar")}));
        QVERIFY(data.position.annotators[0].adjusted > alpha);
        QVERIFY(data.position.annotators[1].adjusted > alpha);
        QVERIFY(data.position.annotators[2].adjusted < alpha);
        QVERIFY(data.position.annotators[2].share > 0.7);

        // Opened again from the welcome screen's button, not rebuilt.
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openDemo(path, concord::gui::DemoKind::Feedback));
        QVERIFY(window.errorText().isEmpty());
        QVERIFY(window.annotateView() != nullptr);
    }
};

int runDashboardPreferenceTests(int argc, char** argv)
{
    TestDashboardPreferences tests;
    return QTest::qExec(&tests, argc, argv);
}

#include "test_dashboard_preferences.moc"
