// The store side of sync: migrating a version-1 file, and edits on a replica going into the
// replica and its outbox in one transaction, with the replica's clock.
#include "core/store/Migrations.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"
#include "core/util/HybridClock.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

using namespace concord;

namespace {

// The schema of version 1 as released (core/store/Migrations.cpp at the first commit), with a
// sample and an annotation in it.
constexpr const char* kVersion1File = R"sql(
CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE label_schema(id INTEGER PRIMARY KEY CHECK (id = 1),
    kind TEXT NOT NULL CHECK (kind IN ('single', 'multi', 'spans', 'rating')),
    rating_min INTEGER NOT NULL DEFAULT 1, rating_max INTEGER NOT NULL DEFAULT 5,
    allow_overlap INTEGER NOT NULL DEFAULT 0);
CREATE TABLE labels(position INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, color TEXT NOT NULL,
    key TEXT NOT NULL DEFAULT '');
CREATE TABLE samples(pk INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, text TEXT NOT NULL,
    meta TEXT NOT NULL DEFAULT '{}');
CREATE TABLE annotations(sample INTEGER NOT NULL REFERENCES samples(pk) ON DELETE CASCADE,
    annotator TEXT NOT NULL, value TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
    seq INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (sample, annotator)) WITHOUT ROWID;
CREATE INDEX annotations_by_annotator ON annotations(annotator, sample);
CREATE TABLE annotation_history(id INTEGER PRIMARY KEY,
    sample INTEGER NOT NULL REFERENCES samples(pk) ON DELETE CASCADE, annotator TEXT NOT NULL, value TEXT,
    changed_at INTEGER NOT NULL);
CREATE INDEX annotation_history_by_sample ON annotation_history(sample, annotator);
CREATE TABLE resolutions(sample INTEGER PRIMARY KEY REFERENCES samples(pk) ON DELETE CASCADE,
    value TEXT NOT NULL, note TEXT NOT NULL DEFAULT '', author TEXT NOT NULL, updated_at INTEGER NOT NULL,
    seq INTEGER NOT NULL DEFAULT 0);
CREATE TABLE resolution_history(id INTEGER PRIMARY KEY,
    sample INTEGER NOT NULL REFERENCES samples(pk) ON DELETE CASCADE, value TEXT, note TEXT NOT NULL,
    author TEXT NOT NULL, changed_at INTEGER NOT NULL);
CREATE INDEX resolution_history_by_sample ON resolution_history(sample);
CREATE TABLE predictions(sample INTEGER NOT NULL REFERENCES samples(pk) ON DELETE CASCADE,
    model TEXT NOT NULL, probabilities TEXT NOT NULL, created_at INTEGER NOT NULL,
    PRIMARY KEY (model, sample)) WITHOUT ROWID;
CREATE TABLE signals(name TEXT PRIMARY KEY, expression TEXT NOT NULL, created_at INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO label_schema(id, kind) VALUES (1, 'single');
INSERT INTO labels(position, name, color, key) VALUES (0, 'pos', '#2e7d32', 'p'), (1, 'neg', '#c62828', 'n');
INSERT INTO settings(key, value) VALUES ('name', 'old');
INSERT INTO samples(pk, id, text) VALUES (1, 'a', 'good');
INSERT INTO annotations(sample, annotator, value, created_at, updated_at) VALUES (1, 'ann', '{"labels":["pos"]}', 5, 5);
PRAGMA application_id = 1131376227;
PRAGMA user_version = 1;
)sql";

std::unique_ptr<Project> makeReplica(const std::string& path, Role role, std::int64_t* clock)
{
    auto project = Project::create(path, ProjectSettings{}, LabelSchema::fromNames(TaskKind::Single, {"pos", "neg"}),
                                   [clock] { return *clock; });
    project->samples().insert("a", "good", "{}");
    ReplicaInfo info;
    info.server = "127.0.0.1:1";
    info.user = "alice";
    info.role = role;
    info.token = "t";
    info.projectId = "p";
    info.clientId = "device";
    info.fingerprint = "SHA256:x";
    project->replica().create(info);
    return project;
}

} // namespace

