// What one address or one account can take from a server (issue 13): connections waiting for
// their login are capped per address, and operations per user and minute are rate limited.
#include "net/NetError.hpp"
#include "tests/net/AttackerSockets.hpp"
#include "tests/net/SyncFixture.hpp"

#include <atomic>

using namespace concord;
using namespace std::chrono_literals;
using test::LogRecorder;
using test::ServerThread;
using test::SyncFixture;

TEST_CASE("connections awaiting login are capped per address", "[integration][hardening][stores]")
{
    SyncFixture fixture(5);
    LogRecorder log;
    ServerThread server(fixture.project, 0, [&](net::ServerOptions& options) {
        options.maxUnauthenticatedPerAddress = 4;
        options.limits.handshakeTimeout = 60s;
        options.log = log.sink();
    });
    std::vector<std::unique_ptr<test::SilentConnection>> waiting;
    for (int i = 0; i < 4; ++i) {
        waiting.push_back(std::make_unique<test::SilentConnection>(server.port(), "127.0.0.1"));
    }
    // The fifth from the same address is closed at once, long before the handshake deadline.
    test::SilentConnection fifth(server.port(), "127.0.0.1");
    CHECK(fifth.waitUntilClosed(30s));
    CHECK(log.waitFor("too many connections from this address"));
    // Another address is not affected.
    test::RawTlsClient other(server.port(), 0, "127.0.0.2");
    CHECK_NOTHROW(other.hello("alice", fixture.tokens.at("alice")));
}

TEST_CASE("a user's operations per minute are rate limited", "[integration][hardening][stores]")
{
    SyncFixture fixture(5);
    std::atomic<std::int64_t> now{systemNowMs()};
    ServerThread server(fixture.project, 0, [&](net::ServerOptions& options) {
        options.maxOpsPerMinute = 100;
        options.clock = [&] { return now.load(); };
    });
    net::Client alice(server.endpoint(), 20s);
    alice.connect();
    alice.hello("alice", fixture.tokens.at("alice"), "", "alice-device");
    int next = 0;
    const auto ops = [&](int count) {
        std::vector<net::Operation> batch;
        for (int i = 0; i < count; ++i, ++next) {
            net::Operation operation;
            operation.opId = "alice-" + std::to_string(next);
            operation.sampleId = "s" + std::to_string(1 + next % 5);
            operation.annotator = "alice";
            operation.value = SyncFixture::label(next % 2 == 0 ? "pos" : "neg");
            operation.stamp = Stamp{hlc::fromMs(systemNowMs()) + next, "alice-device"};
            batch.push_back(std::move(operation));
        }
        return batch;
    };

    CHECK(alice.push(ops(60)).results.size() == 60);
    CHECK(alice.push(ops(40)).results.size() == 40);
    try {
        alice.push(ops(10));
        FAIL("the 101st operation of the minute was accepted");
    } catch (const net::ServerError& error) {
        CHECK(error.code() == net::ErrorCode::RateLimited);
        CHECK_FALSE(error.fatal());
        CHECK_THAT(error.what(), Catch::Contains("100 operations a minute"));
    }
    // Nothing of the refused push was applied, and the session goes on.
    CHECK(fixture.project.operations() == 100); // alice's: no one else writes
    // Half a minute later, half the allowance is back.
    now += 30'000;
    CHECK(alice.push(ops(50)).results.at(0).status == net::OpStatus::Applied);
    CHECK_THROWS_AS(alice.push(ops(5)), net::ServerError);
    // bob has his own allowance.
    net::Client bob(server.endpoint(), 20s);
    bob.connect();
    bob.hello("bob", fixture.tokens.at("bob"), "", "bob-device");
    net::Operation operation;
    operation.opId = "bob-1";
    operation.sampleId = "s1";
    operation.annotator = "bob";
    operation.value = SyncFixture::label("pos");
    operation.stamp = Stamp{hlc::fromMs(systemNowMs()), "bob-device"};
    CHECK(bob.push({operation}).results.at(0).status == net::OpStatus::Applied);
}
