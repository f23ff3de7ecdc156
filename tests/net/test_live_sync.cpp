// Live sessions (net::LiveSync) against a real TLS server on loopback: a teammate's label
// arrives on the server's notice with no polling, the session survives a server restart and
// sends what was labeled offline, pings keep it open past the server's idle limit, and stop()
// ends it wherever it is. Every wait is for an event, with a generous bound.
#include "net/client/LiveSync.hpp"
#include "tests/net/BlackHole.hpp"
#include "tests/net/LiveProbe.hpp"
#include "tests/net/SyncFixture.hpp"

#include <chrono>

using namespace concord;
using test::LiveProbe;
using test::ServerThread;
using test::SyncFixture;
using namespace std::chrono_literals;

namespace {

// Quick reconnects, and no keep-alive ping within any test's span unless the server's idle
// limit asks for one: whatever reaches the replica came through a notice.
net::LiveOptions liveOptions()
{
    net::LiveOptions options;
    options.sync = SyncFixture::quickOptions();
    options.reconnect = net::RetryPolicy{0, 20ms, 200ms};
    options.pingInterval = std::chrono::hours(1);
    return options;
}

bool hasSynced(const LiveProbe& probe)
{
    return !probe.syncs.empty();
}

} // namespace

TEST_CASE("live: a label pushed by one replica reaches a live replica on the server's notice, without polling",
          "[integration][live][stores]")
{
    SyncFixture fixture(5);
    ServerThread server(fixture.project);
    fixture.join(server, "alice", "alice");
    fixture.join(server, "bob", "bob");

    LiveProbe bobProbe;
    net::LiveSync bob(fixture.replicaPath("bob"), liveOptions(), bobProbe.callbacks());
    bob.start();
    LiveProbe aliceProbe;
    net::LiveSync alice(fixture.replicaPath("alice"), liveOptions(), aliceProbe.callbacks());
    alice.start();
    REQUIRE(bobProbe.waitFor(hasSynced));
    REQUIRE(aliceProbe.waitFor(hasSynced));

    // Alice labels in her app (its own connection to the file) and tells her session.
    {
        auto replica = Project::open(fixture.replicaPath("alice"));
        replica->annotate("s2", "alice", SyncFixture::label("neg"));
    }
    alice.pushSoon();
    REQUIRE(aliceProbe.waitFor([](const LiveProbe& probe) { return probe.sent() == 1 && probe.pending == 0; }));
    REQUIRE(bobProbe.waitFor([](const LiveProbe& probe) { return probe.received(net::LiveCause::Notice) == 1; }));

    CHECK(SyncFixture::digest(fixture.replicaPath("bob"), "alice") == fixture.serverDigest("alice"));
    CHECK(SyncFixture::count(fixture.replicaPath("bob"), "SELECT count(*) FROM annotations") == 1);
    bob.stop();
    alice.stop();
    bobProbe.read([](const LiveProbe& probe) {
        CHECK(probe.connects == 1); // one connection all along
        CHECK(probe.offlines == 0);
        CHECK(probe.pongs == 0); // nothing but the notice made it ask
        return 0;
    });
}

