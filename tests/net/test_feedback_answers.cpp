// Every answer is checked against its question by the server (issue 15): for each kind of
// question, a raw client on loopback pushes a wrong answer, which is refused with invalid_value
// and a reason that names what is wrong, then a right one, which is applied and is the only
// answer the feed holds.
#include "tests/net/FeedbackFixture.hpp"

using namespace concord;
using test::answerOp;
using test::checkApplied;
using test::checkRefused;
using test::FeedbackServer;
using test::RawFeedbackClient;

namespace {

struct FeedbackWrongAnswer
{
    nlohmann::json value;
    std::vector<std::string> reason; // fragments the refusal's reason holds
};

// alice answers `question` of record r1 with each wrong value, then with the right one.
void feedbackCheckAnswers(const nlohmann::json& schema, const std::string& question,
                          const std::vector<FeedbackWrongAnswer>& wrong, const nlohmann::json& right)
{
    FeedbackServer server(schema);
    RawFeedbackClient alice(server.thread());
    alice.login(server, "alice");
    for (const auto& answer : wrong) {
        INFO("wrong answer: " << answer.value.dump());
        auto reason = answer.reason;
        reason.push_back("question '" + question + "'");
        checkRefused(alice.pushOne(answerOp("r1", "alice", question, answer.value)), "invalid_value", reason);
    }
    checkApplied(alice.pushOne(answerOp("r1", "alice", question, right)));

    // Nothing of the refused answers was stored: the feed holds the right answer only.
    const auto feed = alice.pullAll();
    INFO("feed: " << feed.summary());
    CHECK(feed.annotations.size() == 1);
    const auto row = feed.answer("r1", "alice", question);
    REQUIRE(row.is_object());
    CHECK(row["value"] == right);
}

nlohmann::json feedbackMultiLabelSchema()
{
    return {
        {"fields", {{{"name", "text"}, {"kind", "text"}}, {{"name", "source"}, {"kind", "text"}}}},
        {"questions", {{{"name", "topics"}, {"kind", "multi_label"}, {"labels", {"sports", "politics", "science"}}}}}};
}

} // namespace

TEST_CASE("feedback: a label answer names an unknown label, a known one is applied", "[integration][feedback][stores]")
{
    feedbackCheckAnswers(templateSchema("evaluate"), "correct",
                         {{{{"labels", {"maybe"}}}, {"unknown label 'maybe'", "yes, no"}},
                          {{{"labels", {"yes", "no"}}}, {"exactly one label"}}},
                         {{"labels", {"yes"}}});
}

TEST_CASE("feedback: a multi_label answer names an unknown label, known ones are applied",
          "[integration][feedback][stores]")
{
    feedbackCheckAnswers(feedbackMultiLabelSchema(), "topics",
                         {{{{"labels", {"sports", "cooking"}}}, {"unknown label 'cooking'"}},
                          {{{"labels", {"science", "science"}}}, {"'science' is given twice"}}},
                         {{"labels", {"sports", "science"}}});
}

TEST_CASE("feedback: a span out of its field's range is refused, one inside is applied",
          "[integration][feedback][stores]")
{
    // The response of r1 is "The response of record r1." (26 code points).
    feedbackCheckAnswers(
        templateSchema("evaluate"), "hallucinations",
        {{{{"spans", {{{"start", 4}, {"end", 100}, {"label", "hallucination"}}}}}, {"out of range", "26 code points"}},
         {{{"spans", {{{"start", 0}, {"end", 3}, {"label", "typo"}}}}}, {"unknown label 'typo'"}}},
        {{"spans", {{{"start", 4}, {"end", 12}, {"label", "hallucination"}}}}});
}

TEST_CASE("feedback: a rating off the scale is refused, one on it is applied", "[integration][feedback][stores]")
{
    feedbackCheckAnswers(templateSchema("evaluate"), "helpfulness",
                         {{{{"rating", 9}}, {"off the scale", "1..7"}}, {{{"rating", 0}}, {"off the scale"}}},
                         {{"rating", 7}});
}

TEST_CASE("feedback: a ranking that leaves out a field is refused, a full one is applied",
          "[integration][feedback][stores]")
{
    feedbackCheckAnswers(
        templateSchema("ranking"), "ranking",
        {{{{"ranking", {{"response_1", 1}, {"response_2", 2}, {"response_3", 3}}}}, {"leaves out field 'response_4'"}},
         {{{"ranking", {{"response_1", 1}, {"response_2", 2}, {"response_3", 3}, {"response_4", 5}}}},
          {"'response_4' must be an integer from 1 to 4"}},
         {{{"ranking", {{"response_1", 1}, {"response_2", 2}, {"response_3", 3}, {"response_4", 4}, {"prompt", 1}}}},
          {"field 'prompt' is not ranked"}}},
        {{"ranking", {{"response_1", 2}, {"response_2", 1}, {"response_3", 2}, {"response_4", 4}}}});
}

TEST_CASE("feedback: a preference off its scale is refused, one on it is applied", "[integration][feedback][stores]")
{
    // Five points: A strongly, A, tie, B, B strongly.
    feedbackCheckAnswers(
        templateSchema("preference"), "preference",
        {{{{"preference", {{"winner", "response_a"}, {"strength", 3}}}}, {"strength 3 is off the scale", "5 points"}},
         {{{"preference", {{"winner", "prompt"}, {"strength", 1}}}}, {"the winner must be response_a or response_b"}},
         {{{"preference", {{"winner", nullptr}, {"strength", 1}}}}, {"a tie has strength 0"}}},
        {{"preference", {{"winner", "response_b"}, {"strength", 2}}}});
}

TEST_CASE("feedback: an empty written answer is refused, a written one is applied", "[integration][feedback][stores]")
{
    feedbackCheckAnswers(templateSchema("evaluate"), "why",
                         {{{{"text", ""}}, {"'text' must be a non-empty string"}},
                          {{{"text", "fine"}, {"extra", 1}}, {"expected {\"text\":\"...\"}"}}},
                         {{"text", "The second sentence is made up."}});
}
