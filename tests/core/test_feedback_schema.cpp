// RecordSchema: the templates parse and round-trip, a label schema's project keeps its shape,
// and every refusal names the entry and the key at fault.
#include "core/feedback/RecordContent.hpp"
#include "core/feedback/RecordSchema.hpp"
#include "core/feedback/Templates.hpp"
#include "core/util/Error.hpp"

#include <catch2/catch.hpp>

#include <functional>

using namespace concord;
using Catch::Contains;
using nlohmann::json;

namespace {

// The message of the InputError that parsing `schema` throws; any other exception escapes.
std::string feedbackSchemaError(const json& schema)
{
    try {
        RecordSchema::fromJson(schema);
    } catch (const InputError& error) {
        return error.what();
    }
    return "(accepted)";
}

// A schema of one text field `text`, one chat field `conversation`, two markdown fields and
// the given questions.
json feedbackSchemaWith(const json& questions)
{
    return {{"fields",
             {{{"name", "text"}, {"kind", "text"}},
              {{"name", "conversation"}, {"kind", "chat"}},
              {{"name", "response_a"}, {"kind", "markdown"}},
              {{"name", "response_b"}, {"kind", "markdown"}}}},
            {"questions", questions}};
}

json feedbackSchemaPreference(const json& fields, const json& scale)
{
    json question = {{"name", "pref"}, {"kind", "preference"}, {"fields", fields}};
    if (!scale.is_null()) {
        question["scale"] = scale;
    }
    return feedbackSchemaWith(json::array({question}));
}

} // namespace

TEST_CASE("feedback: every template parses and round-trips through JSON", "[feedback]")
{
    const auto names = templateNames();
    REQUIRE(names == std::vector<std::string>{"preference", "ranking", "sft", "evaluate", "classify"});
    for (const auto& name : names) {
        INFO("template " << name);
        const auto schema = RecordSchema::fromJson(templateSchema(name));
        CHECK_FALSE(schema.fields.empty());
        CHECK_FALSE(schema.questions.empty());
        const auto again = RecordSchema::fromJson(schema.toJson());
        CHECK(again.toJson() == schema.toJson());
        // Parsing what toJson() wrote a second time changes nothing either (defaults are written out).
        CHECK(RecordSchema::fromJson(again.toJson()).toJson() == again.toJson());
        CHECK(RecordSchema::isNewForm(schema.toJson()));
        CHECK(schema.isLegacy() == (name == "classify"));
        CHECK(again.isLegacy() == (name == "classify"));
    }
    CHECK_THROWS_AS(templateSchema("summarise"), SettingError);
    CHECK_THROWS_WITH(templateSchema("summarise"), Contains("no template named 'summarise'") && Contains("evaluate"));
}

TEST_CASE("feedback: the templates hold the questions their docs promise", "[feedback]")
{
    const auto preference = RecordSchema::fromJson(templateSchema("preference"));
    REQUIRE(preference.questions.size() == 2);
    const auto& pref = preference.primary();
    CHECK(pref.name == "preference");
    CHECK(pref.kind == QuestionKind::Preference);
    CHECK(pref.fields == std::vector<std::string>{"response_a", "response_b"});
    CHECK(pref.points == 5);
    CHECK(pref.hasTie());
    CHECK(pref.maxStrength() == 2);
    CHECK(pref.required);
    CHECK_FALSE(preference.question("reason").required);
    CHECK(preference.question("reason").kind == QuestionKind::Text);
    CHECK(preference.findField("response_a")->kind == FieldKind::Markdown);
    CHECK(preference.findField("prompt")->kind == FieldKind::Text);
    CHECK(preference.findField("missing") == nullptr);
    CHECK(preference.findQuestion("missing") == nullptr);
    CHECK(preference.questionNames() == "preference, reason");
    CHECK(preference.fieldNames() == "prompt, response_a, response_b");
    CHECK_THROWS_AS(preference.question("missing"), SettingError);
    CHECK_THROWS_WITH(preference.question("missing"),
                      Contains("no question named 'missing'") && Contains("preference, reason"));

    const auto ranking = RecordSchema::fromJson(templateSchema("ranking"));
    CHECK(ranking.primary().kind == QuestionKind::Ranking);
    CHECK(ranking.primary().fields.size() == 4);

    const auto evaluate = RecordSchema::fromJson(templateSchema("evaluate"));
    REQUIRE(evaluate.questions.size() == 4);
    CHECK(evaluate.question("correct").kind == QuestionKind::Label);
    CHECK(evaluate.question("correct").labels.labelNames() == std::vector<std::string>{"yes", "no"});
    CHECK(evaluate.question("helpfulness").kind == QuestionKind::Rating);
    CHECK(evaluate.question("helpfulness").labels.ratingMin == 1);
    CHECK(evaluate.question("helpfulness").labels.ratingMax == 7);
    CHECK(evaluate.question("hallucinations").kind == QuestionKind::Spans);
    CHECK(evaluate.question("hallucinations").field == "response");
    CHECK_FALSE(evaluate.question("hallucinations").required);

    const auto sft = RecordSchema::fromJson(templateSchema("sft"));
    CHECK(sft.primary().kind == QuestionKind::Text);
    CHECK(sft.primary().field == "response");
    CHECK_FALSE(sft.findField("response")->required);
}

