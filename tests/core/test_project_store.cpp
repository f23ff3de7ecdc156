#include "core/store/Migrations.hpp"
#include "core/store/Project.hpp"
#include "core/store/Sqlite.hpp"
#include "core/util/Error.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace concord;
using nlohmann::json;

namespace {

std::unique_ptr<Project> makeProject(const std::string& path, std::int64_t* clock = nullptr)
{
    ProjectSettings settings;
    settings.name = "reviews";
    settings.overlap = 2;
    Clock fixed = [clock] { return clock != nullptr ? (*clock)++ : 1000; };
    return Project::create(path, settings, LabelSchema::fromNames(TaskKind::Single, {"pos", "neg"}), fixed);
}

std::string pragma(sqlite::Database& db, const std::string& name)
{
    auto statement = db.prepare("PRAGMA " + name);
    REQUIRE(statement.step());
    return statement.columnText(0);
}

} // namespace

TEST_CASE("a new project file is in WAL mode with foreign keys and the latest schema version", "[store]")
{
    test::TempDir dir;
    auto project = makeProject(dir.file("p.concord"));
    CHECK(pragma(project->database(), "journal_mode") == "wal");
    CHECK(pragma(project->database(), "foreign_keys") == "1");
    CHECK(pragma(project->database(), "user_version") == std::to_string(store::latestSchemaVersion()));
    CHECK(std::stoi(pragma(project->database(), "application_id")) == store::kApplicationId);

    // Foreign keys are enforced: an annotation for a missing sample is refused by SQLite.
    CHECK_THROWS_WITH(project->annotations().put(999, "ann", R"({"labels":["pos"]})", 1),
                      Catch::Contains("FOREIGN KEY constraint failed"));
}

TEST_CASE("settings and schema survive closing and reopening", "[store]")
{
    test::TempDir dir;
    const auto path = dir.file("p.concord");
    makeProject(path);
    auto project = Project::open(path);
    CHECK(project->settings().name == "reviews");
    CHECK(project->settings().overlap == 2);
    CHECK(project->schema().labelNames() == std::vector<std::string>{"pos", "neg"});
    CHECK_THROWS_WITH(makeProject(path), Catch::Contains("already exists"));
}

TEST_CASE("samples, annotations with history, resolutions with history", "[store]")
{
    test::TempDir dir;
    std::int64_t clock = 100;
    auto project = makeProject(dir.file("p.concord"), &clock);
    auto& samples = project->samples();
    const auto a = samples.insert("a", "good film", R"({"src":"imdb"})");
    const auto b = samples.insert("b", "bad film", "{}");
    REQUIRE(a);
    REQUIRE(b);
    CHECK_FALSE(samples.insert("a", "again", "{}")); // ids are unique
    CHECK(samples.count() == 2);
    CHECK(samples.findById("a")->meta == R"({"src":"imdb"})");
    CHECK(samples.pageAfter(*a, 10).size() == 1);

    project->annotate("a", "ann", {{"labels", {"pos"}}});
    project->annotate("a", "ann", {{"labels", {"neg"}}});
    project->annotate("a", "bob", {{"labels", {"pos"}}});
    CHECK(project->annotations().count() == 2);
    CHECK(project->annotations().get(*a, "ann")->value == R"({"labels":["neg"]})");
    CHECK(project->annotations().history(*a, "ann").size() == 2);
    CHECK(project->annotations().nextUnlabeled("ann", 0) == b);
    CHECK(project->annotations().countsByAnnotator() ==
          std::vector<std::pair<std::string, std::int64_t>>{{"ann", 1}, {"bob", 1}});
    CHECK(project->annotations().remove(*a, "bob", 5));
    CHECK(project->annotations().history(*a, "bob").back() == std::nullopt);

    project->resolve("a", "lead", {{"labels", {"pos"}}}, "clearly positive");
    project->resolve("a", "lead", {{"labels", {"neg"}}}, "on second reading");
    CHECK(project->resolutions().get(*a)->note == "on second reading");
    CHECK(project->resolutions().history(*a).size() == 2);

    project->predictions().put(*a, "builtin", R"({"pos":0.8,"neg":0.2})", 1);
    CHECK(project->predictions().models() == std::vector<std::string>{"builtin"});
    project->signals().put("long", "length > 100", 1);
    CHECK(project->signals().get("long")->expression == "length > 100");
    CHECK(project->signals().remove("long"));
}

TEST_CASE("taking a label back keeps its history, and a replica refuses it", "[store]")
{
    test::TempDir dir;
    std::int64_t clock = 100;
    auto project = makeProject(dir.file("p.concord"), &clock);
    const auto a = *project->samples().insert("a", "good film", "{}");
    project->annotate(a, "ann", {{"labels", {"pos"}}});
    CHECK(project->takeBack(a, "ann"));
    CHECK_FALSE(project->annotations().get(a, "ann"));
    CHECK(project->annotations().history(a, "ann").back() == std::nullopt);
    CHECK_FALSE(project->takeBack(a, "ann")); // nothing left to take back

    // The sync protocol cannot take a label back, so a replica keeps it rather than diverge.
    project->annotate(a, "ann", {{"labels", {"neg"}}});
    ReplicaInfo info;
    info.server = "127.0.0.1:1";
    info.user = "ann";
    info.token = "t";
    info.projectId = "p";
    info.clientId = "device";
    project->replica().create(info);
    CHECK_THROWS_AS(project->takeBack(a, "ann"), InputError);
    CHECK(project->annotations().get(a, "ann")->value == R"({"labels":["neg"]})");
}

