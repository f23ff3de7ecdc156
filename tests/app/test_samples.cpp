// Offscreen tests of the samples list's filter: a saved signal picked in the real combo box,
// a search typed into the real search box, on a real project file.
#include "GuiTestSupport.hpp"
#include "app/gui/MainWindow.hpp"
#include "app/gui/annotate/AnnotateScreen.hpp"
#include "app/gui/annotate/AnnotateView.hpp"
#include "app/gui/annotate/SamplePanel.hpp"
#include "app/gui/project/SampleListModel.hpp"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QStatusBar>
#include <QTest>

using concord::Project;
using concord::gui::MainWindow;
using concord::gui::SampleListModel;
using guitest::makeProject;
using guitest::singleSchema;

namespace {

QStringList listedIds(const SampleListModel& model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row) {
        ids << model.index(row).data(SampleListModel::IdRole).toString();
    }
    return ids;
}

} // namespace

class TestSamples : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filterByASignal()
    {
        QTemporaryDir dir;
        const QString path = makeProject(
            dir, singleSchema, 5,
            {"short", "an apple a day keeps it away", "tiny", "apple", "the longest text of them all, by some way"});
        {
            auto project = Project::open(path.toStdString());
            project->signals().put("long texts", "length > 20", 1);
        }
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        QVERIFY(guitest::showAndActivate(window));
        auto* panel = window.annotateScreen()->samples();
        QComboBox* picker = panel->signalPicker();
        QCOMPARE(picker->count(), 2);
        QCOMPARE(picker->itemText(1), QStringLiteral("long texts"));
        QCOMPARE(window.sampleModel()->rowCount(), 5);

        // Picking the signal with the keyboard narrows the list.
        QTest::keyClick(picker, Qt::Key_Down);
        QCOMPARE(picker->currentIndex(), 1);
        QCOMPARE(listedIds(*window.sampleModel()), (QStringList{QStringLiteral("s2"), QStringLiteral("s5")}));
        auto* header = panel->findChild<QLabel*>(QStringLiteral("listHeader"));
        QCOMPARE(header->text(), QStringLiteral("Samples \u00b7 2 of 5"));
        // The open sample (s1) is filtered out: the first one the signal selects opens.
        QCOMPARE(window.annotateView()->displayedId(), QStringLiteral("s2"));
        QCOMPARE(panel->list()->currentIndex().row(), 0);

        // A search narrows it further, after a pause in typing.
        QTest::keyClicks(panel->searchBox(), QStringLiteral("APPLE"));
        QTRY_COMPARE(listedIds(*window.sampleModel()), QStringList{QStringLiteral("s2")});

        // A click in the filtered list opens that sample; labeling works as ever.
        QListView* list = panel->list();
        list->setCurrentIndex(window.sampleModel()->index(0));
        QCOMPARE(window.annotateView()->displayedId(), QStringLiteral("s2"));
        guitest::press(window, Qt::Key_P);
        QCOMPARE(guitest::storedValue(path, "s2"), QStringLiteral(R"({"labels":["positive"]})"));
        QCOMPARE(window.sampleModel()->index(0).data(SampleListModel::MarkRole).toString(), QStringLiteral("positive"));

        // Without the signal the search alone applies; without both, every sample is back.
        QTest::keyClick(picker, Qt::Key_Up);
        QCOMPARE(listedIds(*window.sampleModel()), (QStringList{QStringLiteral("s2"), QStringLiteral("s4")}));
        panel->searchBox()->clear();
        QTRY_COMPARE(window.sampleModel()->rowCount(), 5);
        QVERIFY(!window.sampleModel()->isFiltered());
        QCOMPARE(header->text(), QStringLiteral("Samples \u00b7 5"));
        QVERIFY(window.errorText().isEmpty());
    }

    void labelingMovesOnWithinTheFilter()
    {
        QTemporaryDir dir;
        const QString path = makeProject(
            dir, singleSchema, 6,
            {"a", "a long text number two", "b", "another long text, four", "c", "the sixth text is long too"});
        {
            auto project = Project::open(path.toStdString());
            project->signals().put("long texts", "length > 10", 1);
            project->annotate("s4", "tester", {{"labels", {"negative"}}});
        }
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        QVERIFY(guitest::showAndActivate(window));
        QTest::keyClick(window.annotateScreen()->samples()->signalPicker(), Qt::Key_Down);
        QCOMPARE(window.annotateView()->displayedId(), QStringLiteral("s2"));
        // s3 is not in the filter and s4 is labeled: the next is s6.
        guitest::press(window, Qt::Key_P);
        QCOMPARE(window.annotateView()->displayedId(), QStringLiteral("s6"));
        guitest::press(window, Qt::Key_Space);
        QCOMPARE(window.annotateView()->displayedId(), QStringLiteral("s6")); // the filter's last
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("last sample the filter shows")));
        // Without the filter, every sample again.
        QTest::keyClick(window.annotateScreen()->samples()->signalPicker(), Qt::Key_Up);
        window.annotateScreen()->samples()->list()->setCurrentIndex(window.sampleModel()->index(1));
        QCOMPARE(window.annotateView()->displayedId(), QStringLiteral("s2"));
        guitest::press(window, Qt::Key_Space);
        QCOMPARE(window.annotateView()->displayedId(), QStringLiteral("s3"));
    }

    void enterInTheSearchBoxSearches()
    {
        QTemporaryDir dir;
        const QString path =
            makeProject(dir, R"({"kind":"multi","labels":[{"name":"a","key":"a"},{"name":"b","key":"b"}]})", 3,
                        {"first", "second", "third"});
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        QVERIFY(guitest::showAndActivate(window));
        guitest::press(window, Qt::Key_F, Qt::ControlModifier);
        QLineEdit* search = window.annotateScreen()->samples()->searchBox();
        QCOMPARE(QApplication::focusWidget(), search);
        QTest::keyClicks(search, QStringLiteral("third"));
        QTest::keyClick(search, Qt::Key_Return);
        // Enter searched at once (no wait for the pause) and saved nothing.
        QCOMPARE(listedIds(*window.sampleModel()), QStringList{QStringLiteral("s3")});
        QCOMPARE(guitest::storedValue(path, "s1"), QStringLiteral("null"));
        QCOMPARE(window.annotateView()->displayedId(), QStringLiteral("s3"));
    }

    void aBrokenSignalIsShownNotSwallowed()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir, singleSchema, 3);
        {
            auto project = Project::open(path.toStdString());
            project->signals().put("broken", "no_such_column > 1", 1); // saved without the CLI's check
        }
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        QVERIFY(guitest::showAndActivate(window));
        QTest::keyClick(window.annotateScreen()->samples()->signalPicker(), Qt::Key_Down);
        QVERIFY(window.errorText().contains(QStringLiteral("no_such_column")));
        QCOMPARE(window.sampleModel()->rowCount(), 3);
    }
};

int runSamplesTests(int argc, char** argv)
{
    TestSamples tests;
    return QTest::qExec(&tests, argc, argv);
}

#include "test_samples.moc"
