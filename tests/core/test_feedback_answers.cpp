// Answers to each kind of question: one valid answer accepted, wrong ones refused with a message
// that says what is wrong; the short forms; an answer's context; the order fields are shown in.
#include "core/feedback/Answers.hpp"
#include "core/feedback/RecordSchema.hpp"
#include "core/feedback/ShownOrder.hpp"
#include "core/feedback/Templates.hpp"
#include "core/util/Error.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

using namespace concord;
using Catch::Contains;
using nlohmann::json;

namespace {

RecordSchema feedbackAnswersTemplate(const char* name)
{
    return RecordSchema::fromJson(templateSchema(name));
}

// Fields text, response_a, response_b; questions of every kind.
RecordSchema feedbackAnswersSchema()
{
    return RecordSchema::fromJson(json::parse(R"({
        "fields": [{"name": "text"}, {"name": "response_a", "kind": "markdown"},
                   {"name": "response_b", "kind": "markdown"}],
        "questions": [
            {"name": "topics", "kind": "multi_label", "labels": ["sport", "politics", "science"]},
            {"name": "even", "kind": "preference", "fields": ["response_a", "response_b"], "scale": {"points": 4}},
            {"name": "three", "kind": "preference", "fields": ["response_a", "response_b"]},
            {"name": "entities", "kind": "spans", "field": "text", "labels": ["PER", "LOC"]},
            {"name": "overlapping", "kind": "spans", "field": "text", "labels": ["PER"], "allow_overlap": true}
        ]})"));
}

RecordContent feedbackAnswersRecord(const json& fields)
{
    RecordContent record;
    record.fields = fields;
    return record;
}

// The message of the InputError that checkAnswer throws; any other exception escapes.
std::string feedbackAnswerError(const Question& question, const json& value, const RecordContent& record = {},
                                bool nameQuestion = true)
{
    try {
        checkAnswer(question, value, record, nameQuestion);
    } catch (const InputError& error) {
        return error.what();
    }
    return "(accepted)";
}

std::string feedbackContextError(const json& context)
{
    try {
        AnswerContext::fromJson(context);
    } catch (const InputError& error) {
        return error.what();
    }
    return "(accepted)";
}

json feedbackPreference(const json& winner, const json& strength)
{
    return {{"preference", {{"winner", winner}, {"strength", strength}}}};
}

} // namespace

TEST_CASE("feedback: label answers name the question and the unknown label", "[feedback]")
{
    const auto schema = feedbackAnswersTemplate("evaluate");
    const auto& correct = schema.question("correct");
    CHECK(feedbackAnswerError(correct, {{"labels", {"yes"}}}) == "(accepted)");
    CHECK_THAT(feedbackAnswerError(correct, {{"labels", {"maybe"}}}), Contains("question 'correct' (label): ") &&
                                                                          Contains("unknown label 'maybe'") &&
                                                                          Contains("(the schema has: yes, no)"));
    CHECK_THAT(feedbackAnswerError(correct, {{"labels", {"yes", "no"}}}),
               Contains("question 'correct'") && Contains("exactly one label, found 2"));
    CHECK_THAT(feedbackAnswerError(correct, {{"labels", json::array()}}), Contains("exactly one label, found 0"));
    CHECK_THAT(feedbackAnswerError(correct, {{"rating", 3}}), Contains("needs field 'labels'"));
    // A project of one question says it as it always did, without the question's name.
    const auto plain = feedbackAnswerError(correct, {{"labels", {"maybe"}}}, {}, false);
    CHECK(plain.rfind("unknown label 'maybe'", 0) == 0);
}

TEST_CASE("feedback: multi_label answers refuse unknown and repeated labels", "[feedback]")
{
    const auto schema = feedbackAnswersSchema();
    const auto& topics = schema.question("topics");
    CHECK(feedbackAnswerError(topics, {{"labels", {"sport", "science"}}}) == "(accepted)");
    CHECK(feedbackAnswerError(topics, {{"labels", json::array()}}) == "(accepted)");
    CHECK_THAT(feedbackAnswerError(topics, {{"labels", {"sport", "cooking"}}}),
               Contains("question 'topics' (multi_label)") && Contains("unknown label 'cooking'") &&
                   Contains("sport, politics, science"));
    CHECK_THAT(feedbackAnswerError(topics, {{"labels", {"sport", "sport"}}}), Contains("label 'sport' is given twice"));
    CHECK_THAT(feedbackAnswerError(topics, {{"labels", {1}}}), Contains("labels must be strings"));
    CHECK_THAT(feedbackAnswerError(topics, {{"labels", {"sport"}}, {"note", "x"}}),
               Contains("only the field 'labels'"));
}

