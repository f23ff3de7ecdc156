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
