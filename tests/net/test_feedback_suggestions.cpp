// Suggestions by question (issue 15): a question whose suggestions are 'hidden' keeps them from
// those who answer it (annotators) and shows them to reviewers and admins; a question that shows
// them 'after' answering (or prefilled) sends them to annotators too. Raw clients on loopback,
// the 'evaluate' template with 'correct' hidden and 'helpfulness' after, blind mode and not.
#include "tests/net/FeedbackFixture.hpp"

using namespace concord;
using test::checkApplied;
using test::FeedbackFeed;
using test::FeedbackServer;
using test::RawFeedbackClient;
using test::suggestOp;

namespace {

nlohmann::json feedbackSuggestionSchema()
{
    auto schema = templateSchema("evaluate");
    for (auto& question : schema["questions"]) {
        if (question["name"] == "correct") {
            question["suggestions"] = "hidden";
        } else if (question["name"] == "helpfulness") {
            question["suggestions"] = "after";
        } else if (question["name"] == "why") {
            question["suggestions"] = "prefill";
        }
    }
    return schema;
}

void feedbackCheckHiddenSuggestions(bool blind)
{
    FeedbackServer server(feedbackSuggestionSchema(), {blind, 3});
    RawFeedbackClient adam(server.thread());
    adam.login(server, "adam");
    for (const auto& sample : {"r1", "r2"}) {
        checkApplied(adam.pushOne(suggestOp(sample, "model-x", "correct", {{"labels", {"yes"}}})));
        checkApplied(adam.pushOne(suggestOp(sample, "model-x", "helpfulness", {{"rating", 6}})));
        checkApplied(adam.pushOne(suggestOp(sample, "model-x", "why", {{"text", "a draft answer"}})));
    }

    RawFeedbackClient alice(server.thread());
    alice.login(server, "alice");
    const auto annotator = alice.pullAll();
    RawFeedbackClient rita(server.thread());
    rita.login(server, "rita");
    const auto reviewer = rita.pullAll();
    const auto admin = adam.pullAll();

    {
        INFO("alice (annotator) received: " << annotator.summary());
        CHECK(FeedbackFeed::count(annotator.suggestions, "question", "correct") == 0);
        CHECK(FeedbackFeed::count(annotator.suggestions, "question", "helpfulness") == 2);
        CHECK(FeedbackFeed::count(annotator.suggestions, "question", "why") == 2);
    }
    {
        INFO("rita (reviewer) received: " << reviewer.summary());
        CHECK(FeedbackFeed::count(reviewer.suggestions, "question", "correct") == 2);
        CHECK(FeedbackFeed::count(reviewer.suggestions, "question", "helpfulness") == 2);
        CHECK(FeedbackFeed::count(reviewer.suggestions, "question", "why") == 2);
    }
    {
        INFO("adam (admin) received: " << admin.summary());
        CHECK(FeedbackFeed::count(admin.suggestions, "question", "correct") == 2);
    }
}

} // namespace

TEST_CASE("feedback: hidden suggestions reach reviewers, not annotators (project not blind)",
          "[integration][feedback][stores]")
{
    feedbackCheckHiddenSuggestions(false);
}

TEST_CASE("feedback: hidden suggestions reach reviewers, not annotators (blind project)",
          "[integration][feedback][stores]")
{
    feedbackCheckHiddenSuggestions(true);
}
