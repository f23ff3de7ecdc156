// Assignment with responses: a draft does not count toward a record's overlap and does not hide
// the record from its annotator; a discard is done for its annotator (never offered to her
// again) but does not count toward the overlap either.
#include "core/feedback/RecordContent.hpp"
#include "core/feedback/Templates.hpp"
#include "core/store/Project.hpp"
#include "core/store/ReservationTable.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

using namespace concord;

TEST_CASE("feedback assignment: drafts and discards in the overlap and in each annotator's queue",
          "[feedback][assignment]")
{
    test::TempDir dir;
    auto project = Project::create((dir.path() / "evaluate.concord").string(), ProjectSettings{},
                                   RecordSchema::fromJson(templateSchema("evaluate")));
    const RecordSchema& schema = project->recordSchema();
    for (const char* id : {"r1", "r2"}) {
        RecordContent record;
        record.fields = {{"prompt", "Who wrote Hamlet?"}, {"response", "Marlowe."}};
        REQUIRE(project->samples().insert(id, primaryText(schema, record), "{}", encodeRecord(record)));
    }
    const std::int64_t r1 = *project->samples().keyOf("r1");
    const std::int64_t r2 = *project->samples().keyOf("r2");
    store::ReservationTable reservations(project->database());
    const std::int64_t now = project->now();

    // ana's draft on r1: r1 is still hers to finish, and still needs one annotator for bob.
    project->answer(r1, "ana", "correct", {{"labels", {"no"}}});
    REQUIRE(project->statusOf(r1, "ana") == ResponseStatus::Draft);
    CHECK(reservations.candidates("ana", 1, now, 10) == std::vector<std::int64_t>{r1, r2});
    CHECK(reservations.candidates("bob", 1, now, 10) == std::vector<std::int64_t>{r1, r2});

    // Submitted: r1 has its one annotator; no longer offered to anyone.
    project->answer(r1, "ana", "helpfulness", {{"rating", 2}});
    project->setStatus(r1, "ana", ResponseStatus::Submitted);
    CHECK(reservations.candidates("ana", 1, now, 10) == std::vector<std::int64_t>{r2});
    CHECK(reservations.candidates("bob", 1, now, 10) == std::vector<std::int64_t>{r2});

    // ana discards r2: never offered to her again, still offered to bob (it has no answer).
    project->setStatus(r2, "ana", ResponseStatus::Discarded, "unclear prompt");
    CHECK(reservations.candidates("ana", 1, now, 10).empty());
    CHECK(reservations.candidates("bob", 1, now, 10) == std::vector<std::int64_t>{r2});
    reservations.reserve(r2, "ana", now + 60'000);
    CHECK(reservations.heldBy("ana", now).empty());
}