TEST_CASE("feedback: rating answers stay on the question's scale", "[feedback]")
{
    const auto schema = feedbackAnswersTemplate("evaluate");
    const auto& helpfulness = schema.question("helpfulness");
    CHECK(feedbackAnswerError(helpfulness, {{"rating", 1}}) == "(accepted)");
    CHECK(feedbackAnswerError(helpfulness, {{"rating", 7}}) == "(accepted)");
    CHECK_THAT(feedbackAnswerError(helpfulness, {{"rating", 8}}),
               Contains("question 'helpfulness' (rating)") && Contains("rating 8 is off the scale 1..7"));
    CHECK_THAT(feedbackAnswerError(helpfulness, {{"rating", 0}}), Contains("rating 0 is off the scale 1..7"));
    CHECK_THAT(feedbackAnswerError(helpfulness, {{"rating", 3.5}}), Contains("integer field 'rating'"));
    CHECK_THAT(feedbackAnswerError(helpfulness, {{"rating", "4"}}), Contains("integer field 'rating'"));
}

TEST_CASE("feedback: spans are counted in code points of the field they mark", "[feedback]")
{
    const auto schema = feedbackAnswersTemplate("evaluate");
    const auto& hallucinations = schema.question("hallucinations");
    // "café" is 4 code points and 5 bytes; the prompt is longer, and is not the field marked.
    const auto record = feedbackAnswersRecord({{"prompt", "a long prompt of many characters"}, {"response", "café"}});
    const auto span = [](int start, int end) {
        return json{{"spans", {{{"start", start}, {"end", end}, {"label", "hallucination"}}}}};
    };
    CHECK(markedText(hallucinations, record) == "café");
    CHECK(feedbackAnswerError(hallucinations, span(0, 4), record) == "(accepted)");
    CHECK(feedbackAnswerError(hallucinations, span(3, 4), record) == "(accepted)");
    CHECK(feedbackAnswerError(hallucinations, {{"spans", json::array()}}, record) == "(accepted)");
    CHECK_THAT(feedbackAnswerError(hallucinations, span(0, 5), record), Contains("question 'hallucinations' (spans)") &&
                                                                            Contains("[0, 5) is out of range") &&
                                                                            Contains("the text has 4 code points"));
    CHECK_THAT(feedbackAnswerError(hallucinations, span(10, 12), record), Contains("out of range"));
    CHECK_THAT(feedbackAnswerError(hallucinations, span(-1, 2), record), Contains("out of range"));
    CHECK_THAT(feedbackAnswerError(hallucinations, span(2, 2), record), Contains("start 2 must be before end 2"));
    CHECK_THAT(
        feedbackAnswerError(hallucinations, {{"spans", {{{"start", 0}, {"end", 1}, {"label", "typo"}}}}}, record),
        Contains("unknown label 'typo'"));
    // A record without the marked field has nothing to mark.
    CHECK_THAT(feedbackAnswerError(hallucinations, span(0, 1), feedbackAnswersRecord({{"prompt", "abc"}})),
               Contains("the text has 0 code points"));
}

TEST_CASE("feedback: spans overlap only where the question allows it", "[feedback]")
{
    const auto schema = feedbackAnswersSchema();
    const auto record = feedbackAnswersRecord({{"text", "Ada Lovelace in London"}});
    const json overlapping = {
        {"spans", {{{"start", 0}, {"end", 12}, {"label", "PER"}}, {{"start", 4}, {"end", 12}, {"label", "PER"}}}}};
    CHECK_THAT(feedbackAnswerError(schema.question("entities"), overlapping, record),
               Contains("question 'entities'") && Contains("overlap"));
    CHECK(feedbackAnswerError(schema.question("overlapping"), overlapping, record) == "(accepted)");
}

