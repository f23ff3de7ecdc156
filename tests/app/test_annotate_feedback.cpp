// Offscreen GUI tests of the annotate screen for a project of fields and questions: a real
// project file, the real MainWindow driven by keys alone; what was stored (the answers, the
// order shown, the status and the reason) is read back through a fresh Project::open.
#include "GuiTestSupport.hpp"
#include "app/gui/MainWindow.hpp"
#include "app/gui/annotate/AnnotateScreen.hpp"
#include "app/gui/annotate/FlagController.hpp"
#include "app/gui/feedback/FeedbackView.hpp"
#include "app/gui/feedback/FieldsPane.hpp"
#include "app/gui/feedback/QuestionBox.hpp"
#include "app/gui/feedback/SpansBox.hpp"
#include "app/gui/feedback/TextAnswerBox.hpp"
#include "app/gui/importing/FieldImportDialog.hpp"
#include "app/gui/newproject/SchemaForm.hpp"
#include "app/gui/newproject/SchemaPreview.hpp"
#include "app/gui/newproject/TemplateDialog.hpp"
#include "app/gui/project/SampleListModel.hpp"
#include "app/gui/review/FeedbackReviewView.hpp"
#include "app/gui/review/ReviewFilterBar.hpp"
#include "app/gui/review/ReviewScreen.hpp"
#include "app/gui/widgets/SampleTextView.hpp"
#include "core/feedback/Answers.hpp"
#include "core/feedback/RecordContent.hpp"
#include "core/feedback/ShownOrder.hpp"
#include "core/feedback/Templates.hpp"
#include "core/store/Project.hpp"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>

#include <map>

using concord::Project;
using concord::ResponseStatus;
using concord::gui::FeedbackView;
using concord::gui::MainWindow;
using guitest::press;

namespace {

// A prompt and two markdown responses; a 5-point preference (with a tie), a required 1–5 rating
// and an optional written note.
const char* const kSchema = R"({
    "fields": [{"name": "prompt", "title": "Prompt"},
               {"name": "response_a", "kind": "markdown"}, {"name": "response_b", "kind": "markdown"}],
    "questions": [
        {"name": "preference", "title": "Which is better?", "kind": "preference",
         "fields": ["response_a", "response_b"], "scale": {"points": 5}},
        {"name": "quality", "title": "How good is the better one?", "kind": "rating", "rating": {"min": 1, "max": 5}},
        {"name": "note", "title": "Note", "kind": "text", "required": false}]})";

QString makeFeedbackProject(const QTemporaryDir& dir, int count)
{
    const QString path = dir.filePath(QStringLiteral("feedback.concord"));
    concord::ProjectSettings settings;
    settings.name = "Feedback";
    auto project =
        Project::create(path.toStdString(), settings, concord::RecordSchema::fromJson(nlohmann::json::parse(kSchema)));
    for (int i = 1; i <= count; ++i) {
        concord::RecordContent record;
        const std::string n = std::to_string(i);
        record.fields = {{"prompt", "Question " + n + "?"},
                         {"response_a", "# Answer A" + n + "\n\n- first point\n\n```\ncode()\n```"},
                         {"response_b", "Answer **B" + n + "**"}};
        const auto key = project->samples().insert("r" + n, "Question " + n + "?", "{}", concord::encodeRecord(record));
        if (!key) {
            qFatal("test record not inserted");
        }
    }
    return path;
}

struct Stored
{
    std::map<std::string, nlohmann::json> answers;
    std::map<std::string, nlohmann::json> contexts;
    std::optional<ResponseStatus> status;
    std::string reason;
};

Stored storedResponse(const QString& path, const std::string& id)
{
    auto project = Project::open(path.toStdString());
    const auto key = *project->samples().keyOf(id);
    Stored stored;
    for (const auto& given : project->annotations().forResponse(key, "tester")) {
        stored.answers[given.question] = nlohmann::json::parse(given.value);
        stored.contexts[given.question] =
            given.context.empty() ? nlohmann::json() : nlohmann::json::parse(given.context);
    }
    stored.status = project->statusOf(key, "tester");
    if (const auto row = project->responses().find(key, "tester")) {
        stored.reason = row->reason;
    }
    return stored;
}

// The fields in the order this annotator is shown them on record `id`.
std::vector<std::string> orderShown(const QString& path, const std::string& id)
{
    auto project = Project::open(path.toStdString());
    return concord::shownOrder(project->orderSeed(), id, "tester", project->recordSchema().question("preference"));
}

// A chat prompt, three responses ranked; a rating whose suggestion is prefilled and a label
// question whose suggestion shows once it is answered.
const char* const kRankingSchema = R"({
    "fields": [{"name": "chat", "kind": "chat"}, {"name": "r1"}, {"name": "r2"}, {"name": "r3"}],
    "questions": [
        {"name": "ranking", "kind": "ranking", "fields": ["r1", "r2", "r3"]},
        {"name": "score", "kind": "rating", "rating": {"min": 1, "max": 5}, "suggestions": "prefill"},
        {"name": "safe", "kind": "label", "labels": [{"name": "safe", "key": "s"}, {"name": "unsafe", "key": "u"}],
         "suggestions": "after"}]})";

QString makeRankingProject(const QTemporaryDir& dir)
{
    const QString path = dir.filePath(QStringLiteral("ranking.concord"));
    concord::ProjectSettings settings;
    settings.name = "Ranking";
    auto project = Project::create(path.toStdString(), settings,
                                   concord::RecordSchema::fromJson(nlohmann::json::parse(kRankingSchema)));
    concord::RecordContent record;
    record.fields = {{"chat", nlohmann::json::array({{{"role", "system"}, {"content", "Be brief."}},
                                                     {{"role", "user"}, {"content", "Name a prime."}}})},
                     {"r1", "Seven."},
                     {"r2", "Four."},
                     {"r3", "Two."}};
    const auto key = project->samples().insert("c1", "Name a prime.", "{}", concord::encodeRecord(record));
    project->suggest(*key, "score", "judge", {{"rating", 4}}, 0.9);
    project->suggest(*key, "safe", "judge", {{"labels", {"safe"}}}, std::nullopt);
    return path;
}

