// What the annotate queue gives an annotator next in a project of questions: a record she has not
// finished (no answer, or a draft), never one she submitted or set aside, even without answers.
#include "core/feedback/Templates.hpp"
#include "tests/core/TrlTestSupport.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

using namespace concord;
using trltest::insert;
using trltest::prefer;
using trltest::submit;

TEST_CASE("next to do: drafts are hers to finish, set-aside and submitted records are done", "[queue][feedback]")
{
    test::TempDir dir;
    // The preference made optional: a response can be submitted with the first question blank.
    nlohmann::json schema = templateSchema("preference");
    schema["questions"][0]["required"] = false;
    auto project = trltest::projectFrom(dir.file("q.concord"), schema);
    std::vector<std::int64_t> keys;
    for (int i = 1; i <= 6; ++i) {
        const std::string id = "r" + std::to_string(i);
        keys.push_back(insert(*project, id, {{"prompt", "p"}, {"response_a", "a " + id}, {"response_b", "b " + id}}));
    }
    submit(*project, keys[0], "ana", "preference", prefer("response_a", 1));    // r1 submitted
    project->setStatus(keys[1], "ana", ResponseStatus::Discarded, "off-topic"); // r2 set aside, no answer
    project->answer(keys[2], "ana", "preference", prefer("response_b", 1));     // r3 a draft
    project->setStatus(keys[2], "ana", ResponseStatus::Draft);
    project->answer(keys[3], "ana", "reason", {{"text", "half done"}}); // r4 a draft without the first answer
    project->setStatus(keys[3], "ana", ResponseStatus::Draft);
    submit(*project, keys[4], "ana", "reason", {{"text", "no preference needed"}}); // r5 submitted, first blank

    CHECK(project->isDone(keys[0], "ana"));
    CHECK(project->isDone(keys[1], "ana"));
    CHECK_FALSE(project->isDone(keys[2], "ana"));
    CHECK_FALSE(project->isDone(keys[3], "ana"));
    CHECK(project->isDone(keys[4], "ana"));
    CHECK_FALSE(project->isDone(keys[5], "ana"));
    CHECK_FALSE(project->isDone(keys[0], "ben"));

    CHECK(project->nextToDo("ana", 0) == keys[2]); // past the submitted and the set-aside
    CHECK(project->nextToDo("ana", keys[2]) == keys[3]);
    CHECK(project->nextToDo("ana", keys[3]) == keys[5]); // r5 is done although its first answer is blank
    CHECK_FALSE(project->nextToDo("ana", keys[5]).has_value());
    CHECK(project->nextToDo("ben", 0) == keys[0]);

    // Submitting the draft makes it done.
    project->setStatus(keys[2], "ana", ResponseStatus::Submitted);
    CHECK(project->nextToDo("ana", 0) == keys[3]);

    // A decided response goes back to a draft only by reopen (the annotator's undo), not by setStatus.
    CHECK_THROWS_WITH(project->setStatus(keys[2], "ana", ResponseStatus::Draft),
                      Catch::Contains("does not go back to draft"));
    project->reopen(keys[2], "ana");
    CHECK(project->statusOf(keys[2], "ana") == ResponseStatus::Draft);
    CHECK(project->nextToDo("ana", 0) == keys[2]);
    project->reopen(keys[1], "ana"); // set aside, without answers
    CHECK(project->nextToDo("ana", 0) == keys[1]);
}
