// A thousand silent TCP connections against a server with default options (issue 13): spread
// over 50 loopback addresses, so that the per-address cap on connections awaiting login does
// not decide it, they hold the server only until the handshake deadline; then every one is
// closed, the server's descriptors are back to their idle count, and an honest client logs in.
#include "tests/net/AttackerSockets.hpp"
#include "tests/net/SyncFixture.hpp"

#include <sys/resource.h>

#include <filesystem>
#include <thread>

using namespace concord;
using namespace std::chrono_literals;
using test::ServerThread;
using test::SyncFixture;

namespace {

std::size_t openDescriptors()
{
    std::size_t count = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) {
        ++count;
    }
    return count;
}

} // namespace

TEST_CASE("a thousand silent connections are closed at the deadline and an honest client gets in",
          "[integration][hardening][flood][stores]")
{
    constexpr int kAttackers = 1000;
    // The test holds a socket per attacker and the server (in this process) one more each.
    rlimit limit{};
    REQUIRE(::getrlimit(RLIMIT_NOFILE, &limit) == 0);
    INFO("the hard limit on open files is " << limit.rlim_max << "; this test needs 2 * " << kAttackers << " + 100");
    REQUIRE(limit.rlim_max >= 2 * kAttackers + 100);
    limit.rlim_cur = limit.rlim_max;
    REQUIRE(::setrlimit(RLIMIT_NOFILE, &limit) == 0);

    SyncFixture fixture(5);
    test::LogRecorder log;
    ServerThread server(fixture.project, 0, [&](net::ServerOptions& options) { options.log = log.sink(); });
    {
        // One login first, so that every lazily opened descriptor (the login checker's
        // connection) is open before the idle count is taken.
        net::Client warmUp(server.endpoint(), 20s);
        warmUp.connect();
        warmUp.hello("carol", fixture.tokens.at("carol"), "", "carol-device");
    }
    const std::size_t idle = openDescriptors();

    std::vector<std::unique_ptr<test::SilentConnection>> attackers;
    for (int i = 0; i < kAttackers; ++i) {
        attackers.push_back(
            std::make_unique<test::SilentConnection>(server.port(), "127.0.0." + std::to_string(2 + i % 50)));
    }
    const auto deadline = std::chrono::steady_clock::now() + 60s;
    int closed = 0;
    for (const auto& attacker : attackers) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        closed += left.count() > 0 && attacker->waitUntilClosed(left) ? 1 : 0;
    }
    CHECK(closed == kAttackers);
    CHECK(log.count("no hello arrived in time") == static_cast<std::size_t>(kAttackers));
    attackers.clear();

    {
        net::Client honest(server.endpoint(), 20s);
        honest.connect();
        CHECK(honest.hello("carol", fixture.tokens.at("carol"), "", "carol-device").user == "carol");
    }
    // Every attacker's descriptor is closed on both sides, and the honest session's once the
    // server has read its end: back to the idle count.
    const auto settled = std::chrono::steady_clock::now() + 20s;
    while (openDescriptors() > idle && std::chrono::steady_clock::now() < settled) {
        std::this_thread::sleep_for(10ms); // polling a count: there is no event to wait on
    }
    CHECK(openDescriptors() <= idle);
}
