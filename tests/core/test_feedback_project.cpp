// A project of fields and questions in a real file: answers per question, response statuses,
// the single-question views, shown orders and suggestions kept with each answer, schema changes.
#include "core/feedback/RecordContent.hpp"
#include "core/feedback/ShownOrder.hpp"
#include "core/feedback/Templates.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>

using namespace concord;
using Catch::Contains;
using nlohmann::json;

namespace {

std::unique_ptr<Project> feedbackProjectFrom(const std::string& path, const json& schema)
{
    ProjectSettings settings;
    settings.name = "feedback";
    return Project::create(path, settings, RecordSchema::fromJson(schema));
}

std::unique_ptr<Project> feedbackProjectOf(const std::string& path, const char* templateName)
{
    return feedbackProjectFrom(path, templateSchema(templateName));
}

// Inserts a record as an import does: checked, its primary text as the sample's text.
std::int64_t feedbackInsert(Project& project, const std::string& id, const json& fields)
{
    RecordContent record;
    record.fields = fields;
    checkRecord(project.recordSchema(), record, project.recordLimits());
    const auto key =
        project.samples().insert(id, primaryText(project.recordSchema(), record), "{}", encodeRecord(record));
    REQUIRE(key);
    return *key;
}

std::int64_t feedbackPreferenceRecord(Project& project, const std::string& id)
{
    return feedbackInsert(project, id,
                          {{"prompt", "Explain recursion."},
                           {"response_a", "A function that calls itself."},
                           {"response_b", "See: recursion."}});
}

std::int64_t feedbackEvaluateRecord(Project& project, const std::string& id)
{
    return feedbackInsert(project, id, {{"prompt", "What is 2 + 2?"}, {"response", "2 + 2 is 4, since 1972."}});
}

std::int64_t feedbackCount(Project& project, const std::string& sql)
{
    auto statement = project.database().prepare(sql);
    REQUIRE(statement.step());
    return statement.columnInt(0);
}

// The stored context of one answer ('' when nothing was recorded about how it was given).
std::string feedbackContextOf(Project& project, std::int64_t sample, const std::string& annotator,
                              const std::string& question)
{
    auto statement = project.database().prepare(
        "SELECT context FROM answers WHERE sample = ?1 AND annotator = ?2 AND question = ?3");
    statement.bind(1, sample).bind(2, annotator).bind(3, question);
    REQUIRE(statement.step());
    return statement.columnText(0);
}

std::string feedbackValueOf(Project& project, std::int64_t sample, const std::string& annotator,
                            const std::string& question)
{
    auto statement =
        project.database().prepare("SELECT value FROM answers WHERE sample = ?1 AND annotator = ?2 AND question = ?3");
    statement.bind(1, sample).bind(2, annotator).bind(3, question);
    REQUIRE(statement.step());
    return statement.columnText(0);
}

json feedbackPrefer(const char* winner, int strength)
{
    return {{"preference", {{"winner", winner}, {"strength", strength}}}};
}

// The message of the InputError that changing the schema to `next` throws.
std::string feedbackChangeError(Project& project, const json& next)
{
    try {
        project.changeRecordSchema(RecordSchema::fromJson(next));
    } catch (const InputError& error) {
        return error.what();
    }
    return "(accepted)";
}

json& feedbackQuestionIn(json& schema, const std::string& name)
{
    for (auto& question : schema["questions"]) {
        if (question["name"] == name) {
            return question;
        }
    }
    FAIL("no question " << name);
    throw std::logic_error("unreachable");
}

void feedbackRemoveQuestion(json& schema, const std::string& name)
{
    auto& questions = schema["questions"];
    for (std::size_t i = 0; i < questions.size(); ++i) {
        if (questions[i]["name"] == name) {
            questions.erase(i);
            return;
        }
    }
    FAIL("no question " << name);
}

} // namespace