TEST_CASE("a version-1 file migrates to the latest version with its rows intact", "[store][sync]")
{
    test::TempDir dir;
    const auto path = dir.file("old.concord");
    {
        sqlite::Database db(path, sqlite::Database::Mode::ReadWriteCreate);
        db.exec(kVersion1File);
    }
    auto project = Project::open(path);
    auto version = project->database().prepare("PRAGMA user_version");
    version.step();
    CHECK(version.columnInt(0) == store::latestSchemaVersion());
    CHECK(store::latestSchemaVersion() == 4);
    // Its labels are the answers to its one question, named after the task's kind.
    CHECK(project->recordSchema().isLegacy());
    CHECK(project->annotations().question() == "label");
    const auto row = project->annotations().find(1, "ann");
    REQUIRE(row.has_value());
    CHECK(row->value == R"({"labels":["pos"]})");
    CHECK(row->stamp.hlc == 0);
    CHECK(row->seq == 0);
    CHECK_FALSE(project->replica().load().has_value());
    CHECK(project->outbox().pendingCount() == 0);
}

TEST_CASE("an edit on a replica goes into the replica and the outbox together", "[store][sync]")
{
    test::TempDir dir;
    std::int64_t clock = 1'000'000;
    auto project = makeReplica(dir.file("r.concord"), Role::Annotator, &clock);
    project->annotate("a", "alice", nlohmann::json{{"labels", {"pos"}}});
    project->annotate("a", "alice", nlohmann::json{{"labels", {"neg"}}}); // same millisecond

    const auto pending = project->outbox().pending(10);
    REQUIRE(pending.size() == 2);
    CHECK(pending[0].kind == OperationKind::Annotate);
    CHECK(pending[0].sampleId == "a");
    CHECK(pending[0].opId != pending[1].opId);
    CHECK(pending[0].stamp.hlc == hlc::fromMs(clock));
    CHECK(pending[1].stamp.hlc == hlc::fromMs(clock) + 1); // the clock never repeats a stamp
    CHECK(pending[1].stamp.client == "device");
    const auto row = project->annotations().find(1, "alice");
    CHECK(row->value == R"({"labels":["neg"]})");
    CHECK(row->stamp.hlc == pending[1].stamp.hlc);
    CHECK(row->seq == 0);
    CHECK(project->outbox().hasPending(OperationKind::Annotate, "a", "alice", "label"));
    CHECK_FALSE(project->outbox().hasPending(OperationKind::Annotate, "a", "bob", "label"));
    CHECK_FALSE(project->outbox().hasPending(OperationKind::Annotate, "a", "alice", "other"));

    // The wall clock going back does not take the replica's clock with it.
    clock -= 5000;
    project->annotate("a", "alice", nlohmann::json{{"labels", {"pos"}}});
    CHECK(project->outbox().pending(10).back().stamp.hlc == pending[1].stamp.hlc + 1);
}

TEST_CASE("a replica refuses locally what its server would refuse", "[store][sync]")
{
    test::TempDir dir;
    std::int64_t clock = 1'000'000;
    auto annotator = makeReplica(dir.file("a.concord"), Role::Annotator, &clock);
    CHECK_THROWS_WITH(annotator->annotate("a", "bob", nlohmann::json{{"labels", {"pos"}}}),
                      Catch::Contains("may not write bob's annotations"));
    CHECK_THROWS_WITH(annotator->resolve("a", "alice", nlohmann::json{{"labels", {"pos"}}}, ""),
                      Catch::Contains("only reviewers and admins resolve"));
    CHECK(annotator->outbox().pendingCount() == 0);
    CHECK(annotator->annotations().count() == 0);

    auto reviewer = makeReplica(dir.file("r.concord"), Role::Reviewer, &clock);
    reviewer->resolve("a", "alice", nlohmann::json{{"labels", {"pos"}}}, "clear");
    CHECK_THROWS_WITH(reviewer->resolve("a", "bob", nlohmann::json{{"labels", {"pos"}}}, ""),
                      Catch::Contains("cannot resolve as bob"));
    const auto pending = reviewer->outbox().pending(10);
    REQUIRE(pending.size() == 1);
    CHECK(pending[0].kind == OperationKind::Resolve);
    CHECK(pending[0].note == "clear");
    CHECK(reviewer->outbox().hasPending(OperationKind::Resolve, "a", "anyone", "label"));

    reviewer->outbox().reject(pending[0].opId, "forbidden: no");
    CHECK(reviewer->outbox().pendingCount() == 0);
    CHECK(reviewer->outbox().rejected().at(0).rejected == "forbidden: no");
}