TEST_CASE("feedback: rankings rank every compared field from 1 to n", "[feedback]")
{
    const auto schema = feedbackAnswersTemplate("ranking");
    const auto& ranking = schema.primary();
    CHECK(feedbackAnswerError(
              ranking, {{"ranking", {{"response_1", 2}, {"response_2", 1}, {"response_3", 4}, {"response_4", 3}}}}) ==
          "(accepted)");
    // Ties: equal ranks.
    CHECK(feedbackAnswerError(
              ranking, {{"ranking", {{"response_1", 1}, {"response_2", 1}, {"response_3", 1}, {"response_4", 1}}}}) ==
          "(accepted)");

    const auto leftOut =
        feedbackAnswerError(ranking, {{"ranking", {{"response_1", 1}, {"response_2", 2}, {"response_4", 3}}}});
    CHECK_THAT(leftOut, Contains("question 'ranking' (ranking)") && Contains("leaves out field 'response_3'") &&
                            Contains("response_1, response_2, response_3, response_4"));
    CHECK_THAT(
        feedbackAnswerError(
            ranking, {{"ranking", {{"response_1", 0}, {"response_2", 1}, {"response_3", 2}, {"response_4", 3}}}}),
        Contains("the rank of 'response_1' must be an integer from 1 to 4, found 0"));
    CHECK_THAT(
        feedbackAnswerError(
            ranking, {{"ranking", {{"response_1", 1}, {"response_2", 2}, {"response_3", 5}, {"response_4", 3}}}}),
        Contains("the rank of 'response_3' must be an integer from 1 to 4, found 5"));
    CHECK_THAT(
        feedbackAnswerError(
            ranking, {{"ranking", {{"response_1", 1}, {"response_2", 2.5}, {"response_3", 3}, {"response_4", 4}}}}),
        Contains("the rank of 'response_2' must be an integer"));
    CHECK_THAT(
        feedbackAnswerError(
            ranking,
            {{"ranking", {{"response_1", 1}, {"response_2", 2}, {"response_3", 3}, {"response_4", 4}, {"prompt", 1}}}}),
        Contains("field 'prompt' is not ranked by this question"));
    CHECK_THAT(feedbackAnswerError(ranking, {{"ranking", {"response_1", "response_2"}}}),
               Contains("'ranking' must map each field to its rank"));
    CHECK_THAT(feedbackAnswerError(ranking, {{"rank", json::object()}}), Contains("expected {\"ranking\""));
}

TEST_CASE("feedback: preferences name a compared field and a strength on the scale", "[feedback]")
{
    const auto schema = feedbackAnswersTemplate("preference");
    const auto& five = schema.primary(); // 5 points: A strongly, A, tie, B, B strongly
    REQUIRE(five.points == 5);
    CHECK(feedbackAnswerError(five, feedbackPreference("response_a", 1)) == "(accepted)");
    CHECK(feedbackAnswerError(five, feedbackPreference("response_b", 2)) == "(accepted)");
    CHECK(feedbackAnswerError(five, feedbackPreference(nullptr, 0)) == "(accepted)");

    CHECK_THAT(feedbackAnswerError(five, feedbackPreference("prompt", 1)),
               Contains("question 'preference' (preference)") &&
                   Contains("the winner must be response_a or response_b (or null for a tie), found \"prompt\""));
    CHECK_THAT(feedbackAnswerError(five, feedbackPreference(1, 1)),
               Contains("the winner must be response_a or response_b"));
    CHECK_THAT(feedbackAnswerError(five, feedbackPreference("response_a", 3)),
               Contains("strength 3 is off the scale of 5 points (1 to 2)"));
    CHECK_THAT(feedbackAnswerError(five, feedbackPreference("response_a", 0)), Contains("strength 0 is off the scale"));
    CHECK_THAT(feedbackAnswerError(five, feedbackPreference(nullptr, 1)), Contains("a tie has strength 0, found 1"));
    CHECK_THAT(feedbackAnswerError(five, feedbackPreference("response_a", 1.0)), Contains("integer 'strength'"));
    CHECK_THAT(feedbackAnswerError(five, {{"preference", {{"winner", "response_a"}}}}),
               Contains("exactly 'winner'") && Contains("'strength'"));
    CHECK_THAT(feedbackAnswerError(five, {{"preference", {{"winner", "response_a"}, {"strength", 1}, {"why", "x"}}}}),
               Contains("exactly 'winner'"));
    CHECK_THAT(feedbackAnswerError(five, {{"winner", "response_a"}, {"strength", 1}}),
               Contains("expected {\"preference\""));

    const auto mixed = feedbackAnswersSchema();
    const auto& even = mixed.question("even"); // 4 points: no tie, strengths 1 and 2
    CHECK(feedbackAnswerError(even, feedbackPreference("response_b", 2)) == "(accepted)");
    CHECK_THAT(feedbackAnswerError(even, feedbackPreference(nullptr, 0)),
               Contains("question 'even'") && Contains("this scale of 4 points has no tie") &&
                   Contains("choose response_a or response_b"));
    CHECK_THAT(feedbackAnswerError(even, feedbackPreference("response_b", 3)),
               Contains("strength 3 is off the scale of 4 points (1 to 2)"));
    // The refusal of a wrong winner on a scale without a tie does not offer one.
    CHECK_THAT(feedbackAnswerError(even, feedbackPreference("text", 1)), !Contains("null for a tie"));

    const auto& three = mixed.question("three"); // 3 points: strength 1 only
    CHECK(feedbackAnswerError(three, feedbackPreference("response_a", 1)) == "(accepted)");
    CHECK_THAT(feedbackAnswerError(three, feedbackPreference("response_a", 2)), Contains("(1 to 1)"));
}