TEST_CASE("feedback: answers are stored per question and a first answer opens a draft", "[feedback]")
{
    test::TempDir dir;
    auto project = feedbackProjectOf(dir.file("p.concord"), "preference");
    CHECK_FALSE(project->isLegacy());
    CHECK(project->recordSchema().primary().name == "preference");
    const auto key = feedbackPreferenceRecord(*project, "r1");
    CHECK(project->samples().findByKey(key)->text == "Explain recursion.");
    CHECK(project->recordOf(*project->samples().findByKey(key)).fields["response_b"] == "See: recursion.");

    CHECK_FALSE(project->statusOf(key, "ada").has_value());
    CHECK_FALSE(project->responses().find(key, "ada").has_value());
    const auto stored = project->answer(key, "ada", "preference", feedbackPrefer("response_a", 2));
    CHECK(json::parse(stored) == feedbackPrefer("response_a", 2));
    REQUIRE(project->responses().find(key, "ada").has_value());
    CHECK(project->responses().find(key, "ada")->status == "draft");
    CHECK(project->statusOf(key, "ada") == ResponseStatus::Draft);

    project->answer(key, "ada", "reason", {{"text", "A explains; B jokes."}});
    CHECK(feedbackCount(*project, "SELECT count(*) FROM answers WHERE annotator = 'ada'") == 2);
    CHECK(json::parse(feedbackValueOf(*project, key, "ada", "reason")) == json{{"text", "A explains; B jokes."}});
    CHECK(json::parse(feedbackValueOf(*project, key, "ada", "preference")) == feedbackPrefer("response_a", 2));
    CHECK(project->statusOf(key, "ada") == ResponseStatus::Draft); // answering does not submit

    // A second answer to the same question replaces the first.
    project->answer(key, "ada", "preference", feedbackPrefer("response_b", 1));
    CHECK(feedbackCount(*project, "SELECT count(*) FROM answers WHERE annotator = 'ada'") == 2);
    CHECK(json::parse(feedbackValueOf(*project, key, "ada", "preference")) == feedbackPrefer("response_b", 1));
    CHECK(project->annotations().forQuestion("preference").history(key, "ada").size() == 2);
    CHECK(project->missingRequired(key, "ada").empty());
    CHECK(project->missingRequired(key, "bob") == std::vector<std::string>{"preference"});

    // A wrong answer is refused, naming the question, and leaves nothing behind: no answer, no draft.
    CHECK_THROWS_WITH(project->answer(key, "bob", "preference", feedbackPrefer("prompt", 1)),
                      Contains("question 'preference'") && Contains("the winner must be response_a or response_b"));
    CHECK_THROWS_WITH(project->answer(key, "bob", "reason", {{"text", ""}}), Contains("question 'reason'"));
    CHECK_THROWS_AS(project->answer(key, "bob", "style", {{"text", "x"}}), SettingError);
    CHECK_THROWS_WITH(project->answer(key, "bob", "style", {{"text", "x"}}),
                      Contains("no question named 'style'") && Contains("preference, reason"));
    CHECK_THROWS_WITH(project->answer(key + 100, "bob", "reason", {{"text", "x"}}), Contains("no sample with key"));
    CHECK_THROWS_WITH(project->answer(key, "", "reason", {{"text", "x"}}), Contains("annotator's name is empty"));
    CHECK(feedbackCount(*project, "SELECT count(*) FROM answers WHERE annotator = 'bob'") == 0);
    CHECK_FALSE(project->responses().find(key, "bob").has_value());
    CHECK_FALSE(project->statusOf(key, "bob").has_value());
}

TEST_CASE("feedback: a project of one question has no drafts", "[feedback]")
{
    test::TempDir dir;
    auto project = feedbackProjectOf(dir.file("p.concord"), "classify");
    CHECK(project->isLegacy());
    const auto key = feedbackInsert(*project, "r1", {{"text", "What a lovely day."}});
    project->annotate(key, "ada", {{"labels", {"positive"}}});
    CHECK_FALSE(project->responses().find(key, "ada").has_value());
    CHECK(project->statusOf(key, "ada") == ResponseStatus::Submitted);
    CHECK(feedbackCount(*project, "SELECT count(*) FROM annotations") == 1);
    // Its messages do not name the question, as before questions existed.
    try {
        project->annotate(key, "ada", {{"labels", {"happy"}}});
        FAIL("an unknown label was accepted");
    } catch (const InputError& error) {
        CHECK(std::string(error.what()).rfind("unknown label 'happy'", 0) == 0);
    }
}

