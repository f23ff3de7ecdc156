// Two servers on one PostgreSQL project. Tagged [.][postgresql]: hidden from a plain run of the
// binary, run by ctest with --store postgresql only. A commit through one server reaches the
// live sessions of the other at once, through the project's notices; the replicas of both
// converge.
#include "net/auth/Accounts.hpp"
#include "net/client/LiveSync.hpp"
#include "net/client/ReplicaSync.hpp"
#include "pgstore/Connection.hpp"
#include "pgstore/PgServerStore.hpp"
#include "pgstore/Projects.hpp"
#include "pgstore/ServeStore.hpp"
#include "tests/net/LiveProbe.hpp"
#include "tests/net/ServerThread.hpp"
#include "tests/net/StoreUnderTest.hpp"
#include "tests/net/SyncFixture.hpp"
#include "tests/support/TempDir.hpp"

#include <atomic>
#include <filesystem>
#include <thread>

#include <catch2/catch.hpp>

using namespace concord;
using namespace std::chrono_literals;

namespace {

test::ProjectUnderTest::Contents fiveRecords()
{
    test::ProjectUnderTest::Contents made;
    made.settings.name = "shared";
    made.settings.overlap = 2;
    made.schema = RecordSchema::fromLegacy(LabelSchema::fromNames(TaskKind::Single, {"pos", "neg"}));
    for (int i = 1; i <= 5; ++i) {
        made.records.push_back(Sample{0, "s" + std::to_string(i), "sample text " + std::to_string(i), "{}", ""});
    }
    made.users = {{"alice", Role::Annotator}, {"bob", Role::Annotator}};
    return made;
}

net::JoinReport join(const test::ProjectUnderTest& project, const test::ServerThread& server, const std::string& user,
                     const std::string& path)
{
    net::JoinOptions options;
    options.endpoint = server.endpoint();
    options.user = user;
    options.token = project.token(user);
    options.path = path;
    options.sync = test::SyncFixture::quickOptions();
    return net::joinServer(options);
}

} // namespace

TEST_CASE("two servers on one PostgreSQL project: a label acknowledged by one reaches a live replica of the other",
          "[.][postgresql][integration][live]")
{
    REQUIRE(test::storeUnderTest() == test::StoreKind::Postgresql);
    test::TempDir dir;
    test::ProjectUnderTest project(dir.file("shared.concord"), fiveRecords());
    test::ServerThread first(project);
    test::ServerThread second(project);
    CHECK(first.fingerprint() == second.fingerprint()); // one certificate, shared
    join(project, first, "alice", dir.file("alice.concord"));
    join(project, second, "bob", dir.file("bob.concord"));

    net::LiveOptions options;
    options.sync = test::SyncFixture::quickOptions();
    options.reconnect = net::RetryPolicy{0, 20ms, 200ms};
    options.pingInterval = std::chrono::hours(1); // whatever reaches bob came through a notice
    test::LiveProbe bobProbe;
    net::LiveSync bob(dir.file("bob.concord"), options, bobProbe.callbacks());
    bob.start();
    REQUIRE(bobProbe.waitFor([](const test::LiveProbe& probe) { return !probe.syncs.empty(); }));

    {
        auto alice = Project::open(dir.file("alice.concord"));
        alice->annotate("s2", "alice", test::SyncFixture::label("neg"));
        REQUIRE(net::syncReplica(*alice, test::SyncFixture::quickOptions()).pushed == 1);
    }
    REQUIRE(bobProbe.waitFor([](const test::LiveProbe& probe) { return probe.received(net::LiveCause::Notice) == 1; }));
    bob.stop();
    auto bobReplica = Project::open(dir.file("bob.concord"));
    const auto key = bobReplica->samples().keyOf("s2");
    REQUIRE(key.has_value());
    const auto row = bobReplica->annotations().find(*key, "alice");
    REQUIRE(row.has_value());
    CHECK(row->value == R"({"labels":["neg"]})");
    bobProbe.read([](const test::LiveProbe& probe) {
        CHECK(probe.connects == 1);
        CHECK(probe.pongs == 0);
        return 0;
    });
}

namespace {

// Every annotation a replica holds, as "record|annotator|value|seq" lines in order.
std::string annotationsOf(const std::string& path)
{
    return test::SyncFixture::digest(path);
}

} // namespace