TEST_CASE("feedback: a preference without a scale has three points, a tie and strength 1", "[feedback]")
{
    const auto schema = RecordSchema::fromJson(feedbackSchemaPreference({"response_a", "response_b"}, nullptr));
    const auto& question = schema.primary();
    CHECK(question.points == 3);
    CHECK(question.hasTie());
    CHECK(question.maxStrength() == 1);
    CHECK(question.suggestions == SuggestionMode::After);
    CHECK(schema.toJson()["questions"][0]["scale"] == json{{"points", 3}});

    const auto even = RecordSchema::fromJson(feedbackSchemaPreference({"response_a", "response_b"}, {{"points", 4}}));
    CHECK_FALSE(even.primary().hasTie());
    CHECK(even.primary().maxStrength() == 2);
    const auto seven = RecordSchema::fromJson(feedbackSchemaPreference({"response_a", "response_b"}, {{"points", 7}}));
    CHECK(seven.primary().maxStrength() == 3);
}

TEST_CASE("feedback: fromLegacy gives one text field and one question named after the task", "[feedback]")
{
    const std::vector<std::pair<TaskKind, std::string>> kinds = {{TaskKind::Single, "label"},
                                                                 {TaskKind::Multi, "labels"},
                                                                 {TaskKind::Spans, "spans"},
                                                                 {TaskKind::Rating, "rating"}};
    for (const auto& [kind, name] : kinds) {
        INFO("task " << toString(kind));
        const auto labels = kind == TaskKind::Rating ? LabelSchema::fromJson({{"kind", "rating"}})
                                                     : LabelSchema::fromNames(kind, {"pos", "neg"});
        const auto schema = RecordSchema::fromLegacy(labels);
        CHECK(legacyQuestionName(kind) == name);
        REQUIRE(schema.fields.size() == 1);
        CHECK(schema.fields[0].name == "text");
        CHECK(schema.fields[0].kind == FieldKind::Text);
        REQUIRE(schema.questions.size() == 1);
        CHECK(schema.primary().name == name);
        CHECK(schema.primary().labels.toJson() == labels.toJson());
        CHECK(schema.primary().field == (kind == TaskKind::Spans ? "text" : ""));
        CHECK(schema.isLegacy());
        // Written out and read back, it is still recognised as a label schema's project.
        const auto again = RecordSchema::fromJson(schema.toJson());
        CHECK(again.toJson() == schema.toJson());
        CHECK(again.isLegacy());
    }
    CHECK(RecordSchema::fromLegacy(LabelSchema::fromNames(TaskKind::Single, {"a"})).primary().kind ==
          QuestionKind::Label);
    CHECK(RecordSchema::fromLegacy(LabelSchema::fromNames(TaskKind::Multi, {"a"})).primary().kind ==
          QuestionKind::MultiLabel);
    CHECK(RecordSchema::fromLegacy(LabelSchema::fromNames(TaskKind::Spans, {"a"})).primary().kind ==
          QuestionKind::Spans);
    CHECK(RecordSchema::fromLegacy(LabelSchema::fromJson({{"kind", "rating"}})).primary().kind == QuestionKind::Rating);
}