TEST_CASE("feedback: text answers are a non-empty string", "[feedback]")
{
    const auto schema = feedbackAnswersTemplate("sft");
    const auto& correction = schema.primary();
    CHECK(feedbackAnswerError(correction, {{"text", "The capital of France is Paris."}}) == "(accepted)");
    CHECK_THAT(feedbackAnswerError(correction, {{"text", ""}}),
               Contains("question 'correction' (text)") && Contains("'text' must be a non-empty string"));
    CHECK_THAT(feedbackAnswerError(correction, {{"text", 5}}), Contains("'text' must be a non-empty string"));
    CHECK_THAT(feedbackAnswerError(correction, {{"text", "x"}, {"note", "y"}}),
               Contains("expected {\"text\":\"...\"}"));
    CHECK_THAT(feedbackAnswerError(correction, "just a string"), Contains("expected {\"text\":\"...\"}"));
    // A text question that names a field is prefilled from it.
    CHECK(markedText(correction, feedbackAnswersRecord({{"prompt", "p"}, {"response", "the draft"}})) == "the draft");
    CHECK(markedText(schema.question("quality"), feedbackAnswersRecord({{"response", "the draft"}})).empty());
}

TEST_CASE("feedback: short forms become full answers", "[feedback]")
{
    const auto preference = feedbackAnswersTemplate("preference");
    const auto& pref = preference.primary();
    const auto tie = answerFromShorthand(pref, "tie");
    CHECK(tie == feedbackPreference(nullptr, 0));
    CHECK(feedbackAnswerError(pref, tie) == "(accepted)");
    const auto b = answerFromShorthand(pref, "response_b");
    CHECK(b == feedbackPreference("response_b", 1));
    CHECK(feedbackAnswerError(pref, b) == "(accepted)");
    // A name that is not a compared field becomes a value checkAnswer refuses.
    CHECK_THAT(feedbackAnswerError(pref, answerFromShorthand(pref, "response_c")),
               Contains("the winner must be response_a or response_b"));
    const auto full = feedbackPreference("response_a", 2);
    CHECK(answerFromShorthand(pref, full) == full);

    const auto ranking = feedbackAnswersTemplate("ranking");
    const auto& rank = ranking.primary();
    const auto ranked = answerFromShorthand(rank, {"response_3", "response_1", "response_4", "response_2"});
    CHECK(ranked == json{{"ranking", {{"response_3", 1}, {"response_1", 2}, {"response_4", 3}, {"response_2", 4}}}});
    CHECK(feedbackAnswerError(rank, ranked) == "(accepted)");
    const json ranks = {{"response_1", 1}, {"response_2", 1}, {"response_3", 2}, {"response_4", 3}};
    CHECK(answerFromShorthand(rank, ranks) == json{{"ranking", ranks}});
    CHECK(answerFromShorthand(rank, json{{"ranking", ranks}}) == json{{"ranking", ranks}});
    // A list that leaves a field out is still refused, naming it.
    CHECK_THAT(feedbackAnswerError(rank, answerFromShorthand(rank, {"response_1", "response_2", "response_3"})),
               Contains("leaves out field 'response_4'"));

    const auto sft = feedbackAnswersTemplate("sft");
    CHECK(answerFromShorthand(sft.primary(), "a better answer") == json{{"text", "a better answer"}});
    CHECK(answerFromShorthand(sft.primary(), json{{"text", "x"}}) == json{{"text", "x"}});
    CHECK(answerFromShorthand(sft.question("quality"), "good") == json{{"labels", {"good"}}});

    const auto evaluate = feedbackAnswersTemplate("evaluate");
    CHECK(answerFromShorthand(evaluate.question("helpfulness"), 4) == json{{"rating", 4}});
    CHECK(answerFromShorthand(evaluate.question("helpfulness"), "6") == json{{"rating", 6}});
    CHECK(answerFromShorthand(evaluate.question("correct"), "yes") == json{{"labels", {"yes"}}});
    const auto topics = feedbackAnswersSchema();
    CHECK(answerFromShorthand(topics.question("topics"), "sport;science") == json{{"labels", {"sport", "science"}}});
}

