// A sync that waits on a server that never answers ends soon after its stop flag is set (the
// app closing), not at the end of its timeout, and leaves the outbox as it was.
#include "net/NetError.hpp"
#include "tests/net/SyncFixture.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>

using namespace concord;
using test::ServerThread;
using test::SyncFixture;

namespace {

// A TCP listener that accepts nothing: the kernel completes the connection, and the TLS
// handshake then waits for an answer that never comes.
class SilentListener
{
public:
    explicit SilentListener(std::uint16_t port)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        REQUIRE(m_fd >= 0);
        const int yes = 1;
        ::setsockopt(m_fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::bind(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
        REQUIRE(::listen(m_fd, 8) == 0);
    }
    ~SilentListener() { ::close(m_fd); }
    SilentListener(const SilentListener&) = delete;
    SilentListener& operator=(const SilentListener&) = delete;

private:
    int m_fd = -1;
};

} // namespace

TEST_CASE("sync: a stop request ends a sync waiting on a silent server before its timeout", "[integration][sync]")
{
    SyncFixture fixture(2);
    std::uint16_t port = 0;
    {
        ServerThread server(fixture.serverPath());
        port = server.port();
        fixture.join(server, "bob", "bob");
    }
    auto bob = Project::open(fixture.replicaPath("bob"));
    bob->annotate("s1", "bob", SyncFixture::label("pos"));
    SilentListener silent(port);

    std::atomic<bool> stop{false};
    net::SyncOptions options;
    options.timeout = std::chrono::seconds(60);
    options.retry.attempts = 1;
    options.stop = &stop;
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