TEST_CASE("feedback: submitting needs every required question, and a decided response stays decided", "[feedback]")
{
    test::TempDir dir;
    auto project = feedbackProjectOf(dir.file("p.concord"), "evaluate");
    const auto key = feedbackEvaluateRecord(*project, "r1");

    project->answer(key, "ada", "why", {{"text", "It adds a false date."}});
    CHECK(project->statusOf(key, "ada") == ResponseStatus::Draft);
    CHECK(project->missingRequired(key, "ada") == std::vector<std::string>{"correct", "helpfulness"});
    CHECK_THROWS_WITH(project->setStatus(key, "ada", ResponseStatus::Submitted),
                      Contains("record 'r1' cannot be submitted") &&
                          Contains("required questions correct, helpfulness not answered yet"));
    CHECK(project->statusOf(key, "ada") == ResponseStatus::Draft);

    project->answer(key, "ada", "correct", {{"labels", {"no"}}});
    CHECK_THROWS_WITH(project->setStatus(key, "ada", ResponseStatus::Submitted),
                      Contains("required question helpfulness not answered yet"));
    CHECK(project->statusOf(key, "ada") == ResponseStatus::Draft);

    project->answer(key, "ada", "helpfulness", {{"rating", 3}});
    CHECK(project->missingRequired(key, "ada").empty());
    project->setStatus(key, "ada", ResponseStatus::Submitted, "", 1500);
    CHECK(project->statusOf(key, "ada") == ResponseStatus::Submitted);
    CHECK(project->responses().find(key, "ada")->durationMs == 1500);

    // Submitted does not go back to draft; its answers can still change.
    CHECK_THROWS_WITH(project->setStatus(key, "ada", ResponseStatus::Draft),
                      Contains("record 'r1' is already submitted by ada") && Contains("does not go back to draft"));
    CHECK(project->statusOf(key, "ada") == ResponseStatus::Submitted);
    project->answer(key, "ada", "helpfulness", {{"rating", 2}});
    CHECK(project->statusOf(key, "ada") == ResponseStatus::Submitted);
    project->setStatus(key, "ada", ResponseStatus::Submitted, "", 500);
    CHECK(project->responses().find(key, "ada")->durationMs == 2000); // time spent adds up

    // A discarded response keeps its reason, and does not go back to draft either.
    project->setStatus(key, "bob", ResponseStatus::Discarded, "The prompt is ambiguous.");
    CHECK(project->statusOf(key, "bob") == ResponseStatus::Discarded);
    CHECK(project->responses().find(key, "bob")->reason == "The prompt is ambiguous.");
    CHECK_THROWS_WITH(project->setStatus(key, "bob", ResponseStatus::Draft), Contains("already discarded by bob"));
    CHECK_THROWS_WITH(project->setStatus(key, "bob", ResponseStatus::Submitted),
                      Contains("required questions correct, helpfulness"));
    CHECK(project->statusOf(key, "bob") == ResponseStatus::Discarded);
    CHECK(project->responses().find(key, "bob")->reason == "The prompt is ambiguous.");
    // Only a discard keeps a reason.
    project->setStatus(key, "ada", ResponseStatus::Submitted, "no reason needed");
    CHECK(project->responses().find(key, "ada")->reason.empty());

    const auto counts = project->responses().countsByStatus();
    CHECK(std::find(counts.begin(), counts.end(), std::pair<std::string, std::int64_t>{"submitted", 1}) !=
          counts.end());
    CHECK(std::find(counts.begin(), counts.end(), std::pair<std::string, std::int64_t>{"discarded", 1}) !=
          counts.end());
}

