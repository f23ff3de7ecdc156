// Offscreen tests of the samples table (Ctrl+5) on a real project file: its columns, sorting by
// disagreement, the search, opening a sample to annotate, and fresh rows after labeling.
#include "GuiTestSupport.hpp"
#include "app/gui/annotate/AnnotateView.hpp"
#include "app/gui/samples/SampleTableModel.hpp"
#include "app/gui/samples/SamplesScreen.hpp"
#include "app/gui/widgets/SampleFilterBar.hpp"

#include <QLineEdit>
#include <QTableView>
#include <QTest>

using concord::gui::MainWindow;
using concord::gui::SampleTableModel;
using guitest::press;
using guitest::singleSchema;

namespace {

QString cell(SampleTableModel* model, int row, int column)
{
    return model->index(row, column).data().toString();
}

int rowOf(SampleTableModel* model, const QString& id)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (cell(model, row, SampleTableModel::IdColumn) == id) {
            return row;
        }
    }
    return -1;
}

} // namespace

class TestSamplesTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsSortsSearchesAndOpens()
    {
        QTemporaryDir dir;
        const QString path = guitest::makeProject(dir, singleSchema, 6);
        {
            auto project = concord::Project::open(path.toStdString());
            const nlohmann::json positive = {{"labels", {"positive"}}};
            const nlohmann::json negative = {{"labels", {"negative"}}};
            project->annotate("s1", "alice", positive);
            project->annotate("s1", "bob", positive);
            project->annotate("s2", "alice", positive);
            project->annotate("s2", "bob", negative);
            project->annotate("s3", "alice", negative);
            project->resolve("s3", "lead", negative, "");
            project->predictions().put(*project->samples().keyOf("s4"), "builtin", R"({"positive":0.8,"negative":0.2})",
                                       1);
        }
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        QVERIFY(guitest::showAndActivate(window));
        press(window, Qt::Key_5, Qt::ControlModifier);
        concord::gui::SamplesScreen* screen = window.samplesScreen();
        QVERIFY(screen->isVisible());
        QTRY_VERIFY(!screen->isLoading());
        SampleTableModel* model = screen->model();
        QCOMPARE(model->rowCount(), 6);
        QCOMPARE(screen->headerText(), QStringLiteral("Samples \u00b7 6"));

        // The columns, in id order at first.
        QCOMPARE(cell(model, 0, SampleTableModel::IdColumn), QStringLiteral("s1"));
        QCOMPARE(cell(model, 0, SampleTableModel::TextColumn), QStringLiteral("text 1"));
        QCOMPARE(cell(model, 0, SampleTableModel::StatusColumn), QStringLiteral("2 annotators"));
        QCOMPARE(cell(model, 0, SampleTableModel::LabelColumn), QStringLiteral("positive"));
        QCOMPARE(cell(model, 0, SampleTableModel::DisagreementColumn), QStringLiteral("0%"));
        QCOMPARE(cell(model, 1, SampleTableModel::DisagreementColumn), QStringLiteral("50%"));
        QCOMPARE(cell(model, 2, SampleTableModel::StatusColumn), QStringLiteral("gold"));
        QCOMPARE(cell(model, 2, SampleTableModel::LabelColumn), QStringLiteral("negative"));
        QCOMPARE(cell(model, 3, SampleTableModel::ConfidenceColumn), QStringLiteral("0.80"));
        QCOMPARE(cell(model, 5, SampleTableModel::StatusColumn), QStringLiteral("unlabeled"));

        // Sorted by a click on a header: the most contested first, then by confidence.
        screen->table()->sortByColumn(SampleTableModel::DisagreementColumn, Qt::DescendingOrder);
        QCOMPARE(cell(model, 0, SampleTableModel::IdColumn), QStringLiteral("s2"));
        screen->table()->sortByColumn(SampleTableModel::ConfidenceColumn, Qt::DescendingOrder);
        QCOMPARE(cell(model, 0, SampleTableModel::IdColumn), QStringLiteral("s4"));

        // The search narrows it; the sort stays.
        QLineEdit* search = screen->filterBar()->searchBox();
        search->setFocus();
        QTest::keyClicks(search, QStringLiteral("text 3"));
        QTest::keyClick(search, Qt::Key_Return);
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(screen->headerText(), QStringLiteral("Samples \u00b7 1 of 6"));
        search->clear();
        QTest::keyClick(search, Qt::Key_Return);
        QCOMPARE(model->rowCount(), 6);

        // Enter on a row opens that sample on the annotate screen.
        screen->table()->setFocus();
        screen->table()->selectRow(rowOf(model, QStringLiteral("s6")));
        QTest::keyClick(screen->table(), Qt::Key_Return);
        QCOMPARE(window.annotateView()->displayedId(), QStringLiteral("s6"));
        QVERIFY(!screen->isVisible());

        // A label there shows in the table the next time it is opened.
        press(window, Qt::Key_P);
        press(window, Qt::Key_5, Qt::ControlModifier);
        QTRY_VERIFY(!screen->isLoading());
        QTRY_COMPARE(cell(model, rowOf(model, QStringLiteral("s6")), SampleTableModel::StatusColumn),
                     QStringLiteral("1 annotator"));
        QVERIFY2(window.errorText().isEmpty(), qPrintable(window.errorText()));
    }
};

int runSamplesTableTests(int argc, char** argv)
{
    TestSamplesTable tests;
    return QTest::qExec(&tests, argc, argv);
}

#include "test_samples_table.moc"