TEST_CASE("feedback: isLegacy is false as soon as the shape differs from a label schema's", "[feedback]")
{
    const auto legacy = RecordSchema::fromLegacy(LabelSchema::fromNames(TaskKind::Single, {"pos", "neg"}));
    REQUIRE(legacy.isLegacy());

    auto renamedQuestion = legacy;
    renamedQuestion.questions[0].name = "sentiment";
    CHECK_FALSE(renamedQuestion.isLegacy());

    auto renamedField = legacy;
    renamedField.fields[0].name = "body";
    CHECK_FALSE(renamedField.isLegacy());

    auto twoQuestions = legacy;
    twoQuestions.questions.push_back(legacy.questions[0]);
    twoQuestions.questions[1].name = "other";
    CHECK_FALSE(twoQuestions.isLegacy());

    auto titled = legacy;
    titled.questions[0].title = "How does it sound?";
    CHECK_FALSE(titled.isLegacy());

    auto hidden = legacy;
    hidden.questions[0].suggestions = SuggestionMode::Hidden;
    CHECK_FALSE(hidden.isLegacy());

    const auto text = RecordSchema::fromJson(
        {{"fields", {{{"name", "text"}}}}, {"questions", {{{"name", "text"}, {"kind", "text"}}}}});
    CHECK_FALSE(text.isLegacy());
}

TEST_CASE("feedback: isNewForm tells the new form from a label schema", "[feedback]")
{
    CHECK(RecordSchema::isNewForm({{"fields", json::array()}}));
    CHECK(RecordSchema::isNewForm({{"questions", json::array()}}));
    CHECK_FALSE(RecordSchema::isNewForm({{"kind", "single"}, {"labels", {"a"}}}));
    CHECK_FALSE(RecordSchema::isNewForm(json::array({"fields"})));
    CHECK_FALSE(RecordSchema::isNewForm("fields"));
}

