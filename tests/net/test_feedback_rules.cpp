// Who may write what in a project with questions (issue 15), each rule over a raw client on
// loopback against the 'evaluate' template (required: correct, helpfulness; optional:
// hallucinations, why): unknown questions, other annotators' rows, suggestions and schema changes
// by annotators, suggestions that do not fit their question, and submitting an incomplete response.
#include "tests/net/FeedbackFixture.hpp"

using namespace concord;
using test::answerOp;
using test::checkApplied;
using test::checkRefused;
using test::FeedbackFeed;
using test::FeedbackServer;
using test::RawFeedbackClient;
using test::respondOp;
using test::schemaOp;
using test::suggestOp;

namespace {

// The 'evaluate' template with one more (optional) question: a change an admin may make.
nlohmann::json feedbackRulesWiderSchema()
{
    auto schema = templateSchema("evaluate");
    schema["questions"].push_back(
        {{"name", "tone"}, {"kind", "label"}, {"labels", {"formal", "casual"}}, {"required", false}});
    return schema;
}

} // namespace

TEST_CASE("feedback: an answer, gold or suggestion to an unknown question is refused naming the questions",
          "[integration][feedback][stores]")
{
    FeedbackServer server(templateSchema("evaluate"));
    const std::vector<std::string> named = {"no question named 'tone'", "correct, helpfulness, hallucinations, why"};

    RawFeedbackClient alice(server.thread());
    alice.login(server, "alice");
    checkRefused(alice.pushOne(answerOp("r1", "alice", "tone", {{"labels", {"formal"}}})), "invalid_value", named);

    RawFeedbackClient rita(server.thread());
    rita.login(server, "rita");
    checkRefused(
        rita.pushOne(
            {{"kind", "resolve"}, {"sample", "r1"}, {"question", "tone"}, {"value", {{"labels", {"formal"}}}}}),
        "invalid_value", named);

    RawFeedbackClient adam(server.thread());
    adam.login(server, "adam");
    checkRefused(adam.pushOne(suggestOp("r1", "model-x", "tone", {{"labels", {"formal"}}})), "invalid_value", named);

    // A question the project asks is answered.
    checkApplied(alice.pushOne(answerOp("r1", "alice", "correct", {{"labels", {"yes"}}})));
    const auto feed = adam.pullAll();
    INFO("feed: " << feed.summary());
    CHECK(feed.annotations.size() == 1);
    CHECK(feed.resolutions.empty());
    CHECK(feed.suggestions.empty());
}

TEST_CASE("feedback: an annotator may not write another annotator's answer or response",
          "[integration][feedback][stores]")
{
    FeedbackServer server(templateSchema("evaluate"));
    RawFeedbackClient bob(server.thread());
    bob.login(server, "bob");
    checkApplied(bob.pushOne(answerOp("r1", "bob", "correct", {{"labels", {"no"}}})));

    RawFeedbackClient alice(server.thread());
    alice.login(server, "alice");
    checkRefused(alice.pushOne(answerOp("r1", "bob", "correct", {{"labels", {"yes"}}})), "forbidden",
                 {"alice (annotator) may not write bob's"});
    checkRefused(alice.pushOne(answerOp("r2", "bob", "why", {{"text", "written by alice"}})), "forbidden",
                 {"may not write bob's"});
    checkRefused(alice.pushOne(respondOp("r1", "bob", "discarded")), "forbidden",
                 {"alice (annotator) may not change bob's responses"});
    // Her own are hers to write.
    checkApplied(alice.pushOne(answerOp("r1", "alice", "correct", {{"labels", {"yes"}}})));
    checkApplied(alice.pushOne(respondOp("r1", "alice", "discarded")));

    // bob's rows are as bob left them.
    RawFeedbackClient rita(server.thread());
    rita.login(server, "rita");
    const auto feed = rita.pullAll();
    INFO("feed: " << feed.summary());
    CHECK(FeedbackFeed::count(feed.annotations, "annotator", "bob") == 1);
    const auto bobs = feed.answer("r1", "bob", "correct");
    REQUIRE(bobs.is_object());
    CHECK(bobs["value"] == nlohmann::json{{"labels", {"no"}}});
    CHECK(FeedbackFeed::count(feed.responses, "annotator", "bob") == 0);
    CHECK(FeedbackFeed::count(feed.responses, "annotator", "alice", "status", "discarded") == 1);
}