TEST_CASE("two servers on one PostgreSQL project: 32 replicas writing at once converge, nothing lost or twice",
          "[.][postgresql][integration][sync]")
{
    REQUIRE(test::storeUnderTest() == test::StoreKind::Postgresql);
    constexpr int kReplicas = 32;
    constexpr int kLabels = 10; // each replica labels s1..s10 as its own annotator
    test::TempDir dir;
    test::ProjectUnderTest::Contents contents = fiveRecords();
    contents.records.clear();
    for (int i = 1; i <= kLabels; ++i) {
        contents.records.push_back(Sample{0, "s" + std::to_string(i), "sample text " + std::to_string(i), "{}", ""});
    }
    contents.users.clear();
    for (int i = 0; i < kReplicas; ++i) {
        contents.users["a" + std::to_string(i)] = Role::Annotator;
    }
    test::ProjectUnderTest project(dir.file("shared.concord"), contents);
    test::ServerThread first(project);
    test::ServerThread second(project);
    std::vector<std::string> paths;
    for (int i = 0; i < kReplicas; ++i) {
        paths.push_back(dir.file("a" + std::to_string(i) + ".concord"));
        join(project, i % 2 == 0 ? first : second, "a" + std::to_string(i), paths.back());
    }

    // All at once: each labels and syncs in rounds, so that pushes through both servers
    // interleave with pulls.
    std::vector<std::thread> writers;
    std::atomic<std::int64_t> acknowledged{0};
    std::atomic<int> failures{0};
    for (int i = 0; i < kReplicas; ++i) {
        writers.emplace_back([&, i] {
            try {
                auto replica = Project::open(paths[static_cast<std::size_t>(i)]);
                const std::string annotator = "a" + std::to_string(i);
                for (int label = 1; label <= kLabels; ++label) {
                    replica->annotate("s" + std::to_string(label), annotator,
                                      test::SyncFixture::label(label % 2 == 0 ? "pos" : "neg"));
                    if (label % 3 == 0 || label == kLabels) {
                        acknowledged += net::syncReplica(*replica, test::SyncFixture::quickOptions()).pushed;
                    }
                }
            } catch (const std::exception&) {
                ++failures;
            }
        });
    }
    for (auto& writer : writers) {
        writer.join();
    }
    REQUIRE(failures == 0);
    CHECK(acknowledged == kReplicas * kLabels);

    // One more sync each: every replica holds every label, with the numbers the servers gave.
    for (const auto& path : paths) {
        auto replica = Project::open(path);
        const auto report = net::syncReplica(*replica, test::SyncFixture::quickOptions());
        CHECK(report.pushed == 0);
    }
    const std::string reference = annotationsOf(paths.front());
    CHECK(test::SyncFixture::count(paths.front(), "SELECT count(*) FROM annotations") == kReplicas * kLabels);
    for (const auto& path : paths) {
        CHECK(annotationsOf(path) == reference);
    }

    // Against the database's own log: every operation once, numbered 1..N without a gap.
    pg::Connection database(project.address());
    const auto log = database.exec("SELECT count(*), count(DISTINCT seq), min(seq), max(seq) FROM changes");
    CHECK(log.integer(0, 0) == kReplicas * kLabels);
    CHECK(log.integer(0, 1) == kReplicas * kLabels);
    CHECK(log.integer(0, 2) == 1);
    CHECK(log.integer(0, 3) == kReplicas * kLabels);
}

