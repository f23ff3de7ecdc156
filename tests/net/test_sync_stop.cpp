// A sync that waits on a server that never answers ends soon after its stop flag is set (the
// app closing), not at the end of its timeout, and leaves the outbox as it was.
#include "net/NetError.hpp"
#include "tests/net/BlackHole.hpp"
#include "tests/net/SyncFixture.hpp"

#include <atomic>
#include <chrono>
#include <thread>

using namespace concord;
using test::BlackHole;
using test::ServerThread;
using test::SyncFixture;

TEST_CASE("sync: a stop request ends a sync waiting on a silent server before its timeout",
          "[integration][sync][stores]")
{
    SyncFixture fixture(2);
    std::uint16_t port = 0;
    {
        ServerThread server(fixture.project);
        port = server.port();
        fixture.join(server, "bob", "bob");
    }
    auto bob = Project::open(fixture.replicaPath("bob"));
    bob->annotate("s1", "bob", SyncFixture::label("pos"));
    BlackHole silent(port);

    std::atomic<bool> stop{false};
    net::SyncOptions options;
    options.timeout = std::chrono::seconds(60);
    options.retry.attempts = 1;
    options.progress = Progress({}, &stop);
    std::thread closer([&stop] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        stop = true;
    });
    const auto start = std::chrono::steady_clock::now();
    CHECK_THROWS_AS(net::syncReplica(*bob, options), net::NetError);
    const auto waited = std::chrono::steady_clock::now() - start;
    closer.join();
    // Stopped, not timed out: far below the 60 s the handshake would otherwise have waited.
    CHECK(waited < std::chrono::seconds(30));
    CHECK(waited >= std::chrono::milliseconds(300));
    CHECK(bob->outbox().pendingCount() == 1);
}
