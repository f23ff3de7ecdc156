// The review queue of one question: records whose annotators disagree, opposite winners first,
// then by the record's agreement; unanimous records and records with one answer left out.
#include "core/feedback/Templates.hpp"
#include "core/review/QuestionReviewQueue.hpp"
#include "tests/core/TrlTestSupport.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

using namespace concord;
using trltest::insert;
using trltest::prefer;
using trltest::submit;
using trltest::tie;

TEST_CASE("question review queue: opposite winners first, then the least agreement", "[review][feedback]")
{
    test::TempDir dir;
    auto project = trltest::projectFrom(dir.file("r.concord"), templateSchema("preference"));
    const auto record = [&](const std::string& id) {
        return insert(*project, id, {{"prompt", "p " + id}, {"response_a", "a " + id}, {"response_b", "b " + id}});
    };
    const auto mixed = record("mixed");         // a, tie, a: a third of the pairs agree
    const auto opposite = record("opposite");   // a, b: none agree, and opposite winners
    const auto unanimous = record("unanimous"); // a, a, a
    const auto strength = record("strength");   // b, b (strengths 1 and 2): the choice agrees
    const auto alone = record("alone");         // one answer
    submit(*project, mixed, "ana", "preference", prefer("response_a", 1));
    submit(*project, mixed, "ben", "preference", tie());
    submit(*project, mixed, "cal", "preference", prefer("response_a", 2));
    submit(*project, opposite, "ana", "preference", prefer("response_a", 1));
    submit(*project, opposite, "ben", "preference", prefer("response_b", 1));
    for (const char* who : {"ana", "ben", "cal"}) {
        submit(*project, unanimous, who, "preference", prefer("response_a", 1));
    }
    submit(*project, strength, "ana", "preference", prefer("response_b", 1));
    submit(*project, strength, "ben", "preference", prefer("response_b", 2));
    submit(*project, alone, "ana", "preference", prefer("response_b", 1));

    const Question& question = project->recordSchema().question("preference");
    auto queue = review::questionReviewQueue(*project, question);
    REQUIRE(queue.size() == 2);
    CHECK(queue[0].id == "opposite");
    CHECK(queue[0].opposite);
    CHECK(queue[0].agreement == 0.0);
    CHECK(queue[0].answers.size() == 2);
    CHECK(queue[1].id == "mixed");
    CHECK_FALSE(queue[1].opposite);
    CHECK(queue[1].agreement == Approx(1.0 / 3.0));
    CHECK_FALSE(queue[0].resolved);

    project->resolve("opposite", "lead", prefer("response_b", 1), "b cites its source", "preference");
    queue = review::questionReviewQueue(*project, question);
    CHECK(queue[0].resolved);
    CHECK_FALSE(queue[1].resolved);
}

TEST_CASE("question review filters: set aside or draft, bias flags, a suggestion agreeing or not", "[review][feedback]")
{
    test::TempDir dir;
    auto project = trltest::projectFrom(dir.file("f.concord"), templateSchema("preference"));
    const auto record = [&](const std::string& id, const std::string& b) {
        return insert(*project, id, {{"prompt", "p " + id}, {"response_a", "a " + id}, {"response_b", b}});
    };
    const auto split = record("split", "b split");    // a against b
    const auto same = record("same", "a same");       // identical responses: flagged
    const auto threeWay = record("three", "b three"); // a, a, b: majority a
    const auto setAside = record("aside", "b aside"); // ben set it aside
    submit(*project, split, "ana", "preference", prefer("response_a", 1));
    submit(*project, split, "ben", "preference", prefer("response_b", 1));
    submit(*project, same, "ana", "preference", prefer("response_a", 1));
    submit(*project, same, "ben", "preference", tie());
    for (const char* who : {"ana", "ben"}) {
        submit(*project, threeWay, who, "preference", prefer("response_a", 1));
    }
    submit(*project, threeWay, "cal", "preference", prefer("response_b", 2));
    submit(*project, setAside, "ana", "preference", prefer("response_a", 1));
    project->setStatus(setAside, "ben", ResponseStatus::Discarded, "the prompt is empty");
    project->answer(split, "cal", "preference", prefer("response_b", 1));
    project->setStatus(split, "cal", ResponseStatus::Draft);
    project->suggest(threeWay, "preference", "judge", prefer("response_a", 1), 0.9);
    project->suggest(split, "preference", "judge", prefer("response_b", 1), 0.6);

    const Question& question = project->recordSchema().question("preference");
    const auto ids = [](const std::vector<review::QuestionReviewItem>& items) {
        std::vector<std::string> out;
        for (const auto& item : items) {
            out.push_back(item.id);
        }
        return out;
    };
    CHECK(ids(review::questionReviewQueue(*project, question)) == std::vector<std::string>{"split", "three", "same"});

    review::QuestionReviewFilter filter;
    filter.status = ResponseStatus::Discarded;
    auto queue = review::questionReviewQueue(*project, question, filter);
    REQUIRE(ids(queue) == std::vector<std::string>{"aside"});
    REQUIRE(queue[0].pending.size() == 1);
    CHECK(queue[0].pending[0].annotator == "ben");
    CHECK(queue[0].pending[0].reason == "the prompt is empty");
    CHECK(queue[0].answers.size() == 1); // ana's submitted vote still shows

    filter.status = ResponseStatus::Draft;
    queue = review::questionReviewQueue(*project, question, filter);
    REQUIRE(ids(queue) == std::vector<std::string>{"split"});
    CHECK(queue[0].pending[0].annotator == "cal");

    filter = {};
    filter.biasFlagged = true;
    CHECK(ids(review::questionReviewQueue(*project, question, filter)) == std::vector<std::string>{"same"});

    // The judge agrees with the majority on "three" (a, a, b); on "split" the answers tie.
    filter = {};
    filter.agent = "judge";
    filter.agentMatch = review::QuestionReviewFilter::AgentMatch::Agrees;
    CHECK(ids(review::questionReviewQueue(*project, question, filter)) == std::vector<std::string>{"three"});
    filter.agentMatch = review::QuestionReviewFilter::AgentMatch::Differs;
    CHECK(ids(review::questionReviewQueue(*project, question, filter)) == std::vector<std::string>{"split"});
    filter.agent = "nobody";
    CHECK(review::questionReviewQueue(*project, question, filter).empty());
}
