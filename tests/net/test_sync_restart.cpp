// The server restarted in the middle of a sync: the client reconnects with backoff and resumes
// from what it committed, and nothing is lost or applied twice.
#include "net/NetError.hpp"
#include "tests/net/SyncFixture.hpp"

#include <optional>

using namespace concord;
using test::ServerThread;
using test::SyncFixture;

TEST_CASE("sync: the server restarted mid-session, the client reconnects and finishes", "[integration][sync][stores]")
{
    SyncFixture fixture(200);
    auto server = std::make_unique<ServerThread>(fixture.project);
    const std::uint16_t port = server->port();
    fixture.join(*server, "alice", "alice");
    fixture.join(*server, "bob", "bob");

    auto alice = Project::open(fixture.replicaPath("alice"));
    for (int i = 1; i <= 200; ++i) {
        alice->annotate("s" + std::to_string(i), "alice", SyncFixture::label(i % 2 == 0 ? "pos" : "neg"));
    }

    auto options = SyncFixture::quickOptions();
    options.pushBatch = 20;
    options.pageSize = 25;
    options.retry.attempts = 20;
    int restarts = 0;
    int retries = 0;
    // After the first batch is acknowledged, the server goes down and comes back on the same
    // port; the sync in progress loses its connection.
    options.progress = Progress([&](const ProgressStep& step) {
        const std::string_view message = step.what;
        if (message.find("trying again") != std::string::npos) {
            ++retries;
        } else if (restarts == 0 && message.find("sent 20 operations") != std::string::npos) {
            ++restarts;
            server.reset();
            server = std::make_unique<ServerThread>(fixture.project, port);
        }
    });
    const auto report = net::syncReplica(*alice, options);
    CHECK(restarts == 1);
    CHECK(retries >= 1);
    CHECK(report.attempts >= 2);
    CHECK(alice->outbox().pendingCount() == 0);
    CHECK(report.pushed + report.duplicates == 200);
    CHECK(fixture.project.operations() == 200);
    CHECK(fixture.serverAnnotations() == 200);

    // The other replica resumes from its cursor across a restart while pulling in pages.
    auto bobOptions = SyncFixture::quickOptions();
    bobOptions.pageSize = 10;
    bobOptions.retry.attempts = 20;
    int pages = 0;
    bobOptions.progress = Progress([&](const ProgressStep& step) {
        if (step.what.find("received changes") != std::string::npos && ++pages == 3) {
            server.reset();
            server = std::make_unique<ServerThread>(fixture.project, port);
        }
    });
    auto bob = Project::open(fixture.replicaPath("bob"));
    const auto bobReport = net::syncReplica(*bob, bobOptions);
    CHECK(bobReport.attempts >= 2);
    // Pages committed before the restart are not fetched again.
    CHECK(bobReport.pulledAnnotations < 230);
    CHECK(bobReport.cursor == 200);
    CHECK(SyncFixture::digest(fixture.replicaPath("bob")) == fixture.serverDigest());
}

TEST_CASE("sync: with the server down, a sync fails after its attempts and loses nothing",
          "[integration][sync][stores]")
{
    SyncFixture fixture(3);
    std::uint16_t port = 0;
    {
        ServerThread server(fixture.project);
        port = server.port();
        fixture.join(server, "bob", "bob");
    }
    auto bob = Project::open(fixture.replicaPath("bob"));
    bob->annotate("s1", "bob", SyncFixture::label("pos"));
    auto options = SyncFixture::quickOptions();
    options.retry.attempts = 3;
    CHECK_THROWS_AS(net::syncReplica(*bob, options), net::NetError);
    CHECK(bob->outbox().pendingCount() == 1);

    ServerThread server(fixture.project, port);
    CHECK(net::syncReplica(*bob, options).pushed == 1);
}
