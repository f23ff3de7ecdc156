// Revocation and the login throttle (issue 13, defects 5 and 6). The throttle's delays are read
// from the server's log ("login refused, answering in N ms"), so the tests assert on what the
// server decided, not on how long anything took.
#include "net/NetError.hpp"
#include "net/server/ServerProject.hpp"
#include "tests/net/AttackerSockets.hpp"
#include "tests/net/SyncFixture.hpp"

#include <atomic>
#include <thread>

using namespace concord;
using namespace std::chrono_literals;
using test::LogRecorder;
using test::ServerThread;
using test::SyncFixture;

namespace {

void revoke(SyncFixture& fixture, const std::string& user)
{
    // As `concord-cli user revoke` does, beside the running server.
    auto store = fixture.project.open();
    REQUIRE(store->users().revoke(user, store->now()));
}

// Every message until the server closes the connection (or stays silent for `quiet`).
std::vector<net::ServerMessage> messagesUntilClosed(net::Connection& connection, std::chrono::milliseconds quiet)
{
    std::vector<net::ServerMessage> messages;
    try {
        while (auto payload = connection.readFrame(quiet)) {
            messages.push_back(net::parseServerMessage(*payload));
        }
    } catch (const net::NetError&) {
        return messages; // closed
    }
    FAIL("the server kept the connection open");
    return messages;
}

// The delays the server logged for refused logins, in the order it decided them.
std::vector<long> loggedDelays(const LogRecorder& log)
{
    std::vector<long> delays;
    for (const auto& line : log.lines()) {
        const std::string marker = "answering in ";
        if (const auto at = line.find(marker); at != std::string::npos) {
            delays.push_back(std::stol(line.substr(at + marker.size())));
        }
    }
    return delays;
}

// A login with a wrong token; true when the server refused it. No Catch2 assertion inside:
// guessers run on threads of their own.
bool refusedLogin(const ServerThread& server, const std::string& user)
{
    net::Client guesser(server.endpoint(), 30s);
    guesser.connect();
    try {
        guesser.hello(user, std::string(64, '0'), "", "guesser");
    } catch (const net::ServerError& error) {
        return error.code() == net::ErrorCode::AuthFailed;
    }
    return false;
}

} // namespace

TEST_CASE("defect 5: a revoked session is closed at its next message, pings included",
          "[integration][hardening][stores]")
{
    SyncFixture fixture(5);
    ServerThread server(fixture.project);

    net::Client alice(server.endpoint(), 20s);
    alice.connect();
    alice.hello("alice", fixture.tokens.at("alice"), "", "alice-device");
    alice.ping();
    revoke(fixture, "alice");

    SECTION("a ping")
    {
        try {
            alice.ping();
            FAIL("a revoked user's ping was answered");
        } catch (const net::ServerError& error) {
            CHECK(error.code() == net::ErrorCode::Revoked);
            CHECK(error.fatal());
        }
    }
    SECTION("no more notices of others' changes")
    {
        net::Client bob(server.endpoint(), 20s);
        bob.connect();
        bob.hello("bob", fixture.tokens.at("bob"), "", "bob-device");
        net::Operation operation;
        operation.opId = "bob-1";
        operation.sampleId = "s1";
        operation.annotator = "bob";
        operation.value = SyncFixture::label("pos");
        operation.stamp = Stamp{hlc::fromMs(systemNowMs()), "bob-device"};
        REQUIRE(bob.push({operation}).results.at(0).status == net::OpStatus::Applied);

        const auto messages = messagesUntilClosed(alice.connection(), 10s);
        bool noticed = false;
        bool toldRevoked = false;
        for (const auto& message : messages) {
            noticed = noticed || std::holds_alternative<net::Notice>(message);
            if (const auto* error = std::get_if<net::ErrorReply>(&message)) {
                toldRevoked = toldRevoked || error->code == net::ErrorCode::Revoked;
            }
        }
        CHECK_FALSE(noticed);
        CHECK(toldRevoked);
    }
}

TEST_CASE("defect 6: the login throttle is per address and user, across connections",
          "[integration][hardening][stores]")
{
    SyncFixture fixture(5);
    LogRecorder log;
    ServerThread server(fixture.project, 0, [&](net::ServerOptions& options) { options.log = log.sink(); });

    SECTION("another user's login does not reset the delays for the address")
    {
        for (int i = 0; i < 4; ++i) {
            CHECK(refusedLogin(server, "adam"));
        }
        net::Client alice(server.endpoint(), 20s);
        alice.connect();
        alice.hello("alice", fixture.tokens.at("alice"), "", "alice-device");
        alice.close();
        CHECK(refusedLogin(server, "adam"));
        const auto delays = loggedDelays(log);
        REQUIRE(delays.size() == 5);
        CHECK(delays[4] > delays[3]);
    }
    SECTION("guesses in parallel are answered one after another")
    {
        constexpr int kGuessers = 3;
        std::atomic<int> refused{0};
        std::vector<std::thread> guessers;
        for (int i = 0; i < kGuessers; ++i) {
            guessers.emplace_back([&] { refused += refusedLogin(server, "adam") ? 1 : 0; });
        }
        for (auto& guesser : guessers) {
            guesser.join();
        }
        CHECK(refused == kGuessers);
        auto delays = loggedDelays(log);
        REQUIRE(delays.size() == kGuessers);
        std::sort(delays.begin(), delays.end());
        // 250, 500 and 1000 ms each after the one before: the last is answered after about
        // 1.75 s rather than 1 s. A little slack for the moments between the three decisions.
        CHECK(delays[1] >= 250 + 500 - 100);
        CHECK(delays[2] >= 250 + 500 + 1000 - 100);
    }
}