// Shift+`arrow` `times` times: a selection made with the keyboard alone.
void select(QWidget& window, Qt::Key arrow, int times)
{
    for (int i = 0; i < times; ++i) {
        press(window, arrow, Qt::ShiftModifier);
    }
}

// A response whose claims are marked as spans (a prefilled suggestion on s2), and a label.
QString makeSpansProject(const QTemporaryDir& dir)
{
    const QString path = dir.filePath(QStringLiteral("spans.concord"));
    concord::ProjectSettings settings;
    settings.name = "Claims";
    auto project =
        Project::create(path.toStdString(), settings, concord::RecordSchema::fromJson(nlohmann::json::parse(R"({
        "fields": [{"name": "prompt"}, {"name": "response"}],
        "questions": [
            {"name": "claims", "kind": "spans", "field": "response", "suggestions": "prefill",
             "labels": [{"name": "claim", "key": "c"}, {"name": "error", "key": "e"}]},
            {"name": "ok", "kind": "label", "labels": [{"name": "yes", "key": "y"}, {"name": "no", "key": "n"}]}]})")));
    concord::RecordContent record;
    record.fields = {{"prompt", "Capital of France?"}, {"response", "Paris is the capital of Germany."}};
    project->samples().insert("s1", "Capital of France?", "{}", concord::encodeRecord(record));
    record.fields = {{"prompt", "Capital of Germany?"}, {"response", "Berlin."}};
    const auto key = project->samples().insert("s2", "Capital of Germany?", "{}", concord::encodeRecord(record));
    project->suggest(*key, "claims", "tagger", {{"spans", {{{"start", 0}, {"end", 6}, {"label", "claim"}}}}}, 0.8);
    return path;
}

} // namespace