TEST_CASE("feedback: schema errors name the entry and the key at fault", "[feedback]")
{
    SECTION("an unknown question kind")
    {
        const auto error = feedbackSchemaError(feedbackSchemaWith({{{"name", "q"}, {"kind", "tree"}}}));
        CHECK_THAT(error, Contains("questions[0]") && Contains("'q'") && Contains("unknown kind 'tree'") &&
                              Contains("label, multi_label, spans, rating, ranking, preference or text"));
    }
    SECTION("a question without a kind")
    {
        CHECK_THAT(feedbackSchemaError(feedbackSchemaWith({{{"name", "q"}, {"labels", {"a"}}}})),
                   Contains("questions[0] ('q')") && Contains("key 'kind' is missing"));
    }
    SECTION("a duplicate question name")
    {
        const auto error = feedbackSchemaError(feedbackSchemaWith(
            {{{"name", "q"}, {"kind", "label"}, {"labels", {"a"}}}, {{"name", "q"}, {"kind", "text"}}}));
        CHECK_THAT(error, Contains("questions[1]") && Contains("question 'q' appears twice"));
    }
    SECTION("a duplicate field name")
    {
        const json schema = {{"fields", {{{"name", "text"}}, {{"name", "text"}, {"kind", "markdown"}}}},
                             {"questions", {{{"name", "q"}, {"kind", "text"}}}}};
        CHECK_THAT(feedbackSchemaError(schema), Contains("fields[1]") && Contains("field 'text' appears twice"));
    }
    SECTION("a preference between three fields")
    {
        const auto error = feedbackSchemaError(feedbackSchemaPreference({"text", "response_a", "response_b"}, nullptr));
        CHECK_THAT(error, Contains("questions[0] ('pref')") && Contains("exactly two fields, found 3"));
    }
    SECTION("a preference between one field")
    {
        CHECK_THAT(feedbackSchemaError(feedbackSchemaPreference({"response_a"}, nullptr)),
                   Contains("('pref')") && Contains("exactly two fields, found 1"));
    }
    SECTION("a ranking of one field")
    {
        const auto error =
            feedbackSchemaError(feedbackSchemaWith({{{"name", "rank"}, {"kind", "ranking"}, {"fields", {"text"}}}}));
        CHECK_THAT(error, Contains("questions[0] ('rank')") && Contains("a ranking needs two or more fields, found 1"));
    }
    SECTION("a ranking of no field at all")
    {
        const auto error = feedbackSchemaError(
            feedbackSchemaWith({{{"name", "rank"}, {"kind", "ranking"}, {"fields", json::array()}}}));
        CHECK_THAT(error, Contains("('rank')") && Contains("key 'fields' must be a non-empty array"));
    }
    SECTION("a compared field the record lacks, or named twice")
    {
        CHECK_THAT(feedbackSchemaError(feedbackSchemaPreference({"response_a", "response_c"}, nullptr)),
                   Contains("('pref')") && Contains("field 'response_c' is not among the record's fields") &&
                       Contains("text, conversation, response_a, response_b"));
        CHECK_THAT(feedbackSchemaError(feedbackSchemaPreference({"response_a", "response_a"}, nullptr)),
                   Contains("('pref')") && Contains("field 'response_a' is named twice"));
    }
    SECTION("preference scales of 1 and 8 points")
    {
        for (int points : {1, 8, 0, -3}) {
            INFO(points << " points");
            const auto error =
                feedbackSchemaError(feedbackSchemaPreference({"response_a", "response_b"}, {{"points", points}}));
            CHECK_THAT(error, Contains("questions[0] ('pref')") &&
                                  Contains("a preference scale has 2 to 7 points, found " + std::to_string(points)));
        }
        for (int points : {2, 3, 4, 5, 6, 7}) {
            INFO(points << " points");
            CHECK(feedbackSchemaError(feedbackSchemaPreference({"response_a", "response_b"}, {{"points", points}})) ==
                  "(accepted)");
        }
    }
    SECTION("a preference scale that is not an object of integer points")
    {
        CHECK_THAT(feedbackSchemaError(feedbackSchemaPreference({"response_a", "response_b"}, {{"points", 2.5}})),
                   Contains("('pref')") && Contains("key 'scale'"));
        CHECK_THAT(feedbackSchemaError(feedbackSchemaPreference({"response_a", "response_b"}, 5)),
                   Contains("('pref')") && Contains("key 'scale'"));
        CHECK_THAT(
            feedbackSchemaError(feedbackSchemaPreference({"response_a", "response_b"}, {{"points", 5}, {"tie", true}})),
            Contains("('pref')") && Contains("unknown key 'tie'"));
    }
    SECTION("spans on a chat field")
    {
        const auto error = feedbackSchemaError(feedbackSchemaWith(
            {{{"name", "marks"}, {"kind", "spans"}, {"labels", {"PER"}}, {"field", "conversation"}}}));
        CHECK_THAT(error, Contains("questions[0] ('marks')") && Contains("field 'conversation' is a chat") &&
                              Contains("spans mark a text or markdown field"));
    }
    SECTION("spans without the field they mark, or on a field the record lacks")
    {
        CHECK_THAT(
            feedbackSchemaError(feedbackSchemaWith({{{"name", "marks"}, {"kind", "spans"}, {"labels", {"PER"}}}})),
            Contains("('marks')") && Contains("key 'field' is missing"));
        CHECK_THAT(feedbackSchemaError(feedbackSchemaWith(
                       {{{"name", "marks"}, {"kind", "spans"}, {"labels", {"PER"}}, {"field", "body"}}})),
                   Contains("('marks')") && Contains("field 'body' is not among the record's fields"));
    }
    SECTION("a text answer prefilled from a chat")
    {
        CHECK_THAT(
            feedbackSchemaError(feedbackSchemaWith({{{"name", "fix"}, {"kind", "text"}, {"field", "conversation"}}})),
            Contains("('fix')") && Contains("field 'conversation' is a chat") && Contains("prefilled"));
    }
    SECTION("a field name with a space")
    {
        const json schema = {{"fields", {{{"name", "text"}}, {{"name", "my field"}}}},
                             {"questions", {{{"name", "q"}, {"kind", "text"}}}}};
        const auto error = feedbackSchemaError(schema);
        CHECK_THAT(error,
                   Contains("fields[1]") && Contains("the name 'my field'") && Contains("letters, digits, '_' or '-'"));
    }
    SECTION("a question name with a dot, or empty, or of 65 characters")
    {
        CHECK_THAT(feedbackSchemaError(feedbackSchemaWith({{{"name", "q.1"}, {"kind", "text"}}})),
                   Contains("questions[0]") && Contains("the name 'q.1'"));
        CHECK_THAT(feedbackSchemaError(feedbackSchemaWith({{{"name", ""}, {"kind", "text"}}})),
                   Contains("questions[0]") && Contains("the name ''"));
        CHECK_THAT(feedbackSchemaError(feedbackSchemaWith({{{"name", std::string(65, 'q')}, {"kind", "text"}}})),
                   Contains("questions[0]") && Contains("key 'name' has 65 bytes"));
        CHECK(feedbackSchemaError(feedbackSchemaWith({{{"name", std::string(64, 'q')}, {"kind", "text"}}})) ==
              "(accepted)");
    }
    SECTION("an unknown key in a question")
    {
        const auto error = feedbackSchemaError(
            feedbackSchemaWith({{{"name", "q"}, {"kind", "label"}, {"labels", {"a"}}, {"colour", "red"}}}));
        CHECK_THAT(error, Contains("questions[0]") && Contains("unknown key 'colour'") && Contains("expected name,"));
    }
    SECTION("an unknown key in a field, and at the top")
    {
        const json field = {{"fields", {{{"name", "text"}, {"format", "html"}}}},
                            {"questions", {{{"name", "q"}, {"kind", "text"}}}}};
        CHECK_THAT(feedbackSchemaError(field), Contains("fields[0]") && Contains("unknown key 'format'"));
        auto top = feedbackSchemaWith({{{"name", "q"}, {"kind", "text"}}});
        top["guidelines"] = "be kind";
        CHECK_THAT(feedbackSchemaError(top), Contains("schema") && Contains("unknown key 'guidelines'"));
    }
    SECTION("a key that belongs to another kind of question")
    {
        CHECK_THAT(
            feedbackSchemaError(feedbackSchemaWith(
                {{{"name", "q"}, {"kind", "label"}, {"labels", {"a"}}, {"fields", {"response_a", "response_b"}}}})),
            Contains("('q')") && Contains("key 'fields' belongs to ranking and preference questions"));
        CHECK_THAT(feedbackSchemaError(feedbackSchemaWith(
                       {{{"name", "q"}, {"kind", "label"}, {"labels", {"a"}}, {"scale", {{"points", 5}}}}})),
                   Contains("('q')") && Contains("key 'scale' belongs to preference questions"));
        CHECK_THAT(feedbackSchemaError(
                       feedbackSchemaWith({{{"name", "q"}, {"kind", "label"}, {"labels", {"a"}}, {"field", "text"}}})),
                   Contains("('q')") && Contains("key 'field' belongs to spans and text questions"));
        auto withLabels = feedbackSchemaPreference({"response_a", "response_b"}, nullptr);
        withLabels["questions"][0]["labels"] = {"a"};
        CHECK_THAT(feedbackSchemaError(withLabels), Contains("('pref')") && Contains("key 'labels' belongs to"));
        CHECK_THAT(
            feedbackSchemaError(feedbackSchemaWith({{{"name", "q"}, {"kind", "text"}, {"rating", {{"min", 1}}}}})),
            Contains("('q')") && Contains("key 'rating' belongs to rating"));
        CHECK_THAT(feedbackSchemaError(feedbackSchemaWith({{{"name", "r"},
                                                            {"kind", "ranking"},
                                                            {"fields", {"response_a", "response_b"}},
                                                            {"scale", {{"points", 5}}}}})),
                   Contains("('r')") && Contains("key 'scale' belongs to preference questions"));
    }
    SECTION("a label question's label errors keep the question's place")
    {
        CHECK_THAT(
            feedbackSchemaError(feedbackSchemaWith({{{"name", "q"}, {"kind", "label"}, {"labels", {"a", "a"}}}})),
            Contains("questions[0] ('q')") && Contains("label 'a' appears twice"));
        CHECK_THAT(feedbackSchemaError(feedbackSchemaWith({{{"name", "q"}, {"kind", "label"}}})),
                   Contains("questions[0] ('q')") && Contains("needs at least one label"));
        CHECK_THAT(feedbackSchemaError(
                       feedbackSchemaWith({{{"name", "q"}, {"kind", "rating"}, {"rating", {{"min", 5}, {"max", 1}}}}})),
                   Contains("questions[0] ('q')") && Contains("min < max"));
    }
    SECTION("an unknown field kind or suggestion mode")
    {
        const json fieldKind = {{"fields", {{{"name", "text"}, {"kind", "html"}}}},
                                {"questions", {{{"name", "q"}, {"kind", "text"}}}}};
        CHECK_THAT(feedbackSchemaError(fieldKind), Contains("fields[0] ('text')") && Contains("unknown kind 'html'") &&
                                                       Contains("text, markdown or chat"));
        CHECK_THAT(
            feedbackSchemaError(feedbackSchemaWith({{{"name", "q"}, {"kind", "text"}, {"suggestions", "always"}}})),
            Contains("('q')") && Contains("unknown kind 'always'") && Contains("prefill, after or hidden"));
    }
    SECTION("a 'required' that is not a boolean")
    {
        CHECK_THAT(feedbackSchemaError(feedbackSchemaWith({{{"name", "q"}, {"kind", "text"}, {"required", "yes"}}})),
                   Contains("('q')") && Contains("key 'required' must be true or false"));
    }
    SECTION("missing 'fields' or 'questions', or either empty")
    {
        CHECK_THAT(feedbackSchemaError({{"questions", {{{"name", "q"}, {"kind", "text"}}}}}),
                   Contains("schema") && Contains("key 'fields' must be a non-empty array"));
        CHECK_THAT(feedbackSchemaError({{"fields", json::array()}, {"questions", {{{"name", "q"}, {"kind", "text"}}}}}),
                   Contains("key 'fields' must be a non-empty array"));
        CHECK_THAT(feedbackSchemaError({{"fields", {{{"name", "text"}}}}}),
                   Contains("schema") && Contains("key 'questions' must be a non-empty array"));
        CHECK_THAT(feedbackSchemaError(json::array()), Contains("expected a JSON object, found array"));
    }
    SECTION("an entry that is not an object")
    {
        CHECK_THAT(feedbackSchemaError(
                       {{"fields", json::array({"text"})}, {"questions", {{{"name", "q"}, {"kind", "text"}}}}}),
                   Contains("fields[0]") && Contains("expected an object"));
        CHECK_THAT(feedbackSchemaError(feedbackSchemaWith(json::array({"q"}))),
                   Contains("questions[0]") && Contains("expected an object"));
    }
    SECTION("a title that is not a string")
    {
        CHECK_THAT(feedbackSchemaError(feedbackSchemaWith({{{"name", "q"}, {"kind", "text"}, {"title", 3}}})),
                   Contains("('q')") && Contains("key 'title' must be a string, found number"));
    }
}