TEST_CASE("live: the session survives a server restart and then receives the changes made meanwhile",
          "[integration][live][stores]")
{
    SyncFixture fixture(5);
    auto server = std::make_unique<ServerThread>(fixture.project);
    const std::uint16_t port = server->port();
    fixture.join(*server, "alice", "alice");
    fixture.join(*server, "bob", "bob");

    LiveProbe probe;
    net::LiveSync bob(fixture.replicaPath("bob"), liveOptions(), probe.callbacks());
    bob.start();
    REQUIRE(probe.waitFor(hasSynced));

    server.reset();
    REQUIRE(probe.waitFor([](const LiveProbe& p) { return p.offlines >= 1; }));
    // While the server is down, its project changes: a project file as the app that hosts it
    // labels, a store through another server (here, applied as a server would).
    if (fixture.project.kind() == test::StoreKind::Sqlite) {
        auto hosted = Project::open(fixture.serverPath());
        hosted->annotate("s1", "carol", SyncFixture::label("pos"));
    } else {
        net::Operation operation;
        operation.opId = "carol-1";
        operation.sampleId = "s1";
        operation.annotator = "carol";
        operation.value = SyncFixture::label("pos");
        operation.stamp = Stamp{hlc::fromMs(systemNowMs()), "carol-device"};
        REQUIRE(fixture.project.apply("carol", Role::Annotator, operation) > 0);
    }
    server = std::make_unique<ServerThread>(fixture.project, port);
    REQUIRE(probe.waitFor([](const LiveProbe& p) { return p.received(net::LiveCause::Connected) == 1; }));
    CHECK(SyncFixture::digest(fixture.replicaPath("bob"), "carol") == fixture.serverDigest("carol"));

    // And it is live again: a label synced by alice arrives on the notice.
    {
        auto alice = Project::open(fixture.replicaPath("alice"));
        alice->annotate("s3", "alice", SyncFixture::label("neutral"));
        REQUIRE(net::syncReplica(*alice, SyncFixture::quickOptions()).pushed == 1);
    }
    REQUIRE(probe.waitFor([](const LiveProbe& p) { return p.received(net::LiveCause::Notice) == 1; }));
    CHECK(SyncFixture::digest(fixture.replicaPath("bob")) == fixture.serverDigest());
    bob.stop();
    CHECK(probe.read([](const LiveProbe& p) { return p.connects; }) == 2);
}

TEST_CASE("live: labels made while the server is down stay pending and go after reconnecting",
          "[integration][live][stores]")
{
    SyncFixture fixture(5);
    auto server = std::make_unique<ServerThread>(fixture.project);
    const std::uint16_t port = server->port();
    fixture.join(*server, "bob", "bob");
    server.reset();

    LiveProbe probe;
    net::LiveSync live(fixture.replicaPath("bob"), liveOptions(), probe.callbacks());
    live.start();
    REQUIRE(probe.waitFor([](const LiveProbe& p) { return p.offlines >= 1; }));
    auto bob = Project::open(fixture.replicaPath("bob"));
    bob->annotate("s1", "bob", SyncFixture::label("pos"));
    bob->annotate("s2", "bob", SyncFixture::label("neg"));
    live.pushSoon();
    REQUIRE(probe.waitFor([](const LiveProbe& p) { return p.pending == 2; }));
    CHECK(bob->outbox().pendingCount() == 2);

    server = std::make_unique<ServerThread>(fixture.project, port);
    REQUIRE(probe.waitFor([](const LiveProbe& p) { return p.sent() == 2 && p.pending == 0; }));
    CHECK(bob->outbox().pendingCount() == 0);
    CHECK(fixture.serverAnnotations("bob") == 2);

    // An edit while connected goes at once.
    bob->annotate("s3", "bob", SyncFixture::label("neutral"));
    live.pushSoon();
    REQUIRE(probe.waitFor([](const LiveProbe& p) { return p.sent() == 3 && p.pending == 0; }));
    CHECK(fixture.project.operations() == 3);
}

TEST_CASE("live: pings keep an idle session open past the server's idle limit", "[integration][live][stores]")
{
    SyncFixture fixture(2);
    ServerThread server(fixture.project, 0,
                        [](net::ServerOptions& options) { options.limits.idleTimeout = std::chrono::seconds(1); });
    fixture.join(server, "bob", "bob");

    auto options = liveOptions();
    options.pingInterval = std::chrono::seconds(30); // lowered by the welcome's idle limit
    LiveProbe probe;
    net::LiveSync live(fixture.replicaPath("bob"), options, probe.callbacks());
    live.start();
    REQUIRE(probe.waitFor([](const LiveProbe& p) { return p.connects == 1; }));
    CHECK(probe.read([](const LiveProbe& p) { return p.lastConnected.pingInterval; }) == 333ms);
    // Four answered pings a third of the limit apart span more than the limit.
    REQUIRE(probe.waitFor([](const LiveProbe& p) { return p.pongs >= 4; }));
    live.stop();
    probe.read([](const LiveProbe& p) {
        CHECK(p.connects == 1);
        CHECK(p.offlines == 0);
        return 0;
    });
}

