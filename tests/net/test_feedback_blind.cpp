// Blind mode with questions (issue 15): an annotator receives only her own answers and
// responses, of every kind of question, while a reviewer receives everyone's. Raw clients on
// loopback; alice and bob each answer all seven questions of a record and submit.
#include "tests/net/FeedbackFixture.hpp"

using namespace concord;
using test::answerOp;
using test::checkApplied;
using test::FeedbackFeed;
using test::FeedbackServer;
using test::RawFeedbackClient;
using test::respondOp;

namespace {

// One question of each kind, all required.
nlohmann::json feedbackBlindSchema()
{
    return {{"fields",
             {{{"name", "prompt"}, {"kind", "text"}},
              {{"name", "response_a"}, {"kind", "markdown"}},
              {{"name", "response_b"}, {"kind", "markdown"}}}},
            {"questions",
             {{{"name", "verdict"}, {"kind", "label"}, {"labels", {"good", "bad"}}},
              {{"name", "flaws"}, {"kind", "multi_label"}, {"labels", {"wrong", "rude", "long"}}},
              {{"name", "marks"}, {"kind", "spans"}, {"field", "response_a"}, {"labels", {"made-up"}}},
              {{"name", "score"}, {"kind", "rating"}, {"rating", {{"min", 1}, {"max", 5}}}},
              {{"name", "order"}, {"kind", "ranking"}, {"fields", {"response_a", "response_b"}}},
              {{"name", "better"}, {"kind", "preference"}, {"fields", {"response_a", "response_b"}}},
              {{"name", "note"}, {"kind", "text"}}}}};
}

// An answer to each question, by question name.
std::map<std::string, nlohmann::json> feedbackBlindAnswers(const std::string& who)
{
    const bool first = who == "alice";
    return {
        {"verdict", {{"labels", {first ? "good" : "bad"}}}},
        {"flaws", {{"labels", first ? nlohmann::json::array({"rude", "long"}) : nlohmann::json::array({"wrong"})}}},
        {"marks", {{"spans", {{{"start", 0}, {"end", first ? 3 : 5}, {"label", "made-up"}}}}}},
        {"score", {{"rating", first ? 4 : 2}}},
        {"order", {{"ranking", {{"response_a", first ? 1 : 2}, {"response_b", first ? 2 : 1}}}}},
        {"better", {{"preference", {{"winner", first ? "response_b" : "response_a"}, {"strength", 1}}}}},
        {"note", {{"text", "written by " + who}}},
    };
}

// `who` answers every question of `sample` and submits.
void feedbackBlindAnswerAll(RawFeedbackClient& client, const std::string& who, const std::string& sample)
{
    nlohmann::json ops = nlohmann::json::array();
    for (const auto& [question, value] : feedbackBlindAnswers(who)) {
        ops.push_back(answerOp(sample, who, question, value));
    }
    ops.push_back(respondOp(sample, who, "submitted"));
    for (const auto& result : client.push(ops)) {
        checkApplied(result);
    }
}

} // namespace

TEST_CASE("feedback: in blind mode an annotator receives none of another's answers or responses, a reviewer all",
          "[integration][feedback][stores]")
{
    FeedbackServer server(feedbackBlindSchema(), {true, 3});
    RawFeedbackClient alice(server.thread());
    alice.login(server, "alice");
    feedbackBlindAnswerAll(alice, "alice", "r1");
    RawFeedbackClient bob(server.thread());
    bob.login(server, "bob");
    feedbackBlindAnswerAll(bob, "bob", "r1");

    const auto bobs = bob.pullAll();
    const auto ritas = [&] {
        RawFeedbackClient rita(server.thread());
        rita.login(server, "rita");
        return rita.pullAll();
    }();
    INFO("bob received: " << bobs.summary());
    INFO("rita received: " << ritas.summary());
    for (const auto& [question, value] : feedbackBlindAnswers("alice")) {
        INFO("question " << question);
        // bob: his own answer, none of alice's.
        CHECK(bobs.answer("r1", "alice", question).is_null());
        CHECK(bobs.answer("r1", "bob", question).is_object());
        // rita: both, alice's as she gave it.
        const auto given = ritas.answer("r1", "alice", question);
        REQUIRE(given.is_object());
        CHECK(given["value"] == value);
        CHECK(ritas.answer("r1", "bob", question).is_object());
    }
    CHECK(FeedbackFeed::count(bobs.annotations, "annotator", "alice") == 0);
    CHECK(FeedbackFeed::count(bobs.responses, "annotator", "alice") == 0);
    CHECK(FeedbackFeed::count(bobs.responses, "annotator", "bob", "status", "submitted") == 1);
    CHECK(FeedbackFeed::count(ritas.annotations, "annotator", "alice") == 7);
    CHECK(FeedbackFeed::count(ritas.responses, "annotator", "alice", "status", "submitted") == 1);
    CHECK(FeedbackFeed::count(ritas.responses, "annotator", "bob", "status", "submitted") == 1);

    // A refused write of alice's row shows bob nothing of it either.
    const auto refused = bob.pushOne(answerOp("r1", "alice", "note", {{"text", "overwritten"}}));
    CHECK(refused.value("code", "") == "forbidden");
    CHECK_FALSE(refused.contains("current"));
}