TEST_CASE("feedback: the annotations view counts the first question's submitted answers only", "[feedback]")
{
    test::TempDir dir;
    auto project = feedbackProjectOf(dir.file("p.concord"), "evaluate");
    const auto r1 = feedbackEvaluateRecord(*project, "r1");
    const auto r2 = feedbackEvaluateRecord(*project, "r2");
    const auto viewCount = [&] { return feedbackCount(*project, "SELECT count(*) FROM annotations"); };

    project->answer(r1, "ada", "correct", {{"labels", {"yes"}}});
    CHECK(viewCount() == 0); // a draft's answer is not counted
    CHECK(project->annotations().count() == 0);
    project->answer(r1, "ada", "helpfulness", {{"rating", 6}});
    project->setStatus(r1, "ada", ResponseStatus::Submitted);
    CHECK(viewCount() == 1); // helpfulness is not the first question
    CHECK(project->annotations().count() == 1);
    CHECK(json::parse(project->annotations().get(r1, "ada")->value) == json{{"labels", {"yes"}}});

    project->answer(r1, "bob", "correct", {{"labels", {"no"}}});
    CHECK(viewCount() == 1);
    project->setStatus(r1, "bob", ResponseStatus::Discarded, "unsure");
    CHECK(viewCount() == 1); // nor a discarded one

    project->answer(r2, "carol", "helpfulness", {{"rating", 2}});
    project->answer(r2, "carol", "correct", {{"labels", {"no"}}});
    project->setStatus(r2, "carol", ResponseStatus::Submitted);
    CHECK(viewCount() == 2);
    CHECK(feedbackCount(*project, "SELECT count(*) FROM annotations WHERE annotator = 'carol'") == 1);
    CHECK(feedbackCount(*project, "SELECT count(*) FROM answers") == 5);

    // The resolutions view is the first question's gold values likewise.
    project->resolve("r1", "rev", {{"labels", {"no"}}}, "a false date");
    project->resolve("r1", "rev", {{"rating", 1}}, "", "helpfulness");
    CHECK(feedbackCount(*project, "SELECT count(*) FROM resolutions") == 1);
    CHECK(feedbackCount(*project, "SELECT count(*) FROM gold") == 2);
    CHECK_THROWS_WITH(project->resolve("r1", "rev", {{"rating", 9}}, "", "helpfulness"),
                      Contains("question 'helpfulness'") && Contains("off the scale 1..7"));
}

TEST_CASE("feedback: a preference answer keeps the order its fields were shown in", "[feedback]")
{
    test::TempDir dir;
    const auto path = dir.file("p.concord");
    auto project = feedbackProjectOf(path, "preference");
    const auto key = feedbackPreferenceRecord(*project, "r1");
    const auto& question = project->recordSchema().primary();
    const auto seed = project->orderSeed();

    std::set<std::vector<std::string>> orders;
    for (int i = 0; i < 40; ++i) {
        const std::string annotator = "annotator-" + std::to_string(i);
        project->answer(key, annotator, "preference", feedbackPrefer("response_a", 1));
        const auto context =
            AnswerContext::fromJson(json::parse(feedbackContextOf(*project, key, annotator, "preference")));
        CHECK(context.order == shownOrder(seed, "r1", annotator, question));
        auto sorted = context.order;
        std::sort(sorted.begin(), sorted.end());
        CHECK(sorted == std::vector<std::string>{"response_a", "response_b"});
        CHECK(context.suggestionAgent.empty()); // no suggestion was shown
        orders.insert(context.order);
    }
    CHECK(orders.size() == 2); // 40 annotators do not all see response A first

    // A text answer compares nothing: nothing is recorded about how it was given.
    project->answer(key, "annotator-0", "reason", {{"text", "A is right."}});
    CHECK(feedbackContextOf(*project, key, "annotator-0", "reason").empty());

    // The seed is the file's: reopened, it draws the same orders.
    project.reset();
    auto reopened = Project::open(path);
    CHECK(reopened->orderSeed() == seed);
}