TEST_CASE("the next unlabeled sample skips the annotator's runs, not others' labels", "[store]")
{
    test::TempDir dir;
    std::int64_t clock = 100;
    auto project = makeProject(dir.file("p.concord"), &clock);
    std::vector<std::int64_t> keys;
    for (int i = 0; i < 12; ++i) {
        keys.push_back(*project->samples().insert("s" + std::to_string(i), "text " + std::to_string(i), "{}"));
    }
    auto& annotations = project->annotations();
    CHECK(annotations.nextUnlabeled("ann", 0) == keys[0]);
    CHECK(annotations.countFor("ann") == 0);
    // ann: 0-4, 6, 7, 11; bob labels 5 and 8 (which must not count as ann's).
    for (int i : {0, 1, 2, 3, 4, 6, 7, 11}) {
        project->annotate("s" + std::to_string(i), "ann", {{"labels", {"pos"}}});
    }
    for (int i : {5, 8}) {
        project->annotate("s" + std::to_string(i), "bob", {{"labels", {"neg"}}});
    }
    CHECK(annotations.countFor("ann") == 8);
    CHECK(annotations.countFor("bob") == 2);
    CHECK(annotations.nextUnlabeled("ann", 0) == keys[5]);
    CHECK(annotations.nextUnlabeled("ann", keys[5]) == keys[8]);
    CHECK(annotations.nextUnlabeled("ann", keys[10]) == std::nullopt); // 11 is hers, and last
    CHECK(annotations.nextUnlabeled("bob", keys[4]) == keys[6]);
    CHECK(annotations.nextUnlabeled("nobody", keys[11]) == std::nullopt);
    // Asking again after the walk stopped midway gives the same answers (its statements reset).
    CHECK(annotations.nextUnlabeled("ann", 0) == keys[5]);
    project->annotate("s5", "ann", {{"labels", {"pos"}}});
    CHECK(annotations.nextUnlabeled("ann", 0) == keys[8]);
}

TEST_CASE("an invalid annotation is refused and nothing is stored", "[store]")
{
    test::TempDir dir;
    auto project = makeProject(dir.file("p.concord"));
    project->samples().insert("a", "text", "{}");
    CHECK_THROWS_AS(project->annotate("a", "ann", {{"labels", {"maybe"}}}), InputError);
    CHECK_THROWS_WITH(project->annotate("zz", "ann", {{"labels", {"pos"}}}), Catch::Contains("no sample with id 'zz'"));
    CHECK(project->annotations().count() == 0);
}

TEST_CASE("a transaction rolls back unless committed", "[store]")
{
    test::TempDir dir;
    auto project = makeProject(dir.file("p.concord"));
    {
        sqlite::Transaction transaction(project->database());
        project->samples().insert("a", "text", "{}");
    }
    CHECK(project->samples().count() == 0);
    {
        sqlite::Transaction transaction(project->database());
        project->samples().insert("a", "text", "{}");
        transaction.commit();
    }
    CHECK(project->samples().count() == 1);
}

TEST_CASE("errors carry SQLite's message", "[store]")
{
    test::TempDir dir;
    auto project = makeProject(dir.file("p.concord"));
    CHECK_THROWS_WITH(project->database().prepare("SELECT x FROM nowhere"), Catch::Contains("no such table: nowhere"));
    CHECK_THROWS_WITH(sqlite::Database(dir.file("missing/dir/x.concord"), sqlite::Database::Mode::ReadWriteCreate),
                      Catch::Contains("unable to open database file"));
}

TEST_CASE("files that are not Concord projects are refused with a clear message", "[store]")
{
    test::TempDir dir;
    {
        sqlite::Database other(dir.file("other.db"), sqlite::Database::Mode::ReadWriteCreate);
        other.exec("CREATE TABLE t(x)");
    }
    CHECK_THROWS_WITH(Project::open(dir.file("other.db")),
                      Catch::Contains("is an SQLite database but not a Concord project"));
    {
        std::ofstream text(dir.file("notes.txt"));
        text << "just some text, long enough to not look like an empty database file at all........";
    }
    CHECK_THROWS_AS(Project::open(dir.file("notes.txt")), StoreError);
    CHECK_THROWS_WITH(Project::open(dir.file("absent.concord")), Catch::Contains("no such project file"));
}

TEST_CASE("a project from a newer Concord is refused, not damaged", "[store]")
{
    test::TempDir dir;
    const auto path = dir.file("p.concord");
    makeProject(path);
    {
        sqlite::Database db(path, sqlite::Database::Mode::ReadWrite);
        db.exec("PRAGMA user_version = 999");
    }
    CHECK_THROWS_WITH(Project::open(path), Catch::Contains("written by a newer Concord"));
}
