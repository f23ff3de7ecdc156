// Hostile clients with valid tokens and without: each attack is refused, and an honest client
// working alongside on another thread sees every one of its operations acknowledged.
#include "net/NetError.hpp"
#include "net/protocol/ProtocolError.hpp"
#include "tests/net/ErrorReplies.hpp"
#include "tests/net/SyncFixture.hpp"

#include <atomic>
#include <thread>

using namespace concord;
using namespace std::chrono_literals;
using test::errorsUntilClosed;
using test::ServerThread;
using test::SyncFixture;

namespace {

std::unique_ptr<net::Client> loggedIn(const ServerThread& server, SyncFixture& fixture, const std::string& user)
{
    auto client = std::make_unique<net::Client>(server.endpoint(), 20s);
    client->connect();
    client->hello(user, fixture.tokens.at(user), "", "hostile-" + user);
    return client;
}

net::Operation annotation(const std::string& opId, const std::string& sample, const std::string& annotator)
{
    net::Operation operation;
    operation.opId = opId;
    operation.sampleId = sample;
    operation.annotator = annotator;
    operation.value = {{"labels", {"pos"}}};
    operation.stamp = Stamp{hlc::fromMs(systemNowMs()), "hostile"};
    return operation;
}

} // namespace

TEST_CASE("hostile clients are refused while an honest client keeps working", "[integration][hostile][stores]")
{
    SyncFixture fixture(50, true);
    ServerThread server(fixture.project);
    fixture.join(server, "bob", "bob");
    {
        // bob labels first, so that there is something to try to steal.
        auto bob = Project::open(fixture.replicaPath("bob"));
        bob->annotate("s1", "bob", SyncFixture::label("neg"));
        net::syncReplica(*bob, SyncFixture::quickOptions());
    }

    // The honest client: carol pushes one label at a time and pulls, until told to stop.
    std::atomic<bool> done{false};
    std::atomic<int> acknowledged{0};
    std::atomic<int> failures{0};
    std::thread honest([&] {
        try {
            net::Client carol(server.endpoint(), 20s);
            carol.connect();
            carol.hello("carol", fixture.tokens.at("carol"), "", "carol-device");
            for (int i = 2; i <= 50 && (!done || i < 10); ++i) {
                auto op = annotation("carol-" + std::to_string(i), "s" + std::to_string(i), "carol");
                op.stamp.client = "carol-device";
                const auto ack = carol.push({op});
                if (ack.results.at(0).status == net::OpStatus::Applied) {
                    ++acknowledged;
                } else {
                    ++failures;
                }
                carol.pull(0, 100);
            }
        } catch (const std::exception&) {
            ++failures;
        }
    });

    SECTION("writing another annotator's row")
    {
        const auto session = loggedIn(server, fixture, "alice");
        auto& alice = *session;
        const auto ack = alice.push({annotation("steal", "s1", "bob")});
        CHECK(ack.results.at(0).code == net::ErrorCode::Forbidden);
        CHECK_FALSE(ack.results.at(0).current.has_value()); // blind: not even a glimpse
    }
    SECTION("resolving as an annotator")
    {
        const auto session = loggedIn(server, fixture, "alice");
        auto& alice = *session;
        auto op = annotation("gold", "s1", "alice");
        op.kind = OperationKind::Resolve;
        CHECK(alice.push({op}).results.at(0).code == net::ErrorCode::Forbidden);
    }
    SECTION("reading others' labels in blind mode")
    {
        const auto session = loggedIn(server, fixture, "alice");
        auto& alice = *session;
        for (std::int64_t after = 0;;) {
            const auto page = alice.pull(after, 1000);
            CHECK(page.annotations.empty());
            CHECK(page.resolutions.empty());
            after = page.next;
            if (!page.more) {
                break;
            }
        }
    }
    SECTION("an oversized frame")
    {
        const auto session = loggedIn(server, fixture, "alice");
        auto& alice = *session;
        const std::uint32_t size = net::kMaxFrameBytes + 1;
        const std::string header = {static_cast<char>(size >> 24), static_cast<char>((size >> 16) & 0xFF),
                                    static_cast<char>((size >> 8) & 0xFF), static_cast<char>(size & 0xFF)};
        alice.connection().writeRaw(header + std::string(1000, 'x'), 20s);
        const auto errors = errorsUntilClosed(alice.connection());
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].code == net::ErrorCode::FrameTooLarge);
        CHECK(errors[0].fatal);
    }
    SECTION("a truncated frame, then the connection closes")
    {
        const auto session = loggedIn(server, fixture, "alice");
        auto& alice = *session;
        const std::string frame = net::encodeFrame(R"({"type":"ping","id":1})");
        alice.connection().writeRaw(frame.substr(0, frame.size() / 2), 20s);
        alice.close();
    }
    SECTION("a frame that is not JSON")
    {
        const auto session = loggedIn(server, fixture, "alice");
        auto& alice = *session;
        alice.connection().writeFrame("this is not json", 20s);
        const auto errors = errorsUntilClosed(alice.connection());
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].code == net::ErrorCode::BadJson);
    }
    SECTION("wrongly typed messages: refused one by one, then the session is closed")
    {
        const auto session = loggedIn(server, fixture, "alice");
        auto& alice = *session;
        alice.connection().writeFrame(R"({"type":"pull","id":5,"after":"everything"})", 20s);
        auto reply = net::parseServerMessage(*alice.connection().readFrame(20s));
        auto* error = std::get_if<net::ErrorReply>(&reply);
        REQUIRE(error != nullptr);
        CHECK(error->code == net::ErrorCode::BadMessage);
        CHECK(error->id == 5);
        CHECK_FALSE(error->fatal);
        CHECK_THAT(error->message, Catch::Contains("pull.after"));
        alice.ping(); // still served
        alice.connection().writeFrame(R"({"type":"push","id":6,"ops":[{"op":1}]})", 20s);
        alice.connection().writeFrame(R"({"type":"next","id":7,"count":"all"})", 20s);
        alice.connection().writeFrame(R"({"type":"launch","id":8})", 20s);
        const auto errors = errorsUntilClosed(alice.connection());
        REQUIRE(errors.size() == 3);
        CHECK(errors[2].fatal);
    }
    SECTION("requests without a hello, and garbage instead of TLS")
    {
        net::Client anonymous(server.endpoint(), 20s);
        anonymous.connect();
        anonymous.connection().writeFrame(R"({"type":"pull","id":1,"after":0})", 20s);
        const auto errors = errorsUntilClosed(anonymous.connection());
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].code == net::ErrorCode::NotAuthenticated);

        boost::asio::io_context io;
        boost::asio::ip::tcp::socket raw(io);
        raw.connect({boost::asio::ip::make_address("127.0.0.1"), server.port()});
        boost::asio::write(raw, boost::asio::buffer(std::string("GET / HTTP/1.0\r\n\r\n")));
        char buffer[256];
        boost::system::error_code ended;
        while (!ended) {
            raw.read_some(boost::asio::buffer(buffer), ended);
        }
    }
    SECTION("a wrong token")
    {
        net::Client stranger(server.endpoint(), 20s);
        stranger.connect();
        try {
            stranger.hello("alice", std::string(64, '0'), "", "x");
            FAIL("a wrong token was accepted");
        } catch (const net::ServerError& error) {
            CHECK(error.code() == net::ErrorCode::AuthFailed);
            CHECK(error.fatal());
        }
    }

    done = true;
    honest.join();
    CHECK(failures == 0);
    CHECK(acknowledged >= 8);
    // Nothing the attacks tried was stored.
    CHECK(fixture.serverAnnotations("bob") == 1);
    for (const auto& entry : fixture.project.logEntries()) {
        INFO(entry.kind << " by " << entry.user);
        CHECK(entry.user != "alice");
        CHECK(entry.kind != "resolve");
    }
}
