// Two servers on one PostgreSQL project (tagged [postgresql]: ctest runs them with --store
// postgresql only). A commit through one server reaches the live sessions of the other at once,
// through the project's notices; the replicas of both converge.
#include "net/client/LiveSync.hpp"
#include "net/client/ReplicaSync.hpp"
#include "tests/net/LiveProbe.hpp"
#include "tests/net/ServerThread.hpp"
#include "tests/net/StoreUnderTest.hpp"
#include "tests/net/SyncFixture.hpp"
#include "tests/support/TempDir.hpp"

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
          "[postgresql][integration][live]")
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