TEST_CASE("live: an assignment is asked on the open connection, and refused at once while offline",
          "[integration][live][stores]")
{
    SyncFixture fixture(6);
    auto server = std::make_unique<ServerThread>(fixture.project);
    fixture.join(*server, "bob", "bob");
    LiveProbe probe;
    net::LiveSync live(fixture.replicaPath("bob"), liveOptions(), probe.callbacks());
    live.start();
    REQUIRE(probe.waitFor(hasSynced));
    live.requestAssignment(3);
    REQUIRE(probe.waitFor([](const LiveProbe& p) { return p.assigned.has_value(); }));
    CHECK(probe.read([](const LiveProbe& p) { return p.assigned->samples.size(); }) == 3);

    server.reset();
    REQUIRE(probe.waitFor([](const LiveProbe& p) { return p.offlines >= 1; }));
    live.requestAssignment(3);
    REQUIRE(probe.waitFor([](const LiveProbe& p) { return p.assignmentFailure.has_value(); }));
    CHECK_THAT(*probe.read([](const LiveProbe& p) { return p.assignmentFailure; }), Catch::StartsWith("offline: "));
    CHECK(probe.read([](const LiveProbe& p) { return p.connects; }) == 1);
}

TEST_CASE("live: stop() ends the session promptly wherever it is", "[integration][live][stores]")
{
    SyncFixture fixture(2);
    auto server = std::make_unique<ServerThread>(fixture.project);
    const std::uint16_t port = server->port();
    fixture.join(*server, "bob", "bob");
    // Each answer may take a minute and the next reconnection is a minute away: only stop()
    // can end these sessions within the bound.
    auto options = liveOptions();
    options.sync.timeout = std::chrono::seconds(60);
    options.reconnect = net::RetryPolicy{0, std::chrono::seconds(60), std::chrono::seconds(60)};
    LiveProbe probe;
    auto live = std::make_unique<net::LiveSync>(fixture.replicaPath("bob"), options, probe.callbacks());
    // stop(), then the destructor waits for the session's thread.
    const auto stopsPromptly = [&live] {
        const auto start = std::chrono::steady_clock::now();
        live->stop();
        live.reset();
        return std::chrono::steady_clock::now() - start < std::chrono::seconds(20);
    };

    SECTION("connected and waiting for a notice")
    {
        live->start();
        REQUIRE(probe.waitFor(hasSynced));
        CHECK(stopsPromptly());
    }
    SECTION("offline, waiting to reconnect")
    {
        server.reset();
        live->start();
        REQUIRE(probe.waitFor([](const LiveProbe& p) { return p.offlines == 1; }));
        CHECK(stopsPromptly());
    }
    SECTION("connecting to a server that never answers the handshake")
    {
        server.reset();
        test::BlackHole silent(port);
        live->start();
        REQUIRE(silent.takeOne(std::chrono::seconds(60)));
        CHECK(stopsPromptly());
        CHECK(probe.read([](const LiveProbe& p) { return p.connects + p.offlines; }) == 0);
    }
    auto bob = Project::open(fixture.replicaPath("bob"));
    CHECK(bob->outbox().pendingCount() == 0);
}

TEST_CASE("live: samples imported into the server's file by another process arrive with refreshEvery",
          "[integration][live]")
{
    SyncFixture fixture(2);
    ServerThread server(fixture.project);
    fixture.join(server, "bob", "bob");

    auto options = liveOptions();
    options.refreshEvery = 100ms;
    LiveProbe probe;
    net::LiveSync bob(fixture.replicaPath("bob"), options, probe.callbacks());
    bob.start();
    REQUIRE(probe.waitFor(hasSynced));
    CHECK(SyncFixture::count(fixture.replicaPath("bob"), "SELECT count(*) FROM samples") == 2);

    // Written beside the running server, as `concord-cli import` would: no notice follows.
    {
        auto hosted = Project::open(fixture.serverPath());
        hosted->samples().insert("late", "a sample imported later", "{}");
    }
    REQUIRE(probe.waitFor([](const LiveProbe& p) {
        for (const auto& synced : p.syncs) {
            if (synced.cause == net::LiveCause::Refresh && synced.report.newSamples == 1) {
                return true;
            }
        }
        return false;
    }));
    CHECK(SyncFixture::count(fixture.replicaPath("bob"), "SELECT count(*) FROM samples") == 3);
    bob.stop();
    CHECK(probe.read([](const LiveProbe& p) { return p.connects; }) == 1); // on the same connection
}
