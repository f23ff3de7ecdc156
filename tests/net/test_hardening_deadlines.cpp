// Deadlines close the socket for certain (issue 13, defects 1 to 3): a peer that never says
// hello, one that stops reading, and an idle limit shorter than the hello deadline. Each test
// waits for the close itself (the attacker's socket ends), with a bound far above the deadline
// after which it fails.
#include "tests/net/AttackerSockets.hpp"
#include "tests/net/SyncFixture.hpp"

using namespace concord;
using namespace std::chrono_literals;
using test::LogRecorder;
using test::ServerThread;
using test::SyncFixture;

namespace {

// An honest client that logs in and is answered.
void honestLogin(const ServerThread& server, SyncFixture& fixture)
{
    net::Client carol(server.endpoint(), 20s);
    carol.connect();
    const auto welcome = carol.hello("carol", fixture.tokens.at("carol"), "", "carol-device");
    CHECK(welcome.user == "carol");
    carol.ping();
}

} // namespace

TEST_CASE("defect 1: silent TCP connections are closed at the hello deadline", "[integration][hardening][stores]")
{
    SyncFixture fixture(5);
    LogRecorder log;
    ServerThread server(fixture.project, 0, [&](net::ServerOptions& options) {
        options.limits.handshakeTimeout = 1s;
        options.limits.helloTimeout = 1s;
        options.log = log.sink();
    });

    SECTION("plain TCP, not even a TLS handshake")
    {
        std::vector<std::unique_ptr<test::SilentConnection>> attackers;
        for (int i = 0; i < 16; ++i) {
            attackers.push_back(std::make_unique<test::SilentConnection>(server.port()));
        }
        int closed = 0;
        for (const auto& attacker : attackers) {
            closed += attacker->waitUntilClosed(30s) ? 1 : 0;
        }
        CHECK(closed == 16);
        CHECK(log.count("no hello arrived in time") == 16);
        honestLogin(server, fixture);
    }
    SECTION("a TLS handshake, then nothing, and nothing read")
    {
        test::RawTlsClient attacker(server.port());
        CHECK(test::waitUntilClosed(attacker.fd(), 30s));
        CHECK(log.count("no hello arrived in time") == 1);
        honestLogin(server, fixture);
    }
}

TEST_CASE("defect 2: a client that stops reading is disconnected", "[integration][hardening][stores]")
{
    SyncFixture fixture(0);
    {
        // 40 samples of 200 KiB: each samples page is about 1 MiB, far more than the socket
        // buffers hold once the client stops reading.
        std::vector<Sample> big;
        for (int i = 0; i < 40; ++i) {
            big.push_back(Sample{0, "big" + std::to_string(i), std::string(200 * 1024, 'a' + i % 26), "{}", ""});
        }
        fixture.project.addRecords(big);
    }
    LogRecorder log;
    ServerThread server(fixture.project, 0, [&](net::ServerOptions& options) {
        options.limits.idleTimeout = 1s;
        options.log = log.sink();
    });

    test::RawTlsClient attacker(server.port(), 4096);
    attacker.hello("alice", fixture.tokens.at("alice"));
    for (int i = 1; i <= 40; ++i) {
        attacker.writeFrame(net::serialize(net::ClientMessage{net::SamplesRequest{i, 0, 1000}}));
    }
    // Nothing is read from here on: only an abortive close (a reset) can show.
    CHECK(test::waitUntilClosed(attacker.fd(), 30s, false));
    honestLogin(server, fixture);
}

TEST_CASE("defect 3: an idle limit shorter than the hello deadline is honoured", "[integration][hardening][stores]")
{
    SyncFixture fixture(5);
    LogRecorder log;
    ServerThread server(fixture.project, 0, [&](net::ServerOptions& options) {
        options.limits.helloTimeout = 120s;
        options.limits.idleTimeout = 1s;
        options.log = log.sink();
    });

    test::RawTlsClient client(server.port());
    client.hello("alice", fixture.tokens.at("alice"));
    // Closed after about a second of silence, long before the hello deadline of two minutes.
    CHECK(test::waitUntilClosed(client.fd(), 30s));
    CHECK(log.count("idle for too long") == 1);
}