TEST_CASE("feedback: response statuses by name", "[feedback]")
{
    for (auto status : {ResponseStatus::Draft, ResponseStatus::Submitted, ResponseStatus::Discarded}) {
        CHECK(responseStatusFromString(toString(status)) == status);
    }
    CHECK(toString(ResponseStatus::Draft) == "draft");
    CHECK(toString(ResponseStatus::Discarded) == "discarded");
    CHECK_THROWS_AS(responseStatusFromString("done"), InputError);
    CHECK_THROWS_WITH(responseStatusFromString("done"),
                      Contains("unknown response status 'done'") && Contains("draft, submitted or discarded"));
}

TEST_CASE("feedback: an answer's context round-trips and refuses malformed shapes", "[feedback]")
{
    AnswerContext context;
    CHECK(context.empty());
    CHECK(context.toJson() == json::object());
    context.order = {"response_b", "response_a"};
    context.suggestionAgent = "judge-v2";
    context.suggestionShown = "prefill";
    context.suggestionTaken = true;
    CHECK_FALSE(context.empty());
    const auto written = context.toJson();
    CHECK(
        written ==
        json::parse(
            R"({"order":["response_b","response_a"],"suggestion":{"agent":"judge-v2","shown":"prefill","taken":true}})"));
    const auto again = AnswerContext::fromJson(written);
    CHECK(again.order == context.order);
    CHECK(again.suggestionAgent == "judge-v2");
    CHECK(again.suggestionShown == "prefill");
    CHECK(again.suggestionTaken);
    CHECK(AnswerContext::fromJson(nullptr).empty());
    CHECK(AnswerContext::fromJson(nlohmann::json::object()).empty());

    const std::vector<std::string> malformed = {
        R"([])",
        R"("order")",
        R"({"order":"response_a"})",
        R"({"order":[1,2]})",
        R"({"order":["a"],"seen":true})",
        R"({"suggestion":"judge"})",
        R"({"suggestion":{"agent":"judge","shown":"after"}})",
        R"({"suggestion":{"agent":"judge","shown":"after","taken":"yes"}})",
        R"({"suggestion":{"agent":"judge","shown":"sometimes","taken":true}})",
        R"({"suggestion":{"agent":"judge","shown":"hidden","taken":true}})",
        R"({"suggestion":{"agent":3,"shown":"after","taken":true}})",
        R"({"suggestion":{"agent":"judge","shown":"after","taken":true,"score":0.5}})",
    };
    for (const auto& text : malformed) {
        INFO(text);
        CHECK_THAT(feedbackContextError(nlohmann::json::parse(text)), Contains("an answer's context is"));
    }
    CHECK_THAT(feedbackContextError({{"order", {std::string(65, 'x')}}}), Contains("an answer's context is"));
    CHECK(feedbackContextError({{"order", {std::string(64, 'x')}}}) == "(accepted)");
}

