// Offscreen GUI tests: a real project file in a temporary folder, the real MainWindow, driven
// by key presses; what was stored is checked through a fresh Project::open of the same file.
#include "app/gui/AnnotateView.hpp"
#include "app/gui/AnnotationSession.hpp"
#include "app/gui/DemoProject.hpp"
#include "app/gui/MainWindow.hpp"
#include "app/gui/SampleListModel.hpp"
#include "core/io/Importer.hpp"
#include "core/io/RecordReader.hpp"
#include "core/store/Project.hpp"

#include <QApplication>
#include <QLabel>
#include <QListView>
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

namespace {

const char* const singleSchema = R"({"kind":"single","labels":[
    {"name":"positive","color":"#2e7d32","key":"p"},{"name":"negative","color":"#c62828","key":"n"}]})";

// Creates a project with `count` samples s1..sN whose texts are "text 1".."text N" (or `texts`).
QString makeProject(const QTemporaryDir& dir, const char* schemaJson, int count,
                    const std::vector<std::string>& texts = {})
{
    const QString path = dir.filePath(QStringLiteral("test.concord"));
    concord::ProjectSettings settings;
    settings.name = "Test project";
    auto project =
        Project::create(path.toStdString(), settings, LabelSchema::fromJson(nlohmann::json::parse(schemaJson)));
    std::ostringstream jsonl;
    for (int i = 1; i <= count; ++i) {
        const std::string text =
            i <= static_cast<int>(texts.size()) ? texts[static_cast<std::size_t>(i - 1)] : "text " + std::to_string(i);
        jsonl << nlohmann::json{{"id", "s" + std::to_string(i)}, {"text", text}}.dump() << '\n';
    }
    std::istringstream input(jsonl.str());
    auto reader = concord::io::makeReader(concord::io::Format::Jsonl, input);
    const auto report = concord::io::Importer(*project, {}).run(*reader);
    if (!report.committed) {
        qFatal("test project import failed");
    }
    return path;
}

// The annotator's stored value for a sample as compact JSON ("null" when there is none), read
// through a fresh connection to the file.
QString storedValue(const QString& path, const std::string& sampleId)
{
    auto project = Project::open(path.toStdString());
    const auto key = project->samples().keyOf(sampleId);
    const auto annotation = key ? project->annotations().get(*key, "tester") : std::nullopt;
    return QString::fromStdString(annotation ? nlohmann::json::parse(annotation->value).dump() : "null");
}

// Sends a key where the user's key would go: the focused widget (the samples list after opening).
void press(MainWindow& window, int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget* target = QApplication::focusWidget() ? QApplication::focusWidget() : &window;
    QTest::keyClick(target, static_cast<Qt::Key>(key), modifiers);
}

void showAndActivate(MainWindow& window)
{
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
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
        QVERIFY(window.findChild<QPushButton*>(QStringLiteral("label_0"))->isChecked());
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
        QVERIFY(window.findChild<QPushButton*>(QStringLiteral("label_0"))->isChecked());
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("All samples are labeled")));
    }

    void clickingALabelRecords()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir, singleSchema, 2);
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        showAndActivate(window);
        auto* negative = window.findChild<QPushButton*>(QStringLiteral("label_1"));
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
        QVERIFY(!window.findChild<QPushButton*>(QStringLiteral("label_0"))->isChecked());
    }

    void spansShowTheTextAndANotice()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir, R"({"kind":"spans","labels":["PER","ORG"]})", 2);
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        showAndActivate(window);
        QCOMPARE(window.annotateView()->displayedText(), QStringLiteral("text 1"));
        QTRY_VERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("span labeling arrives")));
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

QTEST_MAIN(TestAnnotate)
#include "test_annotate.moc"
