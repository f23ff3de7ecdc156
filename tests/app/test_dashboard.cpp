// Offscreen tests of the dashboard on a real project file: the numbers it shows are the ones the
// core computes for the same file, it says "Computing…" while the worker runs, says why alpha
// is undefined when it is, and saves its charts as PNG files.
#include "GuiTestSupport.hpp"
#include "app/gui/dashboard/ChartPanel.hpp"
#include "app/gui/dashboard/DashboardScreen.hpp"
#include "app/gui/dashboard/KappaHeatmap.hpp"
#include "core/quality/agreement/AgreementBreakdown.hpp"
#include "core/quality/agreement/AgreementMetrics.hpp"
#include "core/quality/agreement/AlphaBootstrap.hpp"
#include "core/quality/agreement/ProjectRatings.hpp"

#include <QAction>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QSignalSpy>
#include <QTest>

using concord::Project;
using concord::gui::DashboardScreen;
using concord::gui::MainWindow;
using guitest::makeProject;
using guitest::press;
using guitest::singleSchema;

namespace quality = concord::quality;

namespace {

// Three annotators on eight samples, agreeing mostly: alpha is defined and below 1.
QString makeRatedProject(const QTemporaryDir& dir)
{
    const QString path = makeProject(dir, singleSchema, 8);
    auto project = Project::open(path.toStdString());
    const char* alice[] = {"positive", "positive", "negative", "negative",
                           "positive", "negative", "positive", "positive"};
    const char* bob[] = {"positive", "negative", "negative", "negative",
                         "positive", "negative", "positive", "negative"};
    const char* carol[] = {"positive", "positive", "negative", "positive",
                           "positive", "negative", "negative", "positive"};
    for (int i = 0; i < 8; ++i) {
        const std::string id = "s" + std::to_string(i + 1);
        project->annotate(id, "alice", guitest::labelValue(alice[i]));
        project->annotate(id, "bob", guitest::labelValue(bob[i]));
        project->annotate(id, "carol", guitest::labelValue(carol[i]));
    }
    return path;
}

// Switches to the dashboard by its shortcut and waits for the worker's result.
bool showDashboard(MainWindow& window)
{
    QSignalSpy updated(window.dashboard(), &DashboardScreen::updated);
    press(window, Qt::Key_3, Qt::ControlModifier);
    return updated.wait(20000);
}

QString number(double value)
{
    return QString::number(value, 'f', 3);
}

bool isPng(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() == 0) {
        return false;
    }
    const QByteArray signature = file.read(8);
    QImageReader reader(path);
    return signature == QByteArray("\x89PNG\r\n\x1a\n", 8) && reader.format() == "png" && !reader.read().isNull();
}

} // namespace

class TestDashboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheCoresAgreement()
    {
        QTemporaryDir dir;
        const QString path = makeRatedProject(dir);
        auto project = Project::open(path.toStdString());
        const quality::AgreementData data = quality::loadProjectRatings(*project);
        const quality::Coefficient alpha = quality::computeMetric(data, quality::Metric::AlphaNominal);
        QVERIFY(alpha.defined());
        const quality::BootstrapInterval interval =
            quality::bootstrapAlpha(data.table, quality::AlphaMetric::Nominal, 1000, 1);
        QVERIFY(interval.defined());

        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        QVERIFY(guitest::showAndActivate(window));
        QSignalSpy updated(window.dashboard(), &DashboardScreen::updated);
        press(window, Qt::Key_3, Qt::ControlModifier);
        DashboardScreen* dashboard = window.dashboard();
        QVERIFY(dashboard->isVisible());
        // The worker reports through the event loop, which has not run yet.
        QCOMPARE(dashboard->statusText(), QStringLiteral("Computing\u2026"));
        QVERIFY(updated.wait(20000));
        QCOMPARE(dashboard->statusText(), QStringLiteral("Up to date"));
        QVERIFY(window.errorText().isEmpty());

        QCOMPARE(dashboard->alphaText(), QStringLiteral("Krippendorff's alpha, nominal = %1").arg(number(alpha.value)));
        QVERIFY2(dashboard->intervalText().startsWith(
                     QStringLiteral("95% interval %1 to %2").arg(number(interval.lower), number(interval.upper))),
                 qPrintable(dashboard->intervalText()));

        // The heatmap holds the core's kappa for each pair, both ways round.
        const auto pairs = quality::pairwiseKappa(data.table, quality::KappaWeights::None);
        QCOMPARE(pairs.size(), std::size_t{3});
        auto* heatmap = dashboard->heatmap();
        QCOMPARE(heatmap->annotators(), (QStringList{"alice", "bob", "carol"}));
        for (const auto& pair : pairs) {
            const int a = static_cast<int>(pair.first);
            const int b = static_cast<int>(pair.second);
            QCOMPARE(heatmap->value(a, b), pair.kappa.get());
            QCOMPARE(heatmap->value(b, a), pair.kappa.get());
        }
        QVERIFY(!heatmap->value(0, 0));

        // Label distribution: alice 5, bob 3, carol 5 positive = 13 positive, 11 negative.
        auto* series = qobject_cast<QBarSeries*>(dashboard->distributionPanel()->chart()->series().value(0));
        QVERIFY(series);
        QCOMPARE(series->barSets().size(), 1);
        QCOMPARE(series->barSets()[0]->at(0), 13.0);
        QCOMPARE(series->barSets()[0]->at(1), 11.0);
        // One bar per label for alpha per label, one per annotator against the rest.
        auto* perLabel = qobject_cast<QBarSeries*>(dashboard->perLabelPanel()->chart()->series().value(0));
        QVERIFY(perLabel);
        QCOMPARE(perLabel->barSets()[0]->count(), 2);
        auto* annotators = qobject_cast<QBarSeries*>(dashboard->annotatorsPanel()->chart()->series().value(0));
        QVERIFY(annotators);
        QCOMPARE(annotators->barSets()[0]->count(), 3);
    }

    void recomputesAfterALabel()
    {
        QTemporaryDir dir;
        const QString path = makeRatedProject(dir);
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        QVERIFY(guitest::showAndActivate(window));
        QVERIFY(showDashboard(window));
        const QString before = window.dashboard()->alphaText();
        // Label s1 as the fourth annotator, against everyone else; back on the dashboard alpha moves.
        press(window, Qt::Key_1, Qt::ControlModifier);
        press(window, Qt::Key_N);
        QCOMPARE(guitest::storedValue(path, "s1"), QStringLiteral(R"({"labels":["negative"]})"));
        QVERIFY(showDashboard(window));
        auto project = Project::open(path.toStdString());
        const auto alpha = quality::computeMetric(quality::loadProjectRatings(*project), quality::Metric::AlphaNominal);
        QCOMPARE(window.dashboard()->alphaText(),
                 QStringLiteral("Krippendorff's alpha, nominal = %1").arg(number(alpha.value)));
        QVERIFY(window.dashboard()->alphaText() != before);
    }

    void saysWhyAlphaIsUndefined()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir, singleSchema, 3);
        {
            auto project = Project::open(path.toStdString());
            project->annotate("s1", "alice", guitest::labelValue("positive"));
            project->annotate("s2", "alice", guitest::labelValue("negative"));
        }
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        QVERIFY(guitest::showAndActivate(window));
        QVERIFY(showDashboard(window));
        QCOMPARE(window.dashboard()->alphaText(), QStringLiteral("Krippendorff's alpha, nominal: undefined"));
        // The core's reason, in its words.
        auto project = Project::open(path.toStdString());
        const auto alpha = quality::computeMetric(quality::loadProjectRatings(*project), quality::Metric::AlphaNominal);
        QCOMPARE(alpha.undefined, quality::Undefined::NoPairableItems);
        QCOMPARE(window.dashboard()->intervalText(), QString::fromStdString(alpha.reason()));
        QVERIFY(window.dashboard()->pairsPanel()->note().contains(QStringLiteral("at least two annotators")));
    }

    void spanProjectShowsTokenAlphaAndSpanCounts()
    {
        QTemporaryDir dir;
        const QString path =
            makeProject(dir, R"({"kind":"spans","labels":[{"name":"PER","key":"p"},{"name":"ORG","key":"o"}]})", 2,
                        {"Ada Lovelace met Babbage at IBM", "Grace Hopper worked at Remington Rand"});
        {
            auto project = Project::open(path.toStdString());
            const auto span = [](int start, int end, const char* label) {
                return nlohmann::json{{"start", start}, {"end", end}, {"label", label}};
            };
            project->annotate("s1", "alice", {{"spans", {span(0, 12, "PER"), span(28, 31, "ORG")}}});
            project->annotate("s1", "bob", {{"spans", {span(0, 3, "PER"), span(28, 31, "ORG")}}});
            project->annotate("s2", "alice", {{"spans", {span(0, 12, "PER")}}});
            project->annotate("s2", "bob", {{"spans", {span(0, 12, "PER"), span(23, 37, "ORG")}}});
        }
        auto project = Project::open(path.toStdString());
        const auto alpha = quality::computeMetric(quality::loadProjectRatings(*project), quality::Metric::AlphaTokens);
        QVERIFY(alpha.defined());

        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        QVERIFY(guitest::showAndActivate(window));
        QVERIFY(showDashboard(window));
        QVERIFY2(window.errorText().isEmpty(), qPrintable(window.errorText()));
        QCOMPARE(window.dashboard()->alphaText(),
                 QStringLiteral("Krippendorff's alpha over token BIO tags = %1").arg(number(alpha.value)));
        // Spans per label: PER 4, ORG 3.
        auto* series = qobject_cast<QBarSeries*>(window.dashboard()->distributionPanel()->chart()->series().value(0));
        QVERIFY(series);
        QCOMPARE(series->barSets()[0]->count(), 2);
        QCOMPARE(series->barSets()[0]->at(0), 4.0);
        QCOMPARE(series->barSets()[0]->at(1), 3.0);
        QVERIFY(window.dashboard()->heatmap()->value(0, 1).has_value());
        QCOMPARE(window.dashboard()->pairsPanel()->title(), QStringLiteral("Pairwise agreement (span F1, overlap)"));
    }

    void anotherProjectOpenedWhileComputing()
    {
        QTemporaryDir first;
        QTemporaryDir second;
        const QString rated = makeRatedProject(first);
        const QString single = makeProject(second, singleSchema, 2);
        {
            auto project = Project::open(single.toStdString());
            project->annotate("s1", "alice", guitest::labelValue("positive"));
        }
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(rated));
        QVERIFY(guitest::showAndActivate(window));
        QSignalSpy updated(window.dashboard(), &DashboardScreen::updated);
        press(window, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(window.dashboard()->statusText(), QStringLiteral("Computing\u2026"));
        // The first project's numbers are still being computed when the second one opens.
        QVERIFY(window.openProject(single));
        QVERIFY(updated.wait(20000));
        QCOMPARE(updated.count(), 1);
        QCOMPARE(window.dashboard()->alphaText(), QStringLiteral("Krippendorff's alpha, nominal: undefined"));
    }

    void failureShowsInTheBanner()
    {
        QTemporaryDir dir;
        const QString path = makeRatedProject(dir);
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        QVERIFY(guitest::showAndActivate(window));
        // The worker opens the file anew; gone, it cannot, and the window says so.
        QVERIFY(QFile::remove(path));
        QVERIFY(showDashboard(window));
        QVERIFY2(window.errorText().startsWith(QStringLiteral("Could not compute the agreement: ")),
                 qPrintable(window.errorText()));
        QVERIFY2(window.errorText().contains(path), qPrintable(window.errorText()));
        QCOMPARE(window.dashboard()->statusText(), QStringLiteral("Failed"));
    }

    void savesChartsAsPng()
    {
        QTemporaryDir dir;
        const QString path = makeRatedProject(dir);
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        QVERIFY(guitest::showAndActivate(window));
        QVERIFY(showDashboard(window));
        const QString chart = dir.filePath(QStringLiteral("distribution.png"));
        QVERIFY(window.dashboard()->distributionPanel()->savePng(chart));
        QVERIFY(isPng(chart));
        QVERIFY(QFileInfo(chart).size() > 1000);
        // The chart's context menu offers the same.
        const QList<QAction*> menu = window.dashboard()->distributionPanel()->content()->actions();
        QCOMPARE(menu.size(), 1);
        QCOMPARE(menu.front()->text(), QStringLiteral("Save as PNG\u2026"));
        QCOMPARE(window.dashboard()->distributionPanel()->content()->contextMenuPolicy(), Qt::ActionsContextMenu);
        const QString heatmap = dir.filePath(QStringLiteral("kappa.png"));
        QVERIFY(window.dashboard()->pairsPanel()->savePng(heatmap));
        QVERIFY(isPng(heatmap));

        // A file that cannot be written is said in the banner, not swallowed.
        const QString nowhere = dir.filePath(QStringLiteral("no/such/folder/chart.png"));
        QVERIFY(!window.dashboard()->perLabelPanel()->savePng(nowhere));
        QVERIFY2(window.errorText().contains(QStringLiteral("Could not save the chart")),
                 qPrintable(window.errorText()));
        QVERIFY(!QFile::exists(nowhere));
    }
};

int runDashboardModelTests(int argc, char** argv); // test_dashboard_model.cpp

int runDashboardTests(int argc, char** argv)
{
    TestDashboard test;
    const int failed = QTest::qExec(&test, argc, argv);
    return failed + runDashboardModelTests(argc, argv);
}

#include "test_dashboard.moc"
