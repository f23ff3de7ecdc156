// Offscreen tests of the quality screen on a real project file: the core's findings appear
// grouped by check, and activating one opens its sample on the Annotate screen.
#include "GuiTestSupport.hpp"
#include "app/gui/annotate/AnnotateScreen.hpp"
#include "app/gui/annotate/SamplePanel.hpp"
#include "app/gui/project/AnnotationSession.hpp"
#include "app/gui/project/SampleListModel.hpp"
#include "app/gui/quality/QualityScreen.hpp"

#include <QListView>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using concord::gui::MainWindow;
using concord::gui::QualityScreen;
using guitest::makeProject;
using guitest::press;
using guitest::singleSchema;

namespace {

QTreeWidgetItem* group(QTreeWidget* tree, const QString& check)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->text(0) == check) {
            return tree->topLevelItem(i);
        }
    }
    return nullptr;
}

} // namespace

class TestQuality : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void duplicateOpensItsSample()
    {
        QTemporaryDir dir;
        // s3 and s5 carry the same text (up to case and spaces): a planted exact duplicate.
        const QString path = makeProject(
            dir, singleSchema, 6,
            {"The delivery came a day early and the box was intact.",
             "Support never answered my two emails about the refund.", "The battery lasts a full week on one charge.",
             "I would buy this kettle again without a second thought.", "the battery lasts a  full week on one charge.",
             "Colours faded after the first wash, sadly."});
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        QVERIFY(guitest::showAndActivate(window));
        QCOMPARE(window.session()->current()->id, std::string("s1"));

        QualityScreen* quality = window.quality();
        QSignalSpy updated(quality, &QualityScreen::updated);
        press(window, Qt::Key_4, Qt::ControlModifier);
        QVERIFY(quality->isVisible());
        QCOMPARE(quality->statusText(), QStringLiteral("Running the checks\u2026"));
        QVERIFY(updated.wait(20000));
        QVERIFY(window.errorText().isEmpty());

        QTreeWidgetItem* duplicates = group(quality->tree(), QStringLiteral("exact-duplicate"));
        QVERIFY(duplicates);
        QCOMPARE(duplicates->childCount(), 1);
        QTreeWidgetItem* finding = duplicates->child(0);
        QCOMPARE(finding->text(1), QStringLiteral("warning"));
        QCOMPARE(finding->text(2), QStringLiteral("s3, s5"));
        QVERIFY2(finding->text(3).contains(QStringLiteral("same text")), qPrintable(finding->text(3)));
        // The first finding is selected and shown in full below the tree.
        QCOMPARE(quality->tree()->currentItem(), quality->tree()->topLevelItem(0)->child(0));
        quality->tree()->setCurrentItem(finding);
        QVERIFY2(quality->detailsText().contains(QStringLiteral("Samples: s3, s5")),
                 qPrintable(quality->detailsText()));
        QVERIFY(quality->detailsText().contains(finding->text(3)));

        // Enter on the finding, where the keyboard focus is: the Annotate screen with s3 open and selected.
        quality->tree()->setCurrentItem(finding);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(quality->tree()));
        press(window, Qt::Key_Return);
        QVERIFY(window.annotateScreen()->isVisible());
        QVERIFY(!quality->isVisible());
        QCOMPARE(window.session()->current()->id, std::string("s3"));
        const QModelIndex selected = window.annotateScreen()->samples()->list()->currentIndex();
        QVERIFY(selected.isValid());
        QCOMPARE(window.sampleModel()->keyAt(selected.row()), window.session()->current()->key);
    }

    void doubleClickOpensASample()
    {
        QTemporaryDir dir;
        // s2 has no text worth the name: the empty-text or length checks name it.
        const QString path = makeProject(
            dir, singleSchema, 3,
            {"A perfectly ordinary review of a toaster.", "ok", "Another ordinary review, of a kettle this time."});
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        QVERIFY(guitest::showAndActivate(window));
        QualityScreen* quality = window.quality();
        QSignalSpy updated(quality, &QualityScreen::updated);
        window.showScreen(MainWindow::Screen::Quality);
        QVERIFY(updated.wait(20000));
        QVERIFY(!quality->findings().empty());
        // Find the finding that names s2 and double-click it.
        QTreeWidgetItem* target = nullptr;
        for (int i = 0; i < quality->tree()->topLevelItemCount() && !target; ++i) {
            QTreeWidgetItem* check = quality->tree()->topLevelItem(i);
            for (int j = 0; j < check->childCount(); ++j) {
                if (check->child(j)->text(2) == QStringLiteral("s2")) {
                    target = check->child(j);
                    break;
                }
            }
        }
        QVERIFY2(target, "a finding names the two-letter text s2");
        QTreeWidget* tree = quality->tree();
        tree->scrollToItem(target);
        const QPoint centre = tree->visualItemRect(target).center();
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, Qt::NoModifier, centre);
        QCOMPARE(tree->currentItem(), target);
        QVERIFY(quality->isVisible()); // a single click only selects
        QTest::mouseDClick(tree->viewport(), Qt::LeftButton, Qt::NoModifier, centre);
        QVERIFY(window.annotateScreen()->isVisible());
        QCOMPARE(window.session()->current()->id, std::string("s2"));
    }

    void rerunsOnRequest()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir, singleSchema, 2);
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        QVERIFY(guitest::showAndActivate(window));
        QualityScreen* quality = window.quality();
        QSignalSpy updated(quality, &QualityScreen::updated);
        window.showScreen(MainWindow::Screen::Quality);
        QVERIFY(updated.wait(20000));
        // "Run checks" by F5 on the screen runs them again.
        press(window, Qt::Key_F5);
        QCOMPARE(quality->statusText(), QStringLiteral("Running the checks\u2026"));
        QVERIFY(updated.wait(20000));
        QCOMPARE(updated.count(), 2);
    }
};

int runQualityTests(int argc, char** argv)
{
    TestQuality test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_quality.moc"
