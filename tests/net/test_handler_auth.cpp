// The handshake through the Handler: versions, tokens, revocation, projects, and the rule
// that nothing but a hello is answered before one succeeds.
#include "tests/net/HandlerFixture.hpp"

using namespace concord;
using namespace concord::net;
using test::HandlerFixture;

namespace {

const ErrorReply& errorOf(const HandlerResult& result)
{
    REQUIRE(result.replies.size() == 1);
    const auto* error = std::get_if<ErrorReply>(&result.replies.front());
    REQUIRE(error != nullptr);
    return *error;
}

} // namespace

TEST_CASE("handler: a hello with the right token is welcomed with the role and the project", "[handler][stores]")
{
    HandlerFixture fixture;
    Identity anonymous;
    const auto result = fixture.send(anonymous, Hello{kProtocolVersion, "rita", fixture.tokens["rita"], "", "dev", ""});
    const auto& welcome = HandlerFixture::only<Welcome>(result);
    CHECK(welcome.user == "rita");
    CHECK(welcome.role == Role::Reviewer);
    CHECK(welcome.project.id == fixture.server->id());
    CHECK(welcome.project.name == "fixture");
    CHECK(welcome.project.schema["kind"] == "single");
    REQUIRE(result.identity.has_value());
    CHECK(result.identity->authenticated);
    CHECK(result.identity->client == "dev");

    // The project id stays the same across restarts, and a replica of it is let in.
    const std::string id = fixture.server->id();
    fixture.open();
    CHECK(fixture.server->id() == id);
    CHECK(HandlerFixture::only<Welcome>(
              fixture.send(anonymous, Hello{kProtocolVersion, "rita", fixture.tokens["rita"], id, "dev", ""}))
              .user == "rita");
}

TEST_CASE("handler: wrong tokens, unknown users, revoked users and other projects are refused", "[handler][stores]")
{
    HandlerFixture fixture;
    Identity anonymous;

    auto wrong = fixture.send(anonymous, Hello{kProtocolVersion, "alice", fixture.tokens["bob"], "", "dev", ""});
    CHECK(errorOf(wrong).code == ErrorCode::AuthFailed);
    CHECK(errorOf(wrong).fatal);
    CHECK(wrong.loginFailed);
    CHECK(wrong.close);
    CHECK_FALSE(wrong.identity.has_value());

    auto unknown = fixture.send(anonymous, Hello{kProtocolVersion, "mallory", fixture.tokens["bob"], "", "dev", ""});
    CHECK(errorOf(unknown).code == ErrorCode::AuthFailed);
    // The same words for both, so that a stranger cannot learn which names exist.
    CHECK(errorOf(unknown).message == errorOf(wrong).message);

    auto otherProject =
        fixture.send(anonymous, Hello{kProtocolVersion, "alice", fixture.tokens["alice"], "x", "d", ""});
    CHECK(errorOf(otherProject).code == ErrorCode::ProjectMismatch);

    auto future = fixture.send(anonymous, Hello{kProtocolVersion + 1, "alice", fixture.tokens["alice"], "", "d", ""});
    CHECK(errorOf(future).code == ErrorCode::UnsupportedVersion);
    CHECK_THAT(errorOf(future).message, Catch::Contains("protocol versions 1 to 3"));

    // A server of one project names it when a hello asks for another by name.
    auto otherName =
        fixture.send(anonymous, Hello{kProtocolVersion, "alice", fixture.tokens["alice"], "", "d", "elsewhere"});
    CHECK(errorOf(otherName).code == ErrorCode::UnknownProject);
    CHECK_THAT(errorOf(otherName).message, Catch::Contains("only, not 'elsewhere'"));

    const Identity alice = fixture.login("alice");
    REQUIRE(fixture.server->users().revoke("alice", fixture.clockMs));
    // Revocation takes effect on the session's next message...
    const auto afterRevoke = fixture.send(alice, Pull{1, 0, 10});
    CHECK(errorOf(afterRevoke).code == ErrorCode::Revoked);
    CHECK(afterRevoke.close);
    // ...and on any later login.
    auto revoked = fixture.send(anonymous, Hello{kProtocolVersion, "alice", fixture.tokens["alice"], "", "dev", ""});
    CHECK(errorOf(revoked).code == ErrorCode::Revoked);
    CHECK(revoked.loginFailed);
}

TEST_CASE("handler: requests before a hello are refused and close the session", "[handler][stores]")
{
    HandlerFixture fixture;
    Identity anonymous;
    for (const ClientMessage& message :
         {ClientMessage{Pull{1, 0, 10}}, ClientMessage{Push{2, {}}}, ClientMessage{NextRequest{3, 1}}}) {
        const auto result = fixture.send(anonymous, message);
        CHECK(errorOf(result).code == ErrorCode::NotAuthenticated);
        CHECK(result.close);
    }
    CHECK(fixture.server->log().head() == 0);

    const Identity alice = fixture.login("alice");
    const auto again = fixture.send(alice, Hello{kProtocolVersion, "bob", fixture.tokens["bob"], "", "dev", ""});
    CHECK(errorOf(again).code == ErrorCode::BadMessage);
    CHECK_FALSE(again.identity.has_value());
}

TEST_CASE("handler: a role changed on the server takes effect on the next message", "[handler]")
{
    HandlerFixture fixture;
    const Identity alice = fixture.login("alice");
    fixture.file().database().exec("UPDATE users SET role = 'reviewer' WHERE name = 'alice'");
    const auto result = fixture.send(alice, Push{1, {HandlerFixture::resolution("r1", "s1", "pos", fixture.stamp())}});
    CHECK(HandlerFixture::only<Ack>(result).results.at(0).status == OpStatus::Applied);
    REQUIRE(result.identity.has_value());
    CHECK(result.identity->role == Role::Reviewer);
}