// Known issue (reported, not fixed here): a number beyond int is narrowed before it is checked,
// so it lands on the scale instead of being refused (RecordSchema.cpp reads the points with
// scale.value("points", 3) into an int; LabelSchema::fromJson reads min and max with get<int>()).
TEST_CASE("feedback: numbers beyond int are refused, not wrapped onto a scale", "[feedback]")
{
    // 4294967298 is 2 modulo 2^32.
    CHECK_THAT(feedbackSchemaError(feedbackSchemaPreference({"response_a", "response_b"}, {{"points", 4294967298LL}})),
               Contains("2 to 7 points"));
    // 4294967297 is 1 modulo 2^32.
    CHECK(feedbackSchemaError(feedbackSchemaWith(
              {{{"name", "q"}, {"kind", "rating"}, {"rating", {{"min", 4294967297LL}, {"max", 5}}}}})) != "(accepted)");
}

TEST_CASE("feedback: each template's example record fills every field and passes the record checks", "[feedback]")
{
    for (const std::string& name : templateNames()) {
        INFO(name);
        const RecordSchema schema = RecordSchema::fromJson(templateSchema(name));
        const RecordContent record = exampleRecord(schema);
        CHECK(record.fields.size() == schema.fields.size());
        CHECK_NOTHROW(checkRecord(schema, record, RecordLimits{}));
        for (const Field& field : schema.fields) {
            if (field.kind == FieldKind::Chat) {
                CHECK(record.fields.at(field.name).size() == 3);
            } else {
                CHECK_FALSE(record.fields.at(field.name).get<std::string>().empty());
            }
        }
    }
}

