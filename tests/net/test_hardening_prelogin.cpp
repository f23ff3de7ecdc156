// Before login a peer is a stranger (issue 13, "also seen"): its frames are capped small, so a
// connection cannot pin megabytes until the hello deadline, and anything but a hello closes the
// session with not_authenticated.
#include "net/NetError.hpp"
#include "tests/net/ErrorReplies.hpp"
#include "tests/net/SyncFixture.hpp"

using namespace concord;
using namespace std::chrono_literals;
using test::errorsUntilClosed;
using test::ServerThread;
using test::SyncFixture;

namespace {

std::string header(std::uint32_t size)
{
    return {static_cast<char>(size >> 24), static_cast<char>((size >> 16) & 0xFF),
            static_cast<char>((size >> 8) & 0xFF), static_cast<char>(size & 0xFF)};
}

} // namespace

TEST_CASE("before login, frames are capped small and only hello is taken", "[integration][hardening][stores]")
{
    SyncFixture fixture(5);
    ServerThread server(fixture.project);
    net::Client stranger(server.endpoint(), 20s);
    stranger.connect();

    SECTION("a frame announcing 64 KiB is refused at its header")
    {
        stranger.connection().writeRaw(header(64 * 1024) + std::string(100, '{'), 20s);
        const auto errors = errorsUntilClosed(stranger.connection());
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].code == net::ErrorCode::FrameTooLarge);
        CHECK(errors[0].fatal);
    }
    SECTION("an unknown message type is not_authenticated, and fatal")
    {
        stranger.connection().writeFrame(R"({"type":"launch","id":1})", 20s);
        const auto errors = errorsUntilClosed(stranger.connection());
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].code == net::ErrorCode::NotAuthenticated);
        CHECK(errors[0].fatal);
    }
    SECTION("the longest legal hello still fits")
    {
        net::Hello hello;
        hello.user = std::string(net::kMaxNameBytes, 'u');
        hello.token = std::string(net::kMaxNameBytes * 2, 't');
        hello.project = std::string(net::kMaxNameBytes, 'p');
        hello.client = std::string(net::kMaxNameBytes, 'c');
        stranger.connection().writeFrame(net::serialize(net::ClientMessage{hello}), 20s);
        const auto errors = errorsUntilClosed(stranger.connection());
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].code == net::ErrorCode::AuthFailed); // read and judged, not refused for its size
    }
}