TEST_CASE("one server for every project of a PostgreSQL database: projects by name, roles per project, nothing "
          "of B seen or written through A",
          "[.][postgresql][integration][sync][projects]")
{
    REQUIRE(test::storeUnderTest() == test::StoreKind::Postgresql);
    test::TempDir dir;
    test::ProjectUnderTest a(dir.file("a.concord"), fiveRecords()); // "shared": alice and bob, annotators
    std::string carolToken;
    {
        pg::Connection setup(a.address());
        const pg::ProjectRow b = pg::createProject(setup, "b");
        pg::configureProject(setup, b.id, ProjectSettings{}, fiveRecords().schema, 1);
        pg::addRecords(setup, b.id, {Sample{0, "s1", "a record of b with the id of one of a", "{}", ""}});
        pg::ProjectUsers users(setup, b.id);
        carolToken = net::addUser(users, "carol", Role::Annotator, 1);
        pg::grantRole(setup, b.id, "bob", Role::Reviewer, 1); // one account, a role in each project
        const pg::ProjectRow old = pg::createProject(setup, "old");
        pg::configureProject(setup, old.id, ProjectSettings{}, fiveRecords().schema, 1);
        pg::grantRole(setup, old.id, "alice", Role::Annotator, 1);
        pg::archiveProject(setup, "old");
    }
    // The server's connections for notices and for logins, by their application_name. Both kinds
    // live as long as the server: a count of them is exact the moment it is read.
    pg::Connection database(a.address());
    const auto connections = [&](const std::string& purpose) {
        return database
            .exec("SELECT count(*) FROM pg_stat_activity WHERE application_name = $1", {"concord " + purpose})
            .integer(0, 0);
    };

    // One process, no project named: it serves whichever project a hello names; the logins of
    // every project share one connection.
    test::ServerThread server(dir.file("store"), 0,
                              [&](net::ServerOptions& options) { pg::serveWholeStore(options, a.address(), 1); });
    // Nothing opened before a hello names a project.
    CHECK(connections("notices") == 0);
    CHECK(connections("logins") == 0);

    const auto joinAs = [&](const std::string& user, const std::string& token, const std::string& project,
                            const std::string& file) {
        net::JoinOptions options;
        options.endpoint = server.endpoint();
        options.user = user;
        options.token = token;
        options.project = project;
        options.path = dir.file(file);
        options.sync = test::SyncFixture::quickOptions();
        return net::joinServer(options);
    };

    // Refusals that say what to do, and leave no replica behind.
    CHECK_THROWS_WITH(joinAs("alice", a.token("alice"), "b", "alice-b.concord"),
                      Catch::Contains("no role in the project 'b'"));
    CHECK_THROWS_WITH(joinAs("alice", a.token("alice"), "nope", "alice-nope.concord"),
                      Catch::Contains("serves no project named 'nope'"));
    CHECK_THROWS_WITH(joinAs("alice", a.token("alice"), "old", "alice-old.concord"),
                      Catch::Contains("serves no project named 'old'"));
    CHECK_THROWS_WITH(joinAs("alice", a.token("alice"), "", "alice-none.concord"),
                      Catch::Contains("serves several projects") && Catch::Contains("--project NAME"));
    for (const char* file : {"alice-b.concord", "alice-nope.concord", "alice-old.concord", "alice-none.concord"}) {
        CHECK_FALSE(std::filesystem::exists(dir.file(file)));
    }

    // Alice writes to A's s1; B's s1 (same id) and B's log are untouched.
    CHECK(joinAs("alice", a.token("alice"), "shared", "alice.concord").projectName == "shared");
    {
        auto alice = Project::open(dir.file("alice.concord"));
        alice->annotate("s1", "alice", test::SyncFixture::label("pos"));
        REQUIRE(net::syncReplica(*alice, test::SyncFixture::quickOptions()).pushed == 1);
    }
    // Carol, in B alone, receives B's one record and nothing of A.
    const auto carol = joinAs("carol", carolToken, "b", "carol.concord");
    CHECK(carol.projectName == "b");
    CHECK(carol.sync.newSamples == 1);
    CHECK(test::SyncFixture::count(dir.file("carol.concord"), "SELECT count(*) FROM annotations") == 0);
    {
        auto replica = Project::open(dir.file("carol.concord"));
        replica->annotate("s1", "carol", test::SyncFixture::label("neg"));
        // Synced again by the replica's project id alone: the server finds B by it.
        REQUIRE(net::syncReplica(*replica, test::SyncFixture::quickOptions()).pushed == 1);
    }

    // Bob's one token: an annotator in A, a reviewer in B, each replica with its own project.
    const auto bobA = joinAs("bob", a.token("bob"), "shared", "bob-a.concord");
    const auto bobB = joinAs("bob", a.token("bob"), "b", "bob-b.concord");
    CHECK(bobA.role == Role::Annotator);
    CHECK(bobB.role == Role::Reviewer);
    CHECK(bobA.sync.newSamples == 5);
    CHECK(bobB.sync.newSamples == 1);
    CHECK(test::SyncFixture::count(dir.file("bob-a.concord"), "SELECT count(*) FROM annotations") == 1);
    CHECK(test::SyncFixture::count(dir.file("bob-b.concord"), "SELECT count(*) FROM annotations") == 1);
    CHECK(test::SyncFixture::count(dir.file("bob-a.concord"),
                                   "SELECT count(*) FROM annotations WHERE annotator = 'alice'") == 1);
    CHECK(test::SyncFixture::count(dir.file("bob-b.concord"),
                                   "SELECT count(*) FROM annotations WHERE annotator = 'carol'") == 1);

    // Two projects open, each listening on a connection of its own, and one login connection
    // for every login there was, in both projects.
    CHECK(connections("notices") == 2);
    CHECK(connections("logins") == 1);

    const auto countIn = [&](const std::string& table, const std::string& project) {
        return database
            .exec("SELECT count(*) FROM " + table + " t JOIN projects p ON p.id = t.project WHERE p.name = $1",
                  {project})
            .integer(0, 0);
    };
    CHECK(countIn("changes", "b") == 1);
    CHECK(countIn("answers", "b") == 1);
    CHECK(countIn("changes", "shared") == 1);
    CHECK(countIn("answers", "shared") == 1);
}