TEST_CASE("feedback: an answer records whether the suggestion shown was taken", "[feedback]")
{
    test::TempDir dir;
    auto project = feedbackProjectOf(dir.file("p.concord"), "preference");
    const auto key = feedbackPreferenceRecord(*project, "r1");

    CHECK_FALSE(project->suggest(key, "preference", "judge-v1", feedbackPrefer("response_a", 1), 0.9));
    CHECK(project->suggest(key, "preference", "judge-v1", feedbackPrefer("response_a", 1), 0.9)); // replaced
    CHECK(project->suggestions().count() == 1);

    project->answer(key, "ada", "preference", feedbackPrefer("response_a", 1));
    auto context = AnswerContext::fromJson(json::parse(feedbackContextOf(*project, key, "ada", "preference")));
    CHECK(context.suggestionAgent == "judge-v1");
    CHECK(context.suggestionShown == "after");
    CHECK(context.suggestionTaken);
    CHECK(context.order.size() == 2);

    project->answer(key, "bob", "preference", feedbackPrefer("response_a", 2));
    context = AnswerContext::fromJson(json::parse(feedbackContextOf(*project, key, "bob", "preference")));
    CHECK(context.suggestionAgent == "judge-v1");
    CHECK_FALSE(context.suggestionTaken);

    // Of several agents, the best-scored one is shown.
    project->suggest(key, "preference", "judge-v2", feedbackPrefer("response_b", 2), 0.95);
    project->suggest(key, "preference", "judge-v0", feedbackPrefer("response_b", 1), 0.1);
    project->answer(key, "carol", "preference", feedbackPrefer("response_b", 2));
    context = AnswerContext::fromJson(json::parse(feedbackContextOf(*project, key, "carol", "preference")));
    CHECK(context.suggestionAgent == "judge-v2");
    CHECK(context.suggestionTaken);

    // Suggestions are checked as answers are.
    CHECK_THROWS_WITH(project->suggest(key, "preference", "judge-v1", feedbackPrefer("prompt", 1), 0.5),
                      Contains("suggestion by judge-v1: ") && Contains("the winner must be"));
    CHECK_THROWS_WITH(project->suggest(key, "preference", "", feedbackPrefer("response_a", 1), 0.5),
                      Contains("a suggestion needs an agent"));
    CHECK_THROWS_WITH(project->suggest(key, "preference", "judge-v1", feedbackPrefer("response_a", 1), std::nan("")),
                      Contains("not a finite number"));
    CHECK_THROWS_AS(project->suggest(key, "style", "judge-v1", {{"text", "x"}}, std::nullopt), SettingError);
    CHECK(project->suggestions().count() == 3);
}

TEST_CASE("feedback: a question whose suggestions are hidden records none", "[feedback]")
{
    test::TempDir dir;
    auto schema = templateSchema("preference");
    schema["questions"][0]["suggestions"] = "prefill";
    schema["questions"][1]["suggestions"] = "hidden";
    auto project = feedbackProjectFrom(dir.file("p.concord"), schema);
    REQUIRE(project->recordSchema().question("reason").suggestions == SuggestionMode::Hidden);
    const auto key = feedbackPreferenceRecord(*project, "r1");

    project->suggest(key, "reason", "drafter", {{"text", "B is a joke."}}, std::nullopt);
    project->suggest(key, "preference", "judge", feedbackPrefer("response_a", 2), 0.7);
    CHECK(project->suggestions().count() == 2); // a hidden suggestion is still kept

    project->answer(key, "ada", "reason", {{"text", "B is a joke."}});
    CHECK(feedbackContextOf(*project, key, "ada", "reason").empty());

    project->answer(key, "ada", "preference", feedbackPrefer("response_a", 2));
    const auto context = AnswerContext::fromJson(json::parse(feedbackContextOf(*project, key, "ada", "preference")));
    CHECK(context.suggestionAgent == "judge");
    CHECK(context.suggestionShown == "prefill");
    CHECK(context.suggestionTaken);
}