TEST_CASE("feedback: only admins import suggestions and change the questions", "[integration][feedback][stores]")
{
    FeedbackServer server(templateSchema("evaluate"));
    RawFeedbackClient alice(server.thread());
    alice.login(server, "alice");
    checkRefused(alice.pushOne(suggestOp("r1", "alice", "correct", {{"labels", {"yes"}}})), "forbidden",
                 {"alice is an annotator", "only admins import suggestions"});
    checkRefused(alice.pushOne(schemaOp(feedbackRulesWiderSchema())), "forbidden",
                 {"alice is an annotator", "only admins change the questions"});

    RawFeedbackClient rita(server.thread());
    rita.login(server, "rita");
    checkRefused(rita.pushOne(suggestOp("r1", "model-x", "correct", {{"labels", {"yes"}}})), "forbidden",
                 {"only admins import suggestions"});

    // The same operations from an admin are applied: the refusals were for the role.
    RawFeedbackClient adam(server.thread());
    adam.login(server, "adam");
    checkApplied(adam.pushOne(suggestOp("r1", "model-x", "correct", {{"labels", {"yes"}}})));
    checkApplied(adam.pushOne(schemaOp(feedbackRulesWiderSchema())));

    const auto feed = adam.pullAll();
    INFO("feed: " << feed.summary());
    CHECK(feed.suggestions.size() == 1);
    CHECK(FeedbackFeed::count(feed.suggestions, "agent", "model-x") == 1);
    // alice's page carries the schema as adam changed it, and not as she tried to.
    const auto page = alice.request({{"type", "pull"}, {"after", 0}, {"limit", 100}});
    REQUIRE(page.contains("records"));
    CHECK(page["records"]["questions"].size() == 5);
}

TEST_CASE("feedback: an admin's suggestion must fit its question", "[integration][feedback][stores]")
{
    FeedbackServer server(templateSchema("evaluate"));
    RawFeedbackClient adam(server.thread());
    adam.login(server, "adam");
    checkRefused(adam.pushOne(suggestOp("r1", "model-x", "helpfulness", {{"rating", 12}})), "invalid_value",
                 {"question 'helpfulness'", "rating 12 is off the scale 1..7"});
    checkRefused(adam.pushOne(suggestOp("r1", "model-x", "correct", {{"labels", {"perhaps"}}})), "invalid_value",
                 {"question 'correct'", "unknown label 'perhaps'"});
    checkRefused(adam.pushOne(suggestOp("r1", "model-x", "hallucinations",
                                        {{"spans", {{{"start", 0}, {"end", 99}, {"label", "hallucination"}}}}})),
                 "invalid_value", {"question 'hallucinations'", "out of range"});
    checkApplied(adam.pushOne(suggestOp("r1", "model-x", "helpfulness", {{"rating", 6}})));

    const auto feed = adam.pullAll();
    INFO("feed: " << feed.summary());
    REQUIRE(feed.suggestions.size() == 1);
    CHECK(feed.suggestions[0]["question"] == "helpfulness");
    CHECK(feed.suggestions[0]["value"] == nlohmann::json{{"rating", 6}});
}

TEST_CASE("feedback: a response is submitted only with every required question answered",
          "[integration][feedback][stores]")
{
    FeedbackServer server(templateSchema("evaluate"));
    RawFeedbackClient alice(server.thread());
    alice.login(server, "alice");
    // Optional questions only: both required ones are named.
    checkApplied(alice.pushOne(answerOp("r1", "alice", "why", {{"text", "looks right"}})));
    checkRefused(alice.pushOne(respondOp("r1", "alice", "submitted")), "invalid_value",
                 {"sample 'r1'", "required questions not answered: correct, helpfulness"});
    // One answered: the other is named, alone.
    checkApplied(alice.pushOne(answerOp("r1", "alice", "correct", {{"labels", {"yes"}}})));
    const auto missing = alice.pushOne(respondOp("r1", "alice", "submitted"));
    checkRefused(missing, "invalid_value", {"required questions not answered: helpfulness"});
    CHECK_THAT(missing.value("reason", std::string()), !Catch::Contains("correct"));
    // Drafts and discards need nothing; a submission needs both.
    checkApplied(alice.pushOne(respondOp("r1", "alice", "draft")));
    checkApplied(alice.pushOne(answerOp("r1", "alice", "helpfulness", {{"rating", 5}})));
    checkApplied(alice.pushOne(respondOp("r1", "alice", "submitted")));

    const auto feed = alice.pullAll();
    INFO("feed: " << feed.summary());
    REQUIRE(feed.responses.size() == 1);
    CHECK(feed.responses[0]["status"] == "submitted");
}
