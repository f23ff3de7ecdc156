// Offscreen tests of the dashboard's model section and progress chart on real project files:
// the model section runs on a worker thread and fills the confusion matrix with one count per
// labeled sample, its charts save as PNG, Cancel stops the work; the progress chart has one line
// per annotator.
#include "GuiTestSupport.hpp"
#include "app/gui/dashboard/ChartPanel.hpp"
#include "app/gui/dashboard/ConfusionHeatmap.hpp"
#include "app/gui/dashboard/DashboardScreen.hpp"
#include "app/gui/dashboard/ModelSection.hpp"
#include "core/learn/TrainingSet.hpp"

#include <QAbstractSeries>
#include <QChart>
#include <QFileInfo>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using concord::Project;
using concord::gui::DashboardScreen;
using concord::gui::MainWindow;
using concord::gui::ModelSection;
using guitest::makeProject;
using guitest::press;
using guitest::singleSchema;

namespace {

// `count` samples whose words give their label away; alice labels all but the last two, bob
// the first half (agreeing), carol a few (disagreeing now and then).
QString makeLabeledProject(const QTemporaryDir& dir, int count)
{
    std::vector<std::string> texts;
    for (int i = 1; i <= count; ++i) {
        texts.push_back(std::string(i % 2 ? "great lovely film " : "awful boring film ") + std::to_string(i % 5));
    }
    const QString path = makeProject(dir, singleSchema, count, texts);
    auto project = Project::open(path.toStdString());
    for (int i = 1; i <= count - 2; ++i) {
        const char* label = i % 2 ? "positive" : "negative";
        const std::string id = "s" + std::to_string(i);
        project->annotate(id, "alice", guitest::labelValue(label));
        if (i <= count / 2) {
            project->annotate(id, "bob", guitest::labelValue(label));
        }
        if (i <= 6) {
            project->annotate(id, "carol", guitest::labelValue(i % 3 == 0 ? "positive" : label));
        }
    }
    return path;
}

bool openOnDashboard(MainWindow& window, const QString& path)
{
    if (!window.openProject(path) || !guitest::showAndActivate(window)) {
        return false;
    }
    QSignalSpy updated(window.dashboard(), &DashboardScreen::updated);
    press(window, Qt::Key_3, Qt::ControlModifier);
    return updated.wait(20000);
}

} // namespace

class TestDashboardModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fillsTheConfusionMatrixWithEveryLabeledSample()
    {
        QTemporaryDir dir;
        const QString path = makeLabeledProject(dir, 60);
        std::size_t labeled = 0;
        {
            auto project = Project::open(path.toStdString());
            labeled = concord::learn::loadTrainingSet(*project).labeledRows().size();
        }
        QCOMPARE(labeled, std::size_t{58});

        MainWindow window(QStringLiteral("tester"));
        QVERIFY(openOnDashboard(window, path));
        ModelSection* model = window.dashboard()->modelSection();
        QVERIFY(!model->isRunning());
        QSignalSpy finished(model, &ModelSection::finished);
        QTest::mouseClick(model->startButton(), Qt::LeftButton);
        // The work is on a worker thread: the click returned at once, with Cancel offered.
        QVERIFY(model->isRunning());
        QVERIFY(window.dashboard()->isComputing());
        QVERIFY(model->cancelButton()->isEnabled());
        QVERIFY(!model->startButton()->isEnabled());
        QVERIFY(model->progressBar()->isVisible());
        QVERIFY(finished.wait(60000));
        QVERIFY2(window.errorText().isEmpty(), qPrintable(window.errorText()));
        QVERIFY2(model->statusText().startsWith(QStringLiteral("Up to date")), qPrintable(model->statusText()));
        QVERIFY(!model->progressBar()->isVisible());

        // One count per labeled sample, rows and columns the schema's labels.
        QCOMPARE(model->confusion()->labels(), (QStringList{"positive", "negative"}));
        QCOMPARE(model->confusion()->total(), static_cast<std::int64_t>(labeled));
        // The words give the labels away: most counts are on the diagonal.
        QVERIFY(model->confusion()->count(0, 0) + model->confusion()->count(1, 1) > 50);
        // Five folds and their mean.
        QCOMPARE(model->foldsTable()->rowCount(), 6);
        QCOMPARE(model->foldsTable()->verticalHeaderItem(5)->text(), QStringLiteral("mean"));
        int inFolds = 0;
        for (int row = 0; row < 5; ++row) {
            inFolds += model->foldsTable()->item(row, 0)->text().toInt();
        }
        QCOMPARE(inFolds, static_cast<int>(labeled));
        // ROC: a curve per label and the chance line; active learning: entropy, margin, random.
        QCOMPARE(model->rocPanel()->chart()->series().size(), 3);
        QCOMPARE(model->curvePanel()->chart()->series().size(), 3);
        // The project's settings and the two other feature sets.
        QVERIFY(model->modelsPanel()->chart());
        QVERIFY(model->modelsPanel()->note().contains(QStringLiteral("5-fold CV")));

        for (auto* panel : {model->confusionPanel(), model->rocPanel(), model->curvePanel(), model->foldsPanel(),
                            model->modelsPanel()}) {
            const QString png = dir.filePath(panel->title().left(8).simplified() + QStringLiteral(".png"));
            QVERIFY(panel->savePng(png));
            QVERIFY(QFileInfo(png).size() > 1000);
        }
    }

    void progressChartHasOneLinePerAnnotator()
    {
        QTemporaryDir dir;
        const QString path = makeLabeledProject(dir, 20);
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(openOnDashboard(window, path));
        QChart* chart = window.dashboard()->progressPanel()->chart();
        QVERIFY(chart);
        QStringList names;
        for (QAbstractSeries* series : chart->series()) {
            names << series->name();
        }
        QCOMPARE(names, (QStringList{"alice", "bob", "carol"}));
    }

    void cancelStopsTheWork()
    {
        QTemporaryDir dir;
        const QString path = makeLabeledProject(dir, 300);
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(openOnDashboard(window, path));
        ModelSection* model = window.dashboard()->modelSection();
        QSignalSpy finished(model, &ModelSection::finished);
        model->start();
        QVERIFY(model->isRunning());
        QTest::mouseClick(model->cancelButton(), Qt::LeftButton);
        QVERIFY(!model->cancelButton()->isEnabled());
        QVERIFY(finished.wait(60000));
        QVERIFY(!model->isRunning());
        QVERIFY2(model->statusText().startsWith(QStringLiteral("Cancelled")), qPrintable(model->statusText()));
        QCOMPARE(model->confusion()->total(), std::int64_t{0});
        QCOMPARE(model->foldsTable()->rowCount(), 0);
        QVERIFY(window.errorText().isEmpty());
        // It can be started again, and then finishes.
        QVERIFY(model->startButton()->isEnabled());
        model->start();
        QVERIFY(finished.wait(60000));
        QCOMPARE(model->confusion()->total(), std::int64_t{298});
    }

    void tooFewLabelsIsSaid()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir, singleSchema, 4);
        {
            auto project = Project::open(path.toStdString());
            project->annotate("s1", "alice", guitest::labelValue("positive"));
            project->annotate("s2", "bob", guitest::labelValue("negative"));
        }
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(openOnDashboard(window, path));
        ModelSection* model = window.dashboard()->modelSection();
        QSignalSpy finished(model, &ModelSection::finished);
        model->start();
        QVERIFY(finished.wait(20000));
        QCOMPARE(model->statusText(), QStringLiteral("Failed"));
        QVERIFY2(window.errorText().startsWith(QStringLiteral("Could not evaluate the models: cross-validation needs")),
                 qPrintable(window.errorText()));
    }
};

int runDashboardModelTests(int argc, char** argv)
{
    TestDashboardModel test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_dashboard_model.moc"