TEST_CASE("feedback: changeRecordSchema allows additions and refuses what would orphan answers", "[feedback]")
{
    test::TempDir dir;
    const auto path = dir.file("p.concord");
    auto project = feedbackProjectOf(path, "evaluate");
    const auto key = feedbackEvaluateRecord(*project, "r1");
    project->answer(key, "ada", "correct", {{"labels", {"yes"}}});
    project->answer(key, "ada", "helpfulness", {{"rating", 5}});

    SECTION("additions")
    {
        auto next = project->recordSchema().toJson();
        next["questions"].push_back(
            {{"name", "safety"}, {"kind", "label"}, {"labels", {"safe", "unsafe"}}, {"required", false}});
        CHECK(feedbackChangeError(*project, next) == "(accepted)");
        REQUIRE(project->recordSchema().findQuestion("safety") != nullptr);
        CHECK(project->recordSchema().findQuestion("safety")->labels.labelNames() ==
              std::vector<std::string>{"safe", "unsafe"});

        next = project->recordSchema().toJson();
        feedbackQuestionIn(next, "correct")["labels"].push_back("partly");
        CHECK(feedbackChangeError(*project, next) == "(accepted)");
        CHECK(project->recordSchema().question("correct").labels.labelNames() ==
              std::vector<std::string>{"yes", "no", "partly"});
        CHECK(project->schema().labelNames() ==
              std::vector<std::string>{"yes", "no", "partly"}); // the first question's

        next = project->recordSchema().toJson();
        feedbackQuestionIn(next, "helpfulness")["rating"] = {{"min", 0}, {"max", 10}};
        CHECK(feedbackChangeError(*project, next) == "(accepted)");
        CHECK(project->recordSchema().question("helpfulness").labels.ratingMin == 0);
        CHECK(project->recordSchema().question("helpfulness").labels.ratingMax == 10);
        project->answer(key, "bob", "helpfulness", {{"rating", 10}}); // the wider scale is in force

        next = project->recordSchema().toJson();
        next["fields"].push_back({{"name", "reference"}, {"kind", "markdown"}, {"required", false}});
        feedbackQuestionIn(next, "why")["title"] = "Why, in a sentence?";
        CHECK(feedbackChangeError(*project, next) == "(accepted)");
        CHECK(project->recordSchema().findField("reference") != nullptr);
        CHECK(project->recordSchema().question("why").title == "Why, in a sentence?");

        // A question without answers may go.
        next = project->recordSchema().toJson();
        feedbackRemoveQuestion(next, "why");
        CHECK(feedbackChangeError(*project, next) == "(accepted)");
        CHECK(project->recordSchema().findQuestion("why") == nullptr);

        // What was changed is what the file holds.
        const auto changed = project->recordSchema().toJson();
        project.reset();
        auto reopened = Project::open(path);
        CHECK(reopened->recordSchema().toJson() == changed);
        CHECK(reopened->schema().labelNames() == std::vector<std::string>{"yes", "no", "partly"});
    }
    SECTION("removals and narrowings of what has answers")
    {
        const auto before = project->recordSchema().toJson();

        auto next = before;
        feedbackRemoveQuestion(next, "helpfulness");
        CHECK_THAT(feedbackChangeError(*project, next),
                   Contains("question 'helpfulness' has answers and cannot be removed or renamed"));

        next = before;
        feedbackQuestionIn(next, "helpfulness")["name"] = "usefulness";
        CHECK_THAT(feedbackChangeError(*project, next), Contains("question 'helpfulness' has answers"));

        next = before;
        auto& labels = feedbackQuestionIn(next, "correct")["labels"];
        labels.erase(1); // "no"
        CHECK_THAT(feedbackChangeError(*project, next),
                   Contains("question 'correct' has answers") && Contains("label 'no' cannot be removed or renamed"));

        next = before;
        feedbackQuestionIn(next, "helpfulness")["rating"] = {{"min", 1}, {"max", 5}};
        CHECK_THAT(feedbackChangeError(*project, next), Contains("question 'helpfulness' has answers") &&
                                                            Contains("its scale 1..7 may be widened, not narrowed"));
        next = before;
        feedbackQuestionIn(next, "helpfulness")["rating"] = {{"min", 2}, {"max", 7}};
        CHECK_THAT(feedbackChangeError(*project, next), Contains("may be widened, not narrowed"));

        next = before;
        feedbackQuestionIn(next, "correct")["kind"] = "multi_label";
        CHECK_THAT(feedbackChangeError(*project, next), Contains("question 'correct' has answers") &&
                                                            Contains("kind cannot change from label to multi_label"));

        next = before;
        next["fields"].erase(0); // prompt
        CHECK_THAT(feedbackChangeError(*project, next),
                   Contains("field 'prompt' holds the records' data and cannot be removed or renamed"));

        next = before;
        next["fields"][0]["kind"] = "markdown";
        CHECK_THAT(feedbackChangeError(*project, next), Contains("field 'prompt' holds data; its kind cannot change"));

        next = before;
        next["fields"].push_back({{"name", "reference"}, {"kind", "text"}});
        CHECK_THAT(feedbackChangeError(*project, next), Contains("a new field 'reference' cannot be required"));

        next = before;
        std::swap(next["questions"][0], next["questions"][1]);
        CHECK_THAT(feedbackChangeError(*project, next), Contains("the first question, 'correct', stays first"));

        // A suggestion is an answer too: the question it answers stays.
        project->suggest(key, "why", "judge", {{"text", "made-up date"}}, std::nullopt);
        next = before;
        feedbackRemoveQuestion(next, "why");
        CHECK_THAT(feedbackChangeError(*project, next), Contains("question 'why' has answers"));

        // Nothing refused was kept, in memory or in the file.
        CHECK(project->recordSchema().toJson() == before);
        project.reset();
        CHECK(Project::open(path)->recordSchema().toJson() == before);
    }
}