class TestAnnotateFeedback : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyQuestionByKeyboardThenSubmit()
    {
        QTemporaryDir dir;
        const QString path = makeFeedbackProject(dir, 3);
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        QVERIFY(guitest::showAndActivate(window));
        FeedbackView* view = window.annotateScreen()->feedbackView();
        QVERIFY(view->isVisible());
        QVERIFY(!window.annotateView()->isVisible());
        QCOMPARE(view->displayedId(), QStringLiteral("r1"));

        // The prompt above, the responses side by side in the order drawn for this annotator.
        const auto order = orderShown(path, "r1");
        QCOMPARE(view->fields()->shownText("prompt"), QStringLiteral("Question 1?"));
        QCOMPARE(view->fields()->columnTitles(),
                 (QStringList{QStringLiteral("Response 1"), QStringLiteral("Response 2")}));
        const QString first = view->fields()->shownText(order[0]);
        QVERIFY(first.contains(order[0] == "response_a" ? QStringLiteral("Answer A1") : QStringLiteral("B1")));
        QVERIFY(!first.contains(QStringLiteral("**"))); // markdown is rendered, not shown as written

        // The first question has the keyboard: "1" prefers the response shown first.
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(view->box("preference")));
        press(window, Qt::Key_1);
        Stored stored = storedResponse(path, "r1");
        QCOMPARE(stored.answers["preference"],
                 (nlohmann::json{{"preference", {{"winner", order[0]}, {"strength", 1}}}}));
        QCOMPARE(stored.contexts["preference"]["order"], nlohmann::json(order));
        QVERIFY(stored.status == ResponseStatus::Draft);
        // ...and the keyboard moved on to the rating.
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(view->box("quality")));

        // Submitting with the rating unanswered is refused, and says which question is missing.
        press(window, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(view->displayedId(), QStringLiteral("r1"));
        QVERIFY(storedResponse(path, "r1").status == ResponseStatus::Draft);
        QVERIFY(view->statusText().contains(QStringLiteral("to answer: quality")));

        press(window, Qt::Key_4);
        // Tab into the note, write it, submit: the record is given and the next one shown.
        auto* note = qobject_cast<concord::gui::TextAnswerBox*>(view->box("note"));
        QVERIFY(note != nullptr);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(note->editor()));
        QTest::keyClicks(note->editor(), QStringLiteral("too long"));
        press(window, Qt::Key_Return, Qt::ControlModifier);
        stored = storedResponse(path, "r1");
        QVERIFY(stored.status == ResponseStatus::Submitted);
        QCOMPARE(stored.answers["quality"], (nlohmann::json{{"rating", 4}}));
        QCOMPARE(stored.answers["note"], (nlohmann::json{{"text", "too long"}}));
        QCOMPARE(view->displayedId(), QStringLiteral("r2"));
        QVERIFY(window.errorText().isEmpty());
    }

    // The next record reuses the text views: same shape, new texts, no document left behind.
    void nextRecordReusesTheViews()
    {
        QTemporaryDir dir;
        const QString path = makeFeedbackProject(dir, 6);
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        QVERIFY(guitest::showAndActivate(window));
        FeedbackView* view = window.annotateScreen()->feedbackView();
        const auto views = view->fields()->findChildren<QTextBrowser*>();
        const auto documents = view->fields()->findChildren<QTextDocument*>().size();
        for (int n = 2; n <= 6; ++n) {
            press(window, Qt::Key_1);
            press(window, Qt::Key_3);
            press(window, Qt::Key_Return, Qt::ControlModifier);
            QCOMPARE(view->displayedId(), QStringLiteral("r%1").arg(n));
            // The views show the record's own texts, in the order drawn for it.
            const auto order = orderShown(path, "r" + std::to_string(n));
            const QString first = view->fields()->shownText(order[0]);
            QVERIFY2(first.contains(order[0] == "response_a" ? QStringLiteral("Answer A%1").arg(n)
                                                             : QStringLiteral("B%1").arg(n)),
                     qPrintable(first));
            QCOMPARE(view->fields()->shownText("prompt"), QStringLiteral("Question %1?").arg(n));
        }
        QCOMPARE(view->fields()->findChildren<QTextBrowser*>(), views);
        QCOMPARE(view->fields()->findChildren<QTextDocument*>().size(), documents);
    }

    // A 7-point scale: the digits pick its points from left to right; Shift+digit is still the
    // strongest for a side.
    void sevenPointScaleByDigitsInOrder()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("seven.concord"));
        {
            nlohmann::json schema = concord::templateSchema("preference");
            schema["questions"][0]["scale"] = {{"points", 7}};
            auto project = Project::create(path.toStdString(), {}, concord::RecordSchema::fromJson(schema));
            concord::RecordContent record;
            record.fields = {{"prompt", "p"}, {"response_a", "a"}, {"response_b", "b"}};
            QVERIFY(project->samples().insert("s1", "p", "{}", concord::encodeRecord(record)).has_value());
        }
        const auto order = orderShown(path, "s1");
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        QVERIFY(guitest::showAndActivate(window));
        FeedbackView* view = window.annotateScreen()->feedbackView();
        const auto expect = [&](const nlohmann::json& winner, int strength) {
            QCOMPARE(storedResponse(path, "s1").answers["preference"],
                     (nlohmann::json{{"preference", {{"winner", winner}, {"strength", strength}}}}));
        };
        const auto key = [&](Qt::Key k, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
            view->box("preference")->setFocus();
            press(window, k, modifiers);
        };
        key(Qt::Key_2); // 1 much better, 1 clearly better, 1 better, tie, 2 better, ...
        expect(order[0], 2);
        key(Qt::Key_4);
        expect(nullptr, 0);
        key(Qt::Key_6);
        expect(order[1], 2);
        key(Qt::Key_7);
        expect(order[1], 3);
        key(Qt::Key_1, Qt::ShiftModifier);
        expect(order[0], 3);
        QVERIFY(view->box("preference")->keyHint().startsWith(QStringLiteral("1 to 7")));
    }

    // A label key F on any question keeps F: flagging moves to Shift+F.
    void labelKeyFMovesTheFlagShortcut()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("flag.concord"));
        {
            nlohmann::json schema = concord::templateSchema("sft");
            schema["questions"][1]["labels"] = {{{"name", "fine"}, {"key", "f"}}, {{"name", "poor"}, {"key", "p"}}};
            Project::create(path.toStdString(), {}, concord::RecordSchema::fromJson(schema));
        }
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        QCOMPARE(window.annotateScreen()->flags()->shortcut()->key(), QKeySequence(Qt::SHIFT | Qt::Key_F));
    }

    // Ctrl+Z goes back across records: a submission, then an answer, then the record before;
    // Ctrl+Shift+Z gives them again.
    void undoAndRedoAcrossRecords()
    {
        QTemporaryDir dir;
        const QString path = makeFeedbackProject(dir, 3);
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        QVERIFY(guitest::showAndActivate(window));
        FeedbackView* view = window.annotateScreen()->feedbackView();
        for (int n = 1; n <= 2; ++n) {
            press(window, Qt::Key_1);
            press(window, Qt::Key_4);
            press(window, Qt::Key_Return, Qt::ControlModifier);
        }
        QCOMPARE(view->displayedId(), QStringLiteral("r3"));
        QCOMPARE(window.progressText(), QStringLiteral("2 of 3 labeled by tester"));
        // The next record's first question has the keyboard.
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(view->box("preference")));

        press(window, Qt::Key_Z, Qt::ControlModifier); // r2's submission
        QVERIFY2(window.errorText().isEmpty(), qPrintable(window.errorText()));
        QCOMPARE(view->displayedId(), QStringLiteral("r2"));
        QVERIFY(storedResponse(path, "r2").status == ResponseStatus::Draft);
        QCOMPARE(window.progressText(), QStringLiteral("1 of 3 labeled by tester"));
        press(window, Qt::Key_Z, Qt::ControlModifier); // r2's rating
        QCOMPARE(storedResponse(path, "r2").answers.count("quality"), std::size_t{0});
        QCOMPARE(storedResponse(path, "r2").answers.count("preference"), std::size_t{1});
        press(window, Qt::Key_Z, Qt::ControlModifier); // r2's preference
        press(window, Qt::Key_Z, Qt::ControlModifier); // r1's submission
        QCOMPARE(view->displayedId(), QStringLiteral("r1"));
        QVERIFY(storedResponse(path, "r1").status == ResponseStatus::Draft);
        QVERIFY(storedResponse(path, "r2").answers.empty());

        press(window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier); // r1 submitted again, on to r2
        QVERIFY(storedResponse(path, "r1").status == ResponseStatus::Submitted);
        QCOMPARE(view->displayedId(), QStringLiteral("r2"));
        press(window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier); // r2's preference back
        QCOMPARE(storedResponse(path, "r2").answers.count("preference"), std::size_t{1});
        QCOMPARE(window.progressText(), QStringLiteral("1 of 3 labeled by tester"));
        QVERIFY(window.errorText().isEmpty());
    }

    // New project from a template: the preview is the real annotate view over an example
    // record and follows the edited schema; a bad schema says what is wrong; Create makes the
    // project and opens it.
    void newProjectFromTemplate()
    {
        QTemporaryDir dir;
        MainWindow window(QStringLiteral("tester"));
        window.newFromTemplate();
        auto* dialog = window.findChild<concord::gui::TemplateDialog*>();
        QVERIFY(dialog != nullptr);
        QCOMPARE(dialog->preview()->view()->fields()->columnTitles().size(), 2); // preference
        dialog->templates()->setCurrentRow(1);                                   // ranking
        QCOMPARE(dialog->preview()->view()->fields()->columnTitles().size(), 4);
        QVERIFY(dialog->preview()->view()->box("ranking") != nullptr);

        // Typing the schema keeps the keyboard when the preview follows.
        QVERIFY(guitest::showAndActivate(*dialog));
        dialog->editorTabs()->setCurrentWidget(dialog->schemaEditor()); // the form is the first tab
        dialog->schemaEditor()->setFocus();
        dialog->updatePreview();
        QCoreApplication::processEvents(); // the new preview's widgets are shown
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(dialog->schemaEditor()));

        dialog->schemaEditor()->setPlainText(QStringLiteral("{\"fields\": ["));
        dialog->updatePreview();
        QCOMPARE(dialog->problemText(), QStringLiteral("The schema is not valid JSON yet."));
        dialog->schemaEditor()->setPlainText(
            QStringLiteral(R"({"fields": [{"name": "text"}], "questions": [{"name": "q", "kind": "guess"}]})"));
        dialog->updatePreview();
        QVERIFY2(dialog->problemText().contains(QStringLiteral("guess")), qPrintable(dialog->problemText()));
        QVERIFY(!dialog->createAt(dir.filePath(QStringLiteral("bad.concord"))));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("bad.concord"))));

        dialog->templates()->setCurrentRow(2); // sft: the draft field takes the pane's height
        QVERIFY(dialog->preview()->view()->box("correction") != nullptr);
        QVERIFY(dialog->problemText().isEmpty());
        const QString path = dir.filePath(QStringLiteral("sft.concord"));
        QVERIFY(dialog->createAt(path));
        QVERIFY(window.session() != nullptr);
        QCOMPARE(window.session()->project().path(), path.toStdString());
        QCOMPARE(window.session()->project().recordSchema().questions.front().name, std::string("correction"));
        QCOMPARE(window.session()->sampleCount(), std::int64_t{0});
    }

    // The form edits the same schema as the JSON: a question added and its labels typed show in
    // the JSON and the preview, and the project is made with them; JSON typed by hand shows in
    // the form when its tab is picked.
    void newProjectFromTheForm()
    {
        QTemporaryDir dir;
        MainWindow window(QStringLiteral("tester"));
        window.newFromTemplate();
        auto* dialog = window.findChild<concord::gui::TemplateDialog*>();
        QVERIFY(dialog != nullptr);
        dialog->templates()->setCurrentRow(3); // evaluate: a prompt and a response
        concord::gui::SchemaForm* form = dialog->schemaForm();
        QCOMPARE(dialog->editorTabs()->currentWidget(), static_cast<QWidget*>(form));
        QCOMPARE(form->fieldsTable()->rowCount(), 2);
        QCOMPARE(form->fieldsTable()->item(1, 0)->text(), QStringLiteral("response"));

        // A spans question marks the last field; its labels are typed; its name edited.
        form->addQuestion(QStringLiteral("spans"));
        QCOMPARE(form->questionList()->currentRow(), form->questionList()->count() - 1);
        form->labelsEdit()->clear();
        QTest::keyClicks(form->labelsEdit(), QStringLiteral("claim, error"));
        form->questionNameEdit()->selectAll();
        QTest::keyClicks(form->questionNameEdit(), QStringLiteral("claims"));
        const auto json = nlohmann::json::parse(dialog->schemaEditor()->toPlainText().toStdString());
        QCOMPARE(json["questions"].back(),
                 (nlohmann::json{
                     {"name", "claims"}, {"kind", "spans"}, {"field", "response"}, {"labels", {"claim", "error"}}}));
        dialog->updatePreview();
        QVERIFY2(dialog->problemText().isEmpty(), qPrintable(dialog->problemText()));
        QVERIFY(qobject_cast<concord::gui::SpansBox*>(dialog->preview()->view()->box("claims")) != nullptr);

        // Another kind has its own settings: a rating no labels; back to spans, it starts again.
        form->questionKind()->setCurrentText(QStringLiteral("rating"));
        QVERIFY(
            !nlohmann::json::parse(dialog->schemaEditor()->toPlainText().toStdString())["questions"].back().contains(
                "labels"));
        form->questionKind()->setCurrentText(QStringLiteral("spans"));
        form->labelsEdit()->clear();
        QTest::keyClicks(form->labelsEdit(), QStringLiteral("claim, error"));

        // JSON typed by hand shows in the form.
        dialog->editorTabs()->setCurrentWidget(dialog->schemaEditor());
        auto edited = nlohmann::json::parse(dialog->schemaEditor()->toPlainText().toStdString());
        edited["fields"][0]["name"] = "question";
        edited["fields"][0]["title"] = "Question";
        dialog->schemaEditor()->setPlainText(QString::fromStdString(edited.dump(2)));
        dialog->editorTabs()->setCurrentWidget(form);
        QCOMPARE(form->fieldsTable()->item(0, 0)->text(), QStringLiteral("question"));

        const QString path = dir.filePath(QStringLiteral("claims.concord"));
        QVERIFY2(dialog->createAt(path), qPrintable(dialog->problemText()));
        const auto& schema = window.session()->project().recordSchema();
        QCOMPARE(schema.fields.front().name, std::string("question"));
        const concord::Question& claims = schema.question("claims");
        QVERIFY(claims.kind == concord::QuestionKind::Spans);
        QCOMPARE(claims.field, std::string("response"));
        QCOMPARE(claims.labels.labels.size(), std::size_t{2});
        QCOMPARE(claims.labels.labels[1].name, std::string("error"));
    }

    // Records from a file whose keys are not the fields' names: each field's key picked, a
    // judge's column as suggestions with their scores; a bad value imports nothing and says where.
    void importRecordsMappingKeys()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("import.concord"));
        Project::create(path.toStdString(), {}, concord::RecordSchema::fromJson(concord::templateSchema("preference")));
        const QString file = dir.filePath(QStringLiteral("pairs.jsonl"));
        const auto write = [&](const QString& where, const char* judgeOfLast) {
            QFile out(where);
            QVERIFY(out.open(QIODevice::WriteOnly));
            for (int n = 1; n <= 3; ++n) {
                nlohmann::json row = {{"uid", "u" + std::to_string(n)},
                                      {"question", "Question " + std::to_string(n)},
                                      {"answer_1", "first answer " + std::to_string(n)},
                                      {"answer_2", "second answer " + std::to_string(n)},
                                      {"judge_pick", n == 3 ? judgeOfLast : "response_a"},
                                      {"judge_conf", 0.5 + 0.1 * n}};
                out.write(QByteArray::fromStdString(row.dump() + "\n"));
            }
        };
        write(file, "response_b");
        const QString bad = dir.filePath(QStringLiteral("bad.jsonl"));
        write(bad, "maybe");

        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        const auto openDialog = [&](const QString& source) {
            window.importRecords(source);
            const auto dialogs = window.findChildren<concord::gui::FieldImportDialog*>();
            return dialogs.isEmpty() ? nullptr : dialogs.back();
        };
        const auto map = [](concord::gui::FieldImportDialog* dialog) {
            dialog->idKey()->setCurrentText(QStringLiteral("uid"));
            dialog->fieldKey("prompt")->setCurrentText(QStringLiteral("question"));
            dialog->fieldKey("response_a")->setCurrentText(QStringLiteral("answer_1"));
            dialog->fieldKey("response_b")->setCurrentText(QStringLiteral("answer_2"));
            dialog->suggestionKey("preference")->setCurrentText(QStringLiteral("judge_pick"));
            dialog->scoreKey("preference")->setCurrentText(QStringLiteral("judge_conf"));
            dialog->agent("preference")->setText(QStringLiteral("judge"));
        };

        // The bad file first: nothing is imported, and the message names the line.
        auto* dialog = openDialog(bad);
        QVERIFY(dialog != nullptr);
        map(dialog);
        dialog->startImport();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->messageText().startsWith(QStringLiteral("Nothing was imported")), 20000);
        QVERIFY2(dialog->messageText().contains(QStringLiteral("line 3")), qPrintable(dialog->messageText()));
        QCOMPARE(Project::open(path.toStdString())->samples().count(), 0);
        dialog->close();

        dialog = openDialog(file);
        QVERIFY(dialog != nullptr);
        QCOMPARE(dialog->previewTable()->rowCount(), 3);
        QVERIFY(dialog->previewTable()->item(0, 0)->text().isEmpty()); // no key named "prompt" yet
        map(dialog);
        QCOMPARE(dialog->previewTable()->item(0, 0)->text(), QStringLiteral("Question 1"));
        QCOMPARE(dialog->previewTable()->item(2, 2)->text(), QStringLiteral("second answer 3"));
        QSignalSpy imported(dialog, &concord::gui::FieldImportDialog::imported);
        dialog->startImport();
        QVERIFY(imported.wait(20000));
        QCOMPARE(window.session()->sampleCount(), std::int64_t{3}); // reopened with the records

        auto project = Project::open(path.toStdString());
        const auto key = project->samples().keyOf("u3");
        QVERIFY(key.has_value());
        const auto record = project->recordOf(*project->samples().findByKey(*key));
        QCOMPARE(record.fields.at("prompt"), nlohmann::json("Question 3"));
        const auto suggestions = project->suggestions().forSample(*key);
        QCOMPARE(suggestions.size(), std::size_t{1});
        QCOMPARE(suggestions.front().agent, std::string("judge"));
        QVERIFY(suggestions.front().score.has_value());
        QCOMPARE(*suggestions.front().score, 0.8);
        QCOMPARE(nlohmann::json::parse(suggestions.front().value)["preference"]["winner"],
                 nlohmann::json("response_b"));
    }

    void muchBetterTieDraftsAndDiscard()
    {
        QTemporaryDir dir;
        const QString path = makeFeedbackProject(dir, 3);
        const auto order = orderShown(path, "r1");
        {
            MainWindow window(QStringLiteral("tester"));
            QVERIFY(window.openProject(path));
            QVERIFY(guitest::showAndActivate(window));
            FeedbackView* view = window.annotateScreen()->feedbackView();
            // Shift with 2: the response shown second is much better (the scale's strongest point).
            press(window, Qt::Key_2, Qt::ShiftModifier);
            QCOMPARE(storedResponse(path, "r1").answers["preference"],
                     (nlohmann::json{{"preference", {{"winner", order[1]}, {"strength", 2}}}}));
            // "=" changes it to a tie.
            view->box("preference")->setFocus();
            press(window, Qt::Key_Equal);
            QCOMPARE(storedResponse(path, "r1").answers["preference"],
                     (nlohmann::json{{"preference", {{"winner", nullptr}, {"strength", 0}}}}));
        } // the window closes with the response a draft
        {
            MainWindow window(QStringLiteral("tester"));
            QVERIFY(window.openProject(path));
            QVERIFY(guitest::showAndActivate(window));
            FeedbackView* view = window.annotateScreen()->feedbackView();
            // A draft is the annotator's to finish: reopening opens it, shown as it was left.
            QCOMPARE(view->displayedId(), QStringLiteral("r1"));
            QVERIFY(storedResponse(path, "r1").status == ResponseStatus::Draft);
            QVERIFY(view->statusText().startsWith(QStringLiteral("Draft")));
            QVERIFY(view->box("preference")->findChild<QPushButton*>(QStringLiteral("point_2"))->isChecked()); // tie
            view->takeKeyboard();

            // Ctrl+D asks for a reason; Enter sets the record aside and moves on.
            press(window, Qt::Key_D, Qt::ControlModifier);
            auto* reason = view->findChild<QLineEdit*>(QStringLiteral("discardReason"));
            QVERIFY(reason->isVisible());
            QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(reason));
            QTest::keyClicks(reason, QStringLiteral("prompt is unclear"));
            press(window, Qt::Key_Return);
            const Stored stored = storedResponse(path, "r1");
            QVERIFY(stored.status == ResponseStatus::Discarded);
            QCOMPARE(stored.reason, std::string("prompt is unclear"));
            QCOMPARE(view->displayedId(), QStringLiteral("r2"));
            QVERIFY(window.errorText().isEmpty());
        }
    }

    void rankingByTypingAndSuggestionsTakenOrShownAfter()
    {
        QTemporaryDir dir;
        const QString path = makeRankingProject(dir);
        std::vector<std::string> order;
        {
            auto project = Project::open(path.toStdString());
            order =
                concord::shownOrder(project->orderSeed(), "c1", "tester", project->recordSchema().question("ranking"));
        }
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        QVERIFY(guitest::showAndActivate(window));
        FeedbackView* view = window.annotateScreen()->feedbackView();
        // The chat shows its turns, the system's folded.
        const QString chat = view->fields()->shownText("chat");
        QVERIFY(chat.contains(QStringLiteral("Name a prime.")));
        QVERIFY(chat.contains(QStringLiteral("system (folded): Be brief.")));
        QCOMPARE(view->fields()->columnTitles().size(), 3);

        // "2", "=", "3", "1": the responses shown second and third share the first rank.
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(view->box("ranking")));
        press(window, Qt::Key_2);
        press(window, Qt::Key_Equal);
        press(window, Qt::Key_3);
        QVERIFY(storedResponse(path, "c1").answers.count("ranking") == 0); // not every place typed yet
        press(window, Qt::Key_1);
        Stored stored = storedResponse(path, "c1");
        QCOMPARE(stored.answers["ranking"],
                 (nlohmann::json{{"ranking", {{order[1], 1}, {order[2], 1}, {order[0], 3}}}}));
        QCOMPARE(stored.contexts["ranking"]["order"], nlohmann::json(order));

        // The rating's suggestion is shown before answering; Enter takes it.
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(view->box("score")));
        QVERIFY(view->box("score")->suggestionText().startsWith(QStringLiteral("Suggested: 4")));
        press(window, Qt::Key_Return);
        stored = storedResponse(path, "c1");
        QCOMPARE(stored.answers["score"], (nlohmann::json{{"rating", 4}}));
        QCOMPARE(stored.contexts["score"]["suggestion"],
                 (nlohmann::json{{"agent", "judge"}, {"shown", "prefill"}, {"taken", true}}));

        // The label's suggestion waits for the answer; answering differently is recorded as changed.
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(view->box("safe")));
        QVERIFY(view->box("safe")->suggestionText().isEmpty());
        press(window, Qt::Key_U);
        QVERIFY(view->box("safe")->suggestionText().startsWith(QStringLiteral("Suggested: safe")));
        stored = storedResponse(path, "c1");
        QCOMPARE(stored.answers["safe"], (nlohmann::json{{"labels", {"unsafe"}}}));
        QCOMPARE(stored.contexts["safe"]["suggestion"],
                 (nlohmann::json{{"agent", "judge"}, {"shown", "after"}, {"taken", false}}));

        press(window, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(storedResponse(path, "c1").status == ResponseStatus::Submitted);
        QVERIFY(window.errorText().isEmpty());
    }

    void sftCorrectionShowsWhatChanged()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sft.concord"));
        {
            concord::ProjectSettings settings;
            settings.name = "SFT";
            auto project = Project::create(path.toStdString(), settings,
                                           concord::RecordSchema::fromJson(concord::templateSchema("sft")));
            concord::RecordContent record;
            record.fields = {{"prompt", "Capital of France?"}, {"response", "The capital is Lyon."}};
            project->samples().insert("s1", "Capital of France?", "{}", concord::encodeRecord(record));
        }
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        QVERIFY(guitest::showAndActivate(window));
        FeedbackView* view = window.annotateScreen()->feedbackView();
        auto* correction = qobject_cast<concord::gui::TextAnswerBox*>(view->box("correction"));
        QVERIFY(correction != nullptr);
        // The editor starts from the draft, with nothing changed yet.
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(correction->editor()));
        QCOMPARE(correction->editor()->toPlainText(), QStringLiteral("The capital is Lyon."));
        QVERIFY(correction->changesText().isEmpty());
        // Replace the last word: the change shows word by word.
        press(window, Qt::Key_End, Qt::ControlModifier);
        for (int i = 0; i < 5; ++i) {
            press(window, Qt::Key_Backspace);
        }
        QTest::keyClicks(correction->editor(), QStringLiteral("Paris."));
        QCOMPARE(correction->changesText(), QStringLiteral("The capital is [-Lyon.-]{+Paris.+}"));
        press(window, Qt::Key_Return, Qt::ControlModifier);
        const Stored stored = storedResponse(path, "s1");
        QVERIFY(stored.status == ResponseStatus::Submitted);
        QCOMPARE(stored.answers.at("correction"), (nlohmann::json{{"text", "The capital is Paris."}}));
        QVERIFY(window.errorText().isEmpty());
    }

    // Spans on a field of a record of fields: Shift+arrows select in the field's text, a label's
    // key marks, Delete removes, Enter gives the spans and moves on; a prefilled suggestion of
    // spans is drawn and taken with Enter.
    void spansOnAFieldByKeyboard()
    {
        QTemporaryDir dir;
        const QString path = makeSpansProject(dir);
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(path));
        QVERIFY(guitest::showAndActivate(window));
        FeedbackView* view = window.annotateScreen()->feedbackView();
        auto* spans = qobject_cast<concord::gui::SpansBox*>(view->box("claims"));
        QVERIFY(spans != nullptr);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(spans->textView()));
        QCOMPARE(spans->textView()->toPlainText(), QStringLiteral("Paris is the capital of Germany."));
        // The marked response shows in its box, not twice; the prompt above.
        QVERIFY(view->fields()->shownText("response").isEmpty());
        QCOMPARE(view->fields()->shownText("prompt"), QStringLiteral("Capital of France?"));

        // "Paris" by Shift+Right, marked a claim: stored at once, the keyboard stays.
        select(window, Qt::Key_Right, 5);
        press(window, Qt::Key_C);
        const nlohmann::json paris = {{"start", 0}, {"end", 5}, {"label", "claim"}};
        QCOMPARE(storedResponse(path, "s1").answers["claims"], (nlohmann::json{{"spans", {paris}}}));
        QVERIFY(storedResponse(path, "s1").status == ResponseStatus::Draft);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(spans->textView()));

        // "Germany." from the end, an error; the spans stay in text order.
        press(window, Qt::Key_End);
        select(window, Qt::Key_Left, 8);
        press(window, Qt::Key_E);
        const nlohmann::json germany = {{"start", 24}, {"end", 32}, {"label", "error"}};
        QCOMPARE(storedResponse(path, "s1").answers["claims"], (nlohmann::json{{"spans", {paris, germany}}}));
        QCOMPARE(spans->textView()->spans().size(), std::size_t{2});
        QCOMPARE(spans->describe(storedResponse(path, "s1").answers["claims"]),
                 QStringLiteral("claim: Paris  \u00b7  error: Germany."));

        // A label key with nothing selected says what to do; Delete in "Paris" removes it.
        press(window, Qt::Key_E);
        QVERIFY(spans->findChild<QLabel*>(QStringLiteral("spanNotice"))
                    ->text()
                    .startsWith(QStringLiteral("Select some text")));
        press(window, Qt::Key_Home);
        press(window, Qt::Key_Delete);
        QCOMPARE(storedResponse(path, "s1").answers["claims"], (nlohmann::json{{"spans", {germany}}}));

        // Enter gives the spans and moves on; the label question answers and Ctrl+Enter submits.
        press(window, Qt::Key_Return);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(view->box("ok")));
        press(window, Qt::Key_N);
        press(window, Qt::Key_Return, Qt::ControlModifier);
        Stored stored = storedResponse(path, "s1");
        QVERIFY(stored.status == ResponseStatus::Submitted);
        QCOMPARE(stored.answers["claims"], (nlohmann::json{{"spans", {germany}}}));
        QCOMPARE(stored.answers["ok"], (nlohmann::json{{"labels", {"no"}}}));

        // The next record's suggested span is drawn before answering; Enter takes it as suggested.
        QCOMPARE(view->displayedId(), QStringLiteral("s2"));
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(spans->textView()));
        QCOMPARE(spans->textView()->spans().size(), std::size_t{1});
        QVERIFY(spans->suggestionText().startsWith(QStringLiteral("Suggested: claim: Berlin")));
        press(window, Qt::Key_Return);
        stored = storedResponse(path, "s2");
        QCOMPARE(stored.answers["claims"],
                 (nlohmann::json{{"spans", {{{"start", 0}, {"end", 6}, {"label", "claim"}}}}}));
        QCOMPARE(stored.contexts["claims"]["suggestion"],
                 (nlohmann::json{{"agent", "tagger"}, {"shown", "prefill"}, {"taken", true}}));
        QVERIFY(window.errorText().isEmpty());
    }

    void reviewOfAPreferenceDisagreement()
    {
        QTemporaryDir dir;
        const QString path = makeFeedbackProject(dir, 3);
        {
            auto project = Project::open(path.toStdString());
            const auto vote = [&](const char* id, const char* who, const nlohmann::json& winner, int strength) {
                const auto key = *project->samples().keyOf(id);
                project->answer(key, who, "preference", {{"preference", {{"winner", winner}, {"strength", strength}}}});
                project->answer(key, who, "quality", {{"rating", 3}});
                project->setStatus(key, who, ResponseStatus::Submitted);
            };
            vote("r1", "ana", "response_a", 1); // agree
            vote("r1", "ben", "response_a", 2);
            vote("r2", "ana", "response_a", 1); // opposite winners
            vote("r2", "ben", "response_b", 1);
            vote("r3", "ana", "response_b", 1); // a tie against a winner
            vote("r3", "ben", nullptr, 0);
        }
        MainWindow window(QStringLiteral("lead"));
        // The queue is built in the background as soon as the project opens.
        QSignalSpy loaded(window.reviewScreen(), &concord::gui::ReviewScreen::queueLoaded);
        QVERIFY(window.openProject(path));
        QVERIFY(guitest::showAndActivate(window));
        auto* review = window.reviewScreen()->feedbackReview();
        press(window, Qt::Key_2, Qt::ControlModifier);
        QVERIFY(review->isVisible());
        QVERIFY(!loaded.isEmpty() || loaded.wait(20000));
        // Opposite winners first; the record they agree on is not in the queue.
        QCOMPARE(review->queueIds(), (QStringList{QStringLiteral("r2"), QStringLiteral("r3")}));
        QCOMPARE(review->currentId(), QStringLiteral("r2"));
        QCOMPARE(review->answerTexts(),
                 (QStringList{QStringLiteral("ana: 1 better"), QStringLiteral("ben: 2 better")}));
        QCOMPARE(review->fields()->columnTitles().size(), 2);

        // The gold box has the keys: "2" sets response_b (the second field) as the winner.
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(review->goldBox()));
        press(window, Qt::Key_2);
        {
            auto project = Project::open(path.toStdString());
            const auto gold = project->resolutions().forQuestion("preference").get(*project->samples().keyOf("r2"));
            QVERIFY(gold.has_value());
            QCOMPARE(nlohmann::json::parse(gold->value),
                     (nlohmann::json{{"preference", {{"winner", "response_b"}, {"strength", 1}}}}));
            QCOMPARE(gold->author, std::string("lead"));
        }
        // The next record without gold; Alt+2 accepts ben's tie as gold.
        QCOMPARE(review->currentId(), QStringLiteral("r3"));
        press(window, Qt::Key_2, Qt::AltModifier);
        {
            auto project = Project::open(path.toStdString());
            const auto gold = project->resolutions().forQuestion("preference").get(*project->samples().keyOf("r3"));
            QVERIFY(gold.has_value());
            QCOMPARE(nlohmann::json::parse(gold->value)["preference"]["winner"], nlohmann::json());
        }
        QVERIFY(window.errorText().isEmpty());
    }

    // A spans question is reviewed like the others: every annotator's spans in words, and the
    // gold marked in the field's text with the same keys, given with Enter.
    void reviewOfSpansOnAField()
    {
        QTemporaryDir dir;
        const QString path = makeSpansProject(dir);
        const nlohmann::json paris = {{"start", 0}, {"end", 5}, {"label", "claim"}};
        const nlohmann::json germany = {{"start", 24}, {"end", 32}, {"label", "error"}};
        {
            auto project = Project::open(path.toStdString());
            const auto key = *project->samples().keyOf("s1");
            project->answer(key, "ana", "claims", {{"spans", {paris}}});
            project->answer(key, "ben", "claims", {{"spans", {germany}}});
            for (const char* who : {"ana", "ben"}) {
                project->answer(key, who, "ok", {{"labels", {"no"}}});
                project->setStatus(key, who, ResponseStatus::Submitted);
            }
        }
        MainWindow window(QStringLiteral("lead"));
        QSignalSpy loaded(window.reviewScreen(), &concord::gui::ReviewScreen::queueLoaded);
        QVERIFY(window.openProject(path));
        QVERIFY(guitest::showAndActivate(window));
        auto* review = window.reviewScreen()->feedbackReview();
        press(window, Qt::Key_2, Qt::ControlModifier);
        QVERIFY(!loaded.isEmpty() || loaded.wait(20000));
        QCOMPARE(review->queueIds(), (QStringList{QStringLiteral("s1")}));
        QCOMPARE(review->answerTexts(),
                 (QStringList{QStringLiteral("ana: claim: Paris"), QStringLiteral("ben: error: Germany.")}));
        auto* gold = qobject_cast<concord::gui::SpansBox*>(review->goldBox());
        QVERIFY(gold != nullptr);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(gold->textView()));

        // Both spans marked in the gold box; nothing is stored until Enter gives them.
        select(window, Qt::Key_Right, 5);
        press(window, Qt::Key_C);
        press(window, Qt::Key_End);
        select(window, Qt::Key_Left, 8);
        press(window, Qt::Key_E);
        const auto storedGold = [&] {
            auto project = Project::open(path.toStdString());
            return project->resolutions().forQuestion("claims").get(*project->samples().keyOf("s1"));
        };
        QVERIFY(!storedGold().has_value());
        press(window, Qt::Key_Return);
        const auto stored = storedGold();
        QVERIFY(stored.has_value());
        QCOMPARE(nlohmann::json::parse(stored->value), (nlohmann::json{{"spans", {paris, germany}}}));
        QVERIFY(window.errorText().isEmpty());
    }

    // The review's filters: set-aside records with their reasons, drafts, a judge agreeing with
    // the majority or not.
    void reviewFilters()
    {
        QTemporaryDir dir;
        const QString path = makeFeedbackProject(dir, 4);
        {
            auto project = Project::open(path.toStdString());
            const auto vote = [&](const char* id, const char* who, const char* winner) {
                const auto key = *project->samples().keyOf(id);
                project->answer(key, who, "preference", {{"preference", {{"winner", winner}, {"strength", 1}}}});
                project->answer(key, who, "quality", {{"rating", 3}});
                project->setStatus(key, who, ResponseStatus::Submitted);
            };
            vote("r1", "ana", "response_a"); // a, a, b: the majority is a
            vote("r1", "ben", "response_a");
            vote("r1", "cal", "response_b");
            vote("r2", "ana", "response_a"); // a against b: no majority
            vote("r2", "ben", "response_b");
            vote("r3", "ana", "response_a");
            project->setStatus(*project->samples().keyOf("r3"), "ben", ResponseStatus::Discarded, "off-topic prompt");
            project->answer(*project->samples().keyOf("r4"), "cal", "preference",
                            {{"preference", {{"winner", "response_b"}, {"strength", 1}}}});
            project->setStatus(*project->samples().keyOf("r4"), "cal", ResponseStatus::Draft);
            for (const char* id : {"r1", "r2"}) {
                project->suggest(*project->samples().keyOf(id), "preference", "judge",
                                 {{"preference", {{"winner", "response_a"}, {"strength", 1}}}}, 0.8);
            }
        }
        MainWindow window(QStringLiteral("lead"));
        QSignalSpy loaded(window.reviewScreen(), &concord::gui::ReviewScreen::queueLoaded);
        QVERIFY(window.openProject(path));
        QVERIFY(guitest::showAndActivate(window));
        auto* review = window.reviewScreen()->feedbackReview();
        press(window, Qt::Key_2, Qt::ControlModifier);
        QVERIFY(!loaded.isEmpty() || loaded.wait(20000));
        // Both have opposite winners; r2 (no pair agrees) before r1 (a third of its pairs do).
        QCOMPARE(review->queueIds(), (QStringList{QStringLiteral("r2"), QStringLiteral("r1")}));

        const auto reload = [&](const std::function<void()>& change) {
            loaded.clear();
            change();
            return loaded.wait(20000);
        };
        auto* filters = review->filters();
        QVERIFY(reload([&] { filters->statusBox()->setCurrentIndex(2); })); // set aside
        QCOMPARE(review->queueIds(), QStringList{QStringLiteral("r3")});
        QCOMPARE(review->pendingTexts(), QStringList{QStringLiteral("ben set it aside: \u201coff-topic prompt\u201d")});
        QCOMPARE(review->answerTexts(), QStringList{QStringLiteral("ana: 1 better")});
        QVERIFY(reload([&] { filters->statusBox()->setCurrentIndex(1); })); // drafts
        QCOMPARE(review->queueIds(), QStringList{QStringLiteral("r4")});
        QCOMPARE(review->pendingTexts(), QStringList{QStringLiteral("cal has a draft, not yet submitted")});

        QVERIFY(reload([&] { filters->statusBox()->setCurrentIndex(0); }));
        QCOMPARE(filters->suggestionBox()->count(), 3); // any, judge agrees, judge differs
        QVERIFY(reload([&] { filters->suggestionBox()->setCurrentIndex(1); }));
        QCOMPARE(review->queueIds(), QStringList{QStringLiteral("r1")});
        QVERIFY(reload([&] { filters->suggestionBox()->setCurrentIndex(2); }));
        QCOMPARE(review->queueIds(), QStringList{QStringLiteral("r2")});
        QVERIFY(reload([&] { filters->biasBox()->setChecked(true); }));
        QVERIFY(review->queueIds().isEmpty()); // no bias flag on these records
        QCOMPARE(review->pendingTexts(), QStringList{});
        QVERIFY(window.errorText().isEmpty());
    }
};

int runAnnotateFeedbackTests(int argc, char** argv)
{
    TestAnnotateFeedback tests;
    return QTest::qExec(&tests, argc, argv);
}

#include "test_annotate_feedback.moc"