TEST_CASE("feedback: isLegacy agrees with comparing the schema's JSON to fromLegacy's, one difference at a time",
          "[feedback]")
{
    // isLegacy compares member by member (it runs for every operation a server applies); its
    // definition is that toJson() equals fromLegacy(labels).toJson().
    const auto byJson = [](const RecordSchema& schema) {
        return schema.questions.size() == 1 && schema.fields.size() == 1 && schema.questions.front().asksLabels() &&
               schema.toJson() == RecordSchema::fromLegacy(schema.questions.front().labels).toJson();
    };
    std::vector<LabelSchema> kinds = {
        LabelSchema::fromJson(json{{"kind", "single"}, {"labels", {"pos", "neg"}}}),
        LabelSchema::fromJson(json{{"kind", "multi"}, {"labels", {"a", "b", "c"}}}),
        LabelSchema::fromJson(json{{"kind", "spans"}, {"labels", {"PER", "ORG"}}}),
        LabelSchema::fromJson(json{{"kind", "rating"}, {"rating", {{"min", 1}, {"max", 5}}}})};
    using Change = std::function<void(RecordSchema&)>;
    const std::vector<std::pair<std::string, Change>> changes = {
        {"none", [](RecordSchema&) {}},
        {"field name", [](RecordSchema& s) { s.fields[0].name = "body"; }},
        {"field title", [](RecordSchema& s) { s.fields[0].title = "Body"; }},
        {"field kind", [](RecordSchema& s) { s.fields[0].kind = FieldKind::Markdown; }},
        {"field optional", [](RecordSchema& s) { s.fields[0].required = false; }},
        {"question name", [](RecordSchema& s) { s.questions[0].name = "q"; }},
        {"question title", [](RecordSchema& s) { s.questions[0].title = "Which?"; }},
        {"question description", [](RecordSchema& s) { s.questions[0].description = "Read it."; }},
        {"question optional", [](RecordSchema& s) { s.questions[0].required = false; }},
        {"suggestions", [](RecordSchema& s) { s.questions[0].suggestions = SuggestionMode::Prefill; }},
        {"question kind", [](RecordSchema& s) { s.questions[0].kind = QuestionKind::Text; }},
        {"spans field", [](RecordSchema& s) { s.questions[0].field = "other"; }},
        {"points", [](RecordSchema& s) { s.questions[0].points = 5; }},
        {"second field",
         [](RecordSchema& s) {
             s.fields.push_back(Field{"extra", "Extra", FieldKind::Text, false});
         }},
    };
    int legacy = 0;
    for (const auto& labels : kinds) {
        for (const auto& [name, change] : changes) {
            INFO(toString(labels.kind) << ", changed: " << name);
            RecordSchema schema = RecordSchema::fromLegacy(labels);
            change(schema);
            CHECK(schema.isLegacy() == byJson(schema));
            legacy += schema.isLegacy() ? 1 : 0;
        }
    }
    // Unchanged, and the changes toJson() does not write (points outside a preference; the
    // marked field outside spans), in each of the four kinds; spans writes its field.
    CHECK(legacy == 4 * 3 - 1);
}