TEST_CASE("feedback: a project without records may lose a field", "[feedback]")
{
    test::TempDir dir;
    auto project = feedbackProjectOf(dir.file("p.concord"), "evaluate");
    auto next = project->recordSchema().toJson();
    next["fields"].erase(0); // prompt: no question uses it
    CHECK(feedbackChangeError(*project, next) == "(accepted)");
    CHECK(project->recordSchema().findField("prompt") == nullptr);
    CHECK(project->recordSchema().fields.size() == 1);
}

TEST_CASE("feedback: reopening a project gives back the same schema", "[feedback]")
{
    for (const auto& name : templateNames()) {
        INFO("template " << name);
        test::TempDir dir;
        const auto path = dir.file(name + ".concord");
        auto project = feedbackProjectOf(path, name.c_str());
        const auto schema = project->recordSchema().toJson();
        const auto seed = project->orderSeed();
        CHECK(schema == RecordSchema::fromJson(templateSchema(name)).toJson());
        CHECK(project->isLegacy() == (name == "classify"));
        project.reset();
        auto reopened = Project::open(path);
        CHECK(reopened->recordSchema().toJson() == schema);
        CHECK(reopened->isLegacy() == (name == "classify"));
        CHECK(reopened->orderSeed() == seed);
        CHECK(feedbackCount(*reopened, "SELECT count(*) FROM settings WHERE key = 'primary_question' AND value = '" +
                                           reopened->recordSchema().primary().name + "'") == 1);
    }
}

// Known issue (reported, not fixed here): Project::setStatus refuses a draft only when a status
// row says the response was decided, but a project of one question keeps no row for a label given
// as it always was (statusOf: no row and an answer means submitted). Such a label can be turned
// into a draft, and leaves the annotations view. `concord-cli label --draft` checks statusOf itself.
TEST_CASE("feedback: a label given without a status row does not go back to draft", "[feedback]")
{
    test::TempDir dir;
    auto project = feedbackProjectOf(dir.file("p.concord"), "classify");
    const auto key = feedbackInsert(*project, "r1", {{"text", "What a lovely day."}});
    project->annotate(key, "ada", {{"labels", {"positive"}}});
    REQUIRE(project->statusOf(key, "ada") == ResponseStatus::Submitted);
    CHECK_THROWS_WITH(project->setStatus(key, "ada", ResponseStatus::Draft), Contains("does not go back to draft"));
    CHECK(project->statusOf(key, "ada") == ResponseStatus::Submitted);
    CHECK(feedbackCount(*project, "SELECT count(*) FROM annotations") == 1);
}
