// Offscreen GUI tests: a real project file in a temporary folder, the real MainWindow, driven
// by key presses; what was stored is checked through a fresh Project::open of the same file.
#include "GuiTestSupport.hpp"
#include "app/gui/MainWindow.hpp"
#include "app/gui/annotate/AnnotateView.hpp"
#include "app/gui/annotate/GuidelinesPanel.hpp"
#include "app/gui/project/AnnotationSession.hpp"
#include "app/gui/project/DemoProject.hpp"
#include "app/gui/project/SampleListModel.hpp"
#include "app/gui/widgets/SampleTextView.hpp"
#include "core/io/Importer.hpp"
#include "core/io/RecordReader.hpp"
#include "core/store/Project.hpp"

#include <QApplication>
#include <QLabel>
#include <QListView>
#include <QMouseEvent>
#include <QPushButton>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>

#include <sstream>

using concord::LabelSchema;
using concord::Project;
using concord::gui::MainWindow;
using concord::gui::SampleListModel;
using guitest::makeProject;
using guitest::press;
using guitest::singleSchema;
using guitest::storedValue;

namespace {

void showAndActivate(MainWindow& window)
{
    QVERIFY(guitest::showAndActivate(window));
}

} // namespace

class TestAnnotate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void labelKeyStoresAndAdvances()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir, singleSchema, 5);
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        showAndActivate(window);
        QCOMPARE(window.windowTitle(), QStringLiteral("Test project \u2014 Concord"));
        QCOMPARE(window.annotateView()->displayedId(), QStringLiteral("s1"));
        QCOMPARE(window.annotateView()->displayedText(), QStringLiteral("text 1"));
        QCOMPARE(window.progressText(), QStringLiteral("0 of 5 labeled by tester"));
        QVERIFY(qobject_cast<QListView*>(QApplication::focusWidget()) != nullptr);

        press(window, Qt::Key_P);
        QCOMPARE(storedValue(path, "s1"), QStringLiteral(R"({"labels":["positive"]})"));
        QCOMPARE(window.annotateView()->displayedId(), QStringLiteral("s2"));
        QCOMPARE(window.annotateView()->displayedText(), QStringLiteral("text 2"));
        QCOMPARE(window.progressText(), QStringLiteral("1 of 5 labeled by tester"));
        QCOMPARE(window.findChild<QLabel*>(QStringLiteral("currentSampleLabel"))->text(), QStringLiteral("sample s2"));
        // The list follows, and marks the labeled sample.
        auto* list = window.findChild<QListView*>(QStringLiteral("sampleList"));
        QCOMPARE(list->currentIndex().row(), 1);
        QCOMPARE(window.sampleModel()->index(0).data(SampleListModel::MarkRole).toString(), QStringLiteral("positive"));

        press(window, Qt::Key_N);
        QCOMPARE(storedValue(path, "s2"), QStringLiteral(R"({"labels":["negative"]})"));
        QCOMPARE(window.annotateView()->displayedId(), QStringLiteral("s3"));
        QCOMPARE(window.progressText(), QStringLiteral("2 of 5 labeled by tester"));
        QVERIFY(window.errorText().isEmpty());
    }

    void keysWorkWithTheTextFocused()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir, singleSchema, 3);
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        showAndActivate(window);
        auto* text = window.findChild<QTextBrowser*>(QStringLiteral("sampleText"));
        text->setFocus();
        QCOMPARE(QApplication::focusWidget(), text);
        press(window, Qt::Key_N);
        QCOMPARE(storedValue(path, "s1"), QStringLiteral(R"({"labels":["negative"]})"));
    }

    void relabelingDoesNotCountTwice()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir, singleSchema, 3);
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        showAndActivate(window);
        press(window, Qt::Key_P);
        // Back to s1 through the list, then change the label.
        auto* list = window.findChild<QListView*>(QStringLiteral("sampleList"));
        list->setCurrentIndex(window.sampleModel()->index(0));
        QCOMPARE(window.annotateView()->displayedId(), QStringLiteral("s1"));
        QVERIFY(window.annotateView()->findChild<QPushButton*>(QStringLiteral("label_0"))->isChecked());
        press(window, Qt::Key_N);
        QCOMPARE(storedValue(path, "s1"), QStringLiteral(R"({"labels":["negative"]})"));
        QCOMPARE(window.progressText(), QStringLiteral("1 of 3 labeled by tester"));
        QCOMPARE(window.annotateView()->displayedId(), QStringLiteral("s2"));
    }

    void skipsSamplesAlreadyLabeled()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir, singleSchema, 4);
        {
            auto project = Project::open(path.toStdString());
            project->annotate("s1", "tester", {{"labels", {"positive"}}});
            project->annotate("s3", "tester", {{"labels", {"positive"}}});
            project->annotate("s2", "someone-else", {{"labels", {"negative"}}});
        }
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        showAndActivate(window);
        // Opens at the first sample this annotator has not labeled, and skips s3 after it.
        QCOMPARE(window.annotateView()->displayedId(), QStringLiteral("s2"));
        QCOMPARE(window.progressText(), QStringLiteral("2 of 4 labeled by tester"));
        press(window, Qt::Key_N);
        QCOMPARE(window.annotateView()->displayedId(), QStringLiteral("s4"));
        press(window, Qt::Key_P);
        QCOMPARE(window.progressText(), QStringLiteral("4 of 4 labeled by tester"));
        // Nothing unlabeled and nothing after s4: it stays, showing the stored label.
        QCOMPARE(window.annotateView()->displayedId(), QStringLiteral("s4"));
        QVERIFY(window.annotateView()->findChild<QPushButton*>(QStringLiteral("label_0"))->isChecked());
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("All samples are labeled")));
    }

    void clickingALabelRecords()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir, singleSchema, 2);
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        showAndActivate(window);
        auto* negative = window.annotateView()->findChild<QPushButton*>(QStringLiteral("label_1"));
        QCOMPARE(negative->text(), QStringLiteral("negative  [n]"));
        QTest::mouseClick(negative, Qt::LeftButton);
        QCOMPARE(storedValue(path, "s1"), QStringLiteral(R"({"labels":["negative"]})"));
        QCOMPARE(window.annotateView()->displayedId(), QStringLiteral("s2"));
    }

    void ratingNumberKeysRecord()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir, R"({"kind":"rating","rating":{"min":1,"max":5}})", 2);
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        showAndActivate(window);
        press(window, Qt::Key_4);
        QCOMPARE(storedValue(path, "s1"), QStringLiteral(R"({"rating":4})"));
        QCOMPARE(window.annotateView()->displayedId(), QStringLiteral("s2"));
        press(window, Qt::Key_9); // outside the scale: no key, nothing stored
        QCOMPARE(storedValue(path, "s2"), QStringLiteral("null"));
    }

    void multiLabelKeysToggleAndEnterRecords()
    {
        QTemporaryDir dir;
        const QString path =
            makeProject(dir, R"({"kind":"multi","labels":[{"name":"sports","key":"s"},{"name":"politics","key":"o"},
                                               {"name":"science","key":"c"}]})",
                        2);
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        showAndActivate(window);
        press(window, Qt::Key_S);
        press(window, Qt::Key_C);
        press(window, Qt::Key_O);
        press(window, Qt::Key_O); // toggled off again
        QCOMPARE(storedValue(path, "s1"), QStringLiteral("null"));
        QCOMPARE(window.annotateView()->displayedId(), QStringLiteral("s1"));
        press(window, Qt::Key_Return);
        QCOMPARE(storedValue(path, "s1"), QStringLiteral(R"({"labels":["sports","science"]})"));
        QCOMPARE(window.annotateView()->displayedId(), QStringLiteral("s2"));
        QCOMPARE(window.progressText(), QStringLiteral("1 of 2 labeled by tester"));
        // The next sample starts with nothing selected.
        QVERIFY(!window.annotateView()->findChild<QPushButton*>(QStringLiteral("label_0"))->isChecked());
    }

    void undoAndRedoWorkAcrossSamples()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir, singleSchema, 4);
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        showAndActivate(window);
        press(window, Qt::Key_P); // s1 positive, on to s2
        press(window, Qt::Key_N); // s2 negative, on to s3
        QCOMPARE(window.annotateView()->displayedId(), QStringLiteral("s3"));
        QCOMPARE(window.progressText(), QStringLiteral("2 of 4 labeled by tester"));

        // Undo goes back to the sample it changes and takes the label back.
        press(window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(window.annotateView()->displayedId(), QStringLiteral("s2"));
        QCOMPARE(storedValue(path, "s2"), QStringLiteral("null"));
        QCOMPARE(storedValue(path, "s1"), QStringLiteral(R"({"labels":["positive"]})"));
        QCOMPARE(window.progressText(), QStringLiteral("1 of 4 labeled by tester"));
        QVERIFY(!window.annotateView()->findChild<QPushButton*>(QStringLiteral("label_1"))->isChecked());
        press(window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(window.annotateView()->displayedId(), QStringLiteral("s1"));
        QCOMPARE(storedValue(path, "s1"), QStringLiteral("null"));
        QCOMPARE(window.progressText(), QStringLiteral("0 of 4 labeled by tester"));
        QCOMPARE(window.sampleModel()->index(0).data(SampleListModel::MarkRole).toString(), QString());

        // Redo applies it again and moves on, as the label did.
        press(window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(storedValue(path, "s1"), QStringLiteral(R"({"labels":["positive"]})"));
        QCOMPARE(window.annotateView()->displayedId(), QStringLiteral("s2"));
        QCOMPARE(window.progressText(), QStringLiteral("1 of 4 labeled by tester"));

        // A new label drops what was left to redo.
        press(window, Qt::Key_P);
        QCOMPARE(storedValue(path, "s2"), QStringLiteral(R"({"labels":["positive"]})"));
        QVERIFY(!window.session()->canRedo());
        press(window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(storedValue(path, "s2"), QStringLiteral(R"({"labels":["positive"]})"));

        // Undoing a change of label restores the earlier label, not nothing.
        auto* list = window.findChild<QListView*>(QStringLiteral("sampleList"));
        list->setCurrentIndex(window.sampleModel()->index(0));
        press(window, Qt::Key_N);
        QCOMPARE(storedValue(path, "s1"), QStringLiteral(R"({"labels":["negative"]})"));
        press(window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(storedValue(path, "s1"), QStringLiteral(R"({"labels":["positive"]})"));
        QCOMPARE(window.annotateView()->displayedId(), QStringLiteral("s1"));
        QVERIFY(window.annotateView()->findChild<QPushButton*>(QStringLiteral("label_0"))->isChecked());
        QCOMPARE(window.progressText(), QStringLiteral("2 of 4 labeled by tester"));
        QVERIFY(window.errorText().isEmpty());
    }

    void spaceSkipsWithoutLabeling()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir, singleSchema, 3);
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        showAndActivate(window);
        press(window, Qt::Key_Space);
        QCOMPARE(window.annotateView()->displayedId(), QStringLiteral("s2"));
        QCOMPARE(storedValue(path, "s1"), QStringLiteral("null"));
        press(window, Qt::Key_N);
        QCOMPARE(storedValue(path, "s2"), QStringLiteral(R"({"labels":["negative"]})"));
        QCOMPARE(window.progressText(), QStringLiteral("1 of 3 labeled by tester"));
    }

    void spanMadeBySelection()
    {
        QTemporaryDir dir;
        // An emoji first: two UTF-16 units but one code point, as offsets are stored.
        const QString path = makeProject(dir,
                                         R"({"kind":"spans","labels":[{"name":"PER","color":"#1565c0","key":"p"},
                                                                      {"name":"ORG","color":"#ad1457","key":"o"}]})",
                                         2, {"\xF0\x9F\x98\x80 Ada met Babbage at IBM"});
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        showAndActivate(window);
        auto* text = window.findChild<concord::gui::SampleTextView*>(QStringLiteral("sampleText"));
        QVERIFY(text != nullptr);

        // Keyboard: into the text, past the emoji and the space, Shift+Right over "Ada", then p.
        text->setFocus();
        QTest::keyClick(text, Qt::Key_Home, Qt::ControlModifier);
        QTest::keyClick(text, Qt::Key_Right);
        QTest::keyClick(text, Qt::Key_Right);
        for (int i = 0; i < 3; ++i) {
            QTest::keyClick(text, Qt::Key_Right, Qt::ShiftModifier);
        }
        QCOMPARE(text->textCursor().selectedText(), QStringLiteral("Ada"));
        press(window, Qt::Key_P);
        const auto stored = [&] { return storedValue(path, "s1"); };
        const auto spanCount = [&] { return nlohmann::json::parse(stored().toStdString())["spans"].size(); };
        // The same compact form storedValue() gives (keys sorted), from readable JSON.
        const auto canonical = [](const char* json) {
            return QString::fromStdString(nlohmann::json::parse(json).dump());
        };
        QCOMPARE(stored(), canonical(R"({"spans":[{"start":2,"end":5,"label":"PER"}]})"));
        QCOMPARE(window.annotateView()->displayedId(), QStringLiteral("s1")); // spans stay until Enter
        QCOMPARE(text->spans().size(), std::size_t{1});
        QCOMPARE(text->spans()[0].label, QStringLiteral("PER"));

        // Mouse: drag over "IBM" (UTF-16 22..25, code points 21..24), then o.
        const auto pointAt = [&](int utf16) {
            QTextCursor cursor(text->document());
            cursor.setPosition(utf16);
            return text->cursorRect(cursor).center();
        };
        QWidget* viewport = text->viewport();
        QTest::mousePress(viewport, Qt::LeftButton, Qt::NoModifier, pointAt(22));
        QMouseEvent move(QEvent::MouseMove, pointAt(25), viewport->mapToGlobal(pointAt(25)), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &move);
        QTest::mouseRelease(viewport, Qt::LeftButton, Qt::NoModifier, pointAt(25));
        QCOMPARE(text->textCursor().selectedText(), QStringLiteral("IBM"));
        press(window, Qt::Key_O);
        QCOMPARE(stored(), canonical(R"({"spans":[{"start":2,"end":5,"label":"PER"},
                                                              {"start":21,"end":24,"label":"ORG"}]})"));
        QCOMPARE(text->spans().size(), std::size_t{2});

        // A click on a span removes it; undo brings it back.
        QTest::mouseClick(viewport, Qt::LeftButton, Qt::NoModifier, text->spanRect(0).center());
        QCOMPARE(stored(), canonical(R"({"spans":[{"start":21,"end":24,"label":"ORG"}]})"));
        press(window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(spanCount(), std::size_t{2});
        QCOMPARE(text->spans().size(), std::size_t{2});

        // Delete removes the span the caret is in.
        text->setFocus();
        QTest::keyClick(text, Qt::Key_End, Qt::ControlModifier);
        QTest::keyClick(text, Qt::Key_Left);
        QTest::keyClick(text, Qt::Key_Delete);
        QCOMPARE(stored(), canonical(R"({"spans":[{"start":2,"end":5,"label":"PER"}]})"));

        // Nothing selected: a notice, nothing stored.
        press(window, Qt::Key_O);
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("Select some text")));
        QCOMPARE(spanCount(), std::size_t{1});

        // Enter accepts and moves on.
        press(window, Qt::Key_Return);
        QCOMPARE(window.annotateView()->displayedId(), QStringLiteral("s2"));
        QCOMPARE(window.progressText(), QStringLiteral("1 of 2 labeled by tester"));
        QVERIFY(window.errorText().isEmpty());
    }

    void overlappingSpansAreRefusedInTheBanner()
    {
        QTemporaryDir dir;
        const QString path =
            makeProject(dir, R"({"kind":"spans","labels":[{"name":"PER","key":"p"}]})", 1, {"Ada Lovelace"});
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        showAndActivate(window);
        auto* text = window.findChild<concord::gui::SampleTextView*>(QStringLiteral("sampleText"));
        text->selectRange(0, 12);
        press(window, Qt::Key_P);
        text->selectRange(4, 8);
        press(window, Qt::Key_P);
        QVERIFY(window.errorText().contains(QStringLiteral("overlap")));
        QCOMPARE(nlohmann::json::parse(storedValue(path, "s1").toStdString())["spans"].size(), std::size_t{1});
    }

    void guidelinesInTheSidePanel()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir, singleSchema, 1, {}, "# Rules\n\nLabel **praise** as positive.");
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        showAndActivate(window);
        auto* panel = window.findChild<concord::gui::GuidelinesPanel*>();
        QVERIFY(panel->isVisible());
        QVERIFY(panel->plainText().contains(QStringLiteral("Label praise as positive.")));
        press(window, Qt::Key_F1);
        QVERIFY(!panel->isVisible());
        press(window, Qt::Key_F1);
        QVERIFY(panel->isVisible());
    }

    void rightToLeftTextKeepsItsDirection()
    {
        QTemporaryDir dir;
        const QString path = makeProject(
            dir, singleSchema, 1, {"\u05d4\u05e1\u05e8\u05d8 \u05d4\u05d9\u05d4 \u05de\u05e2\u05d5\u05dc\u05d4!"});
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        showAndActivate(window);
        auto* text = window.findChild<QTextBrowser*>(QStringLiteral("sampleText"));
        QCOMPARE(text->document()->firstBlock().textDirection(), Qt::RightToLeft);
    }

    void modelFetchesInPages()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir, singleSchema, 5000);
        auto project = Project::open(path.toStdString());
        SampleListModel model(*project, "tester");
        QVERIFY(model.rowCount() <= SampleListModel::pageSize);
        QVERIFY(model.canFetchMore(QModelIndex()));
        model.fetchMore(QModelIndex());
        QCOMPARE(model.rowCount(), 2 * SampleListModel::pageSize);
        QCOMPARE(model.index(700).data(SampleListModel::IdRole).toString(), QStringLiteral("s701"));
        QCOMPARE(model.rowOfKey(project->samples().keyOf("s2345").value()), 2344);
        QCOMPARE(model.rowCount(), 5 * SampleListModel::pageSize);
    }

    void modelGoesDeepWithKeysOnly()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir, singleSchema, 5000);
        auto project = Project::open(path.toStdString());
        SampleListModel model(*project, "tester");
        // Far beyond the first page: the rows before it are keys, read when shown.
        QCOMPARE(model.rowOfKey(project->samples().keyOf("s4321").value()), 4320);
        QCOMPARE(model.rowCount(), 9 * SampleListModel::pageSize);
        QCOMPARE(model.index(4320).data(SampleListModel::IdRole).toString(), QStringLiteral("s4321"));
        QCOMPARE(model.index(2000).data(SampleListModel::PreviewRole).toString(), QStringLiteral("text 2001"));
        QCOMPARE(model.index(4499).data(SampleListModel::IdRole).toString(), QStringLiteral("s4500"));
        QVERIFY(model.canFetchMore(QModelIndex()));
        model.fetchMore(QModelIndex());
        QCOMPARE(model.index(4500).data(SampleListModel::IdRole).toString(), QStringLiteral("s4501"));
        // A label on a row not read yet shows when the row is.
        project->annotate("s3000", "tester", {{"labels", {"negative"}}});
        model.refreshMark(project->samples().keyOf("s3000").value());
        QCOMPARE(model.index(2999).data(SampleListModel::MarkRole).toString(), QStringLiteral("negative"));
    }

    void windowDoesNotLoadEveryRow()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir, singleSchema, 5000);
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        showAndActivate(window);
        QCOMPARE(window.progressText(), QStringLiteral("0 of 5,000 labeled by tester"));
        QVERIFY(window.sampleModel()->rowCount() < 5000);
        QVERIFY(window.sampleModel()->canFetchMore(QModelIndex()));
    }

    void openErrorsAreShown()
    {
        QTemporaryDir dir;
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(!window.openProject(dir.filePath(QStringLiteral("missing.concord"))));
        QVERIFY(window.errorText().contains(QStringLiteral("no such project file")));

        // A failed open keeps the project that was open.
        const QString path = makeProject(dir, singleSchema, 2);
        QVERIFY(window.openProject(path));
        QVERIFY(window.errorText().isEmpty());
        QFile garbage(dir.filePath(QStringLiteral("garbage.concord")));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(QByteArray(4096, 'x'));
        garbage.close();
        QVERIFY(!window.openProject(garbage.fileName()));
        QVERIFY(!window.errorText().isEmpty());
        QCOMPARE(window.annotateView()->displayedId(), QStringLiteral("s1"));
        QCOMPARE(window.session()->project().path(), path.toStdString());
    }

    void demoProjectIsCreatedOnceThenOpened()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("Concord/demo.concord"));
        {
            auto project = concord::gui::DemoProject::open(path);
            QCOMPARE(project->samples().count(), 300);
            const auto counts = project->annotations().countsByAnnotator();
            QCOMPARE(counts.size(), std::size_t{1});
            QCOMPARE(counts.front().first, std::string(concord::gui::DemoProject::referenceAnnotator));
            QCOMPARE(counts.front().second, 300);
            QVERIFY(!project->settings().guidelines.empty());
            project->annotate("amazon-0001", "tester", {{"labels", {"neutral"}}});
        }
        QVERIFY(!QFile::exists(path + QStringLiteral(".part")));
        // Opened again, not rebuilt: the label given above is still there.
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openDemo(path));
        QCOMPARE(window.progressText(), QStringLiteral("1 of 300 labeled by tester"));
        QCOMPARE(window.annotateView()->displayedId(), QStringLiteral("amazon-0002"));
    }
};

int runAnnotateTests(int argc, char** argv)
{
    TestAnnotate tests;
    return QTest::qExec(&tests, argc, argv);
}

#include "test_annotate.moc"