TEST_CASE("feedback: the shown order is a permutation, the same on every call", "[feedback]")
{
    const auto ranking = feedbackAnswersTemplate("ranking");
    const auto& question = ranking.primary();
    auto sortedFields = question.fields;
    std::sort(sortedFields.begin(), sortedFields.end());
    std::set<std::vector<std::string>> seen;
    for (int i = 0; i < 100; ++i) {
        const std::string annotator = "annotator-" + std::to_string(i);
        const auto order = shownOrder(42, "record-1", annotator, question);
        auto sorted = order;
        std::sort(sorted.begin(), sorted.end());
        CHECK(sorted == sortedFields);
        // Every device of the annotator draws the same order.
        CHECK(shownOrder(42, "record-1", annotator, question) == order);
        seen.insert(order);
    }
    // 100 draws of 24 orders of 4 fields: many distinct ones, not a fixed order.
    CHECK(seen.size() > 12);

    // The order depends on the seed, the record and the question too.
    std::set<std::vector<std::string>> bySeed;
    std::set<std::vector<std::string>> byRecord;
    std::set<std::vector<std::string>> byQuestion;
    auto renamed = question;
    for (int i = 0; i < 50; ++i) {
        bySeed.insert(shownOrder(static_cast<std::uint64_t>(i), "record-1", "ann", question));
        byRecord.insert(shownOrder(42, "record-" + std::to_string(i), "ann", question));
        renamed.name = "ranking-" + std::to_string(i);
        byQuestion.insert(shownOrder(42, "record-1", "ann", renamed));
    }
    CHECK(bySeed.size() > 5);
    CHECK(byRecord.size() > 5);
    CHECK(byQuestion.size() > 5);

    // Parts are separated: ("ab", "c") and ("a", "bc") are different inputs.
    std::size_t differ = 0;
    for (int i = 0; i < 50; ++i) {
        const auto seed = static_cast<std::uint64_t>(i);
        differ += shownOrder(seed, "ab", "c", question) != shownOrder(seed, "a", "bc", question) ? 1 : 0;
    }
    CHECK(differ > 25);

    // A question without compared fields shows none.
    CHECK(shownOrder(42, "r", "a", feedbackAnswersTemplate("sft").primary()).empty());
}

TEST_CASE("feedback: over 200 annotators both orders of a preference occur, about evenly", "[feedback]")
{
    const auto preference = feedbackAnswersTemplate("preference");
    const auto& question = preference.primary();
    for (std::uint64_t seed : {std::uint64_t{0}, std::uint64_t{42}, std::uint64_t{0xFFFFFFFFFFFFFFFFULL}}) {
        for (const char* record : {"r1", "record-with-a-longer-id", ""}) {
            INFO("seed " << seed << ", record '" << record << "'");
            int aFirst = 0;
            int bFirst = 0;
            for (int i = 0; i < 200; ++i) {
                const auto order = shownOrder(seed, record, "annotator-" + std::to_string(i), question);
                REQUIRE(order.size() == 2);
                REQUIRE(order[0] != order[1]);
                if (order[0] == "response_a") {
                    ++aFirst;
                } else {
                    REQUIRE(order[0] == "response_b");
                    ++bFirst;
                }
            }
            CHECK(aFirst + bFirst == 200);
            CHECK(aFirst >= 70);
            CHECK(aFirst <= 130);
            CHECK(bFirst >= 70);
            CHECK(bFirst <= 130);
        }
    }
}

// Known issue (reported, not fixed here): LabelSchema::validateRating reads the rating with
// get<std::int64_t>(), so an unsigned number above INT64_MAX wraps to a negative one; on a scale
// that reaches below zero, 18446744073709551615 is taken for -1 and accepted, and stored as it was.
TEST_CASE("feedback: a rating beyond int64 is refused on a scale below zero", "[feedback]")
{
    const auto schema = RecordSchema::fromJson(json::parse(R"({
        "fields": [{"name": "text"}],
        "questions": [{"name": "score", "kind": "rating", "rating": {"min": -3, "max": 3}}]})"));
    const auto& score = schema.primary();
    CHECK(feedbackAnswerError(score, {{"rating", -1}}) == "(accepted)");
    CHECK_THAT(feedbackAnswerError(score, json::parse(R"({"rating":18446744073709551615})")),
               Contains("off the scale -3..3"));
}
