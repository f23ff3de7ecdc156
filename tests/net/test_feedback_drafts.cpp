// Drafts (issue 15): while alice's response to a record is a draft, her answers and the response
// reach only her own devices, not another annotator and not a reviewer, blind mode or not. Once
// she submits, the server gives the answers new sequence numbers, so that those who pulled past
// them meanwhile receive every one on their next pull. Raw clients on loopback, 'evaluate' template.
#include "tests/net/FeedbackFixture.hpp"

using namespace concord;
using test::answerOp;
using test::checkApplied;
using test::FeedbackFeed;
using test::FeedbackServer;
using test::RawFeedbackClient;
using test::respondOp;

namespace {

// alice's answers on r1, by question.
const std::map<std::string, nlohmann::json>& feedbackDraftAnswers()
{
    static const std::map<std::string, nlohmann::json> answers = {
        {"correct", {{"labels", {"no"}}}},
        {"helpfulness", {{"rating", 3}}},
        {"hallucinations", {{"spans", {{{"start", 4}, {"end", 12}, {"label", "hallucination"}}}}}},
        {"why", {{"text", "the date is wrong"}}},
    };
    return answers;
}

// alice's draft on r1 from `device`: the status first, then the answers.
void feedbackDraftPush(RawFeedbackClient& device)
{
    nlohmann::json ops = nlohmann::json::array({respondOp("r1", "alice", "draft")});
    for (const auto& [question, value] : feedbackDraftAnswers()) {
        ops.push_back(answerOp("r1", "alice", question, value));
    }
    for (const auto& result : device.push(ops)) {
        checkApplied(result);
    }
}

void feedbackDraftCheckNothingOfAlice(const FeedbackFeed& feed)
{
    INFO("received: " << feed.summary());
    CHECK(FeedbackFeed::count(feed.annotations, "annotator", "alice") == 0);
    CHECK(FeedbackFeed::count(feed.responses, "annotator", "alice") == 0);
}

// Every answer of alice's response, as she gave it, and her response as `status`.
void feedbackDraftCheckAllOfAlice(const FeedbackFeed& feed, const std::string& status)
{
    INFO("received: " << feed.summary());
    for (const auto& [question, value] : feedbackDraftAnswers()) {
        INFO("question " << question);
        const auto row = feed.answer("r1", "alice", question);
        REQUIRE(row.is_object());
        CHECK(row["value"] == value);
    }
    CHECK(FeedbackFeed::count(feed.annotations, "annotator", "alice") == feedbackDraftAnswers().size());
    CHECK(FeedbackFeed::count(feed.responses, "annotator", "alice", "status", status) == 1);
}

} // namespace

TEST_CASE("feedback: a draft's answers reach only its annotator's devices until submitted",
          "[integration][feedback][stores]")
{
    FeedbackServer server(templateSchema("evaluate"));
    RawFeedbackClient bob(server.thread());
    bob.login(server, "bob");
    RawFeedbackClient rita(server.thread());
    rita.login(server, "rita");
    // bob's answer without a response of his shows that others' rows do flow in this project.
    checkApplied(bob.pushOne(answerOp("r2", "bob", "correct", {{"labels", {"yes"}}})));

    RawFeedbackClient laptop(server.thread());
    laptop.login(server, "alice", "alice-laptop");
    feedbackDraftPush(laptop);

    const auto bobBefore = bob.pullAll();
    feedbackDraftCheckNothingOfAlice(bobBefore);
    CHECK(FeedbackFeed::count(bobBefore.annotations, "annotator", "bob") == 1);
    const auto ritaBefore = rita.pullAll();
    feedbackDraftCheckNothingOfAlice(ritaBefore);
    CHECK(FeedbackFeed::count(ritaBefore.annotations, "annotator", "bob") == 1);

    // Her other device receives the draft as it is.
    {
        RawFeedbackClient tablet(server.thread());
        tablet.login(server, "alice", "alice-tablet");
        feedbackDraftCheckAllOfAlice(tablet.pullAll(), "draft");
    }

    checkApplied(laptop.pushOne(respondOp("r1", "alice", "submitted")));
    // From the cursors they had reached, past the draft's answers: every answer comes now.
    const auto bobAfter = bob.pullAll(bobBefore.next);
    feedbackDraftCheckAllOfAlice(bobAfter, "submitted");
    const auto ritaAfter = rita.pullAll(ritaBefore.next);
    feedbackDraftCheckAllOfAlice(ritaAfter, "submitted");
}

TEST_CASE("feedback: in blind mode a draft is held back from reviewers too until submitted",
          "[integration][feedback][stores]")
{
    FeedbackServer server(templateSchema("evaluate"), {true, 3});
    RawFeedbackClient rita(server.thread());
    rita.login(server, "rita");
    RawFeedbackClient bob(server.thread());
    bob.login(server, "bob");
    RawFeedbackClient laptop(server.thread());
    laptop.login(server, "alice", "alice-laptop");
    feedbackDraftPush(laptop);

    const auto ritaBefore = rita.pullAll();
    feedbackDraftCheckNothingOfAlice(ritaBefore);
    const auto bobBefore = bob.pullAll();
    feedbackDraftCheckNothingOfAlice(bobBefore);
    {
        RawFeedbackClient tablet(server.thread());
        tablet.login(server, "alice", "alice-tablet");
        feedbackDraftCheckAllOfAlice(tablet.pullAll(), "draft");
    }

    checkApplied(laptop.pushOne(respondOp("r1", "alice", "submitted")));
    feedbackDraftCheckAllOfAlice(rita.pullAll(ritaBefore.next), "submitted");
    // Blind: bob never receives them.
    feedbackDraftCheckNothingOfAlice(bob.pullAll(bobBefore.next));
}

TEST_CASE("feedback: a draft given and submitted in one push keeps its numbers and reaches everyone",
          "[integration][feedback][stores]")
{
    FeedbackServer server(templateSchema("evaluate"));
    RawFeedbackClient bob(server.thread());
    bob.login(server, "bob");
    const auto bobBefore = bob.pullAll();

    // What a replica that answered offline sends: the draft, its answers, the submission.
    RawFeedbackClient laptop(server.thread());
    laptop.login(server, "alice", "alice-laptop");
    nlohmann::json ops = nlohmann::json::array({respondOp("r1", "alice", "draft")});
    for (const auto& [question, value] : feedbackDraftAnswers()) {
        ops.push_back(answerOp("r1", "alice", question, value));
    }
    ops.push_back(respondOp("r1", "alice", "submitted"));
    std::vector<std::int64_t> seqs;
    for (const auto& result : laptop.push(ops)) {
        checkApplied(result);
        seqs.push_back(result["seq"].get<std::int64_t>());
    }
    // No cursor had passed the answers: none was numbered again (no release in the log), and
    // the sequence numbers run on without a gap.
    for (std::size_t i = 1; i < seqs.size(); ++i) {
        CHECK(seqs[i] == seqs[i - 1] + 1);
    }
    for (const auto& entry : server.project().logEntries()) {
        CHECK(entry.kind != "release");
    }
    feedbackDraftCheckAllOfAlice(bob.pullAll(bobBefore.next), "submitted");
}
