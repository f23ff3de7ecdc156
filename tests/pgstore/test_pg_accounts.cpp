// Accounts are server-wide, roles per project: one user with one token annotates in two
// projects with a different role in each, and is nobody in a third that granted them nothing.
// A role taken away ends their access to that project only; a revoked account ends it everywhere.
#include "net/auth/Accounts.hpp"
#include "pgstore/Connection.hpp"
#include "pgstore/ProjectUsers.hpp"
#include "pgstore/Projects.hpp"
#include "tests/support/PgCluster.hpp"

#include <catch2/catch.hpp>

using namespace concord;

TEST_CASE("postgres accounts: one token in several projects, a role per project, nobody elsewhere", "[pgstore]")
{
    pg::Connection connection(test::PgCluster::shared().freshDatabase());
    const auto reviews = pg::createProject(connection, "reviews");
    const auto chats = pg::createProject(connection, "chats");
    const auto secret = pg::createProject(connection, "secret");
    pg::ProjectUsers inReviews(connection, reviews.id), inChats(connection, chats.id), inSecret(connection, secret.id);

    const std::string token = net::addUser(inReviews, "ana", Role::Annotator, 1000);
    CHECK_THROWS_WITH(net::addUser(inChats, "ana", Role::Reviewer, 1001),
                      Catch::Contains("a user named 'ana' exists already"));
    pg::grantRole(connection, chats.id, "ana", Role::Reviewer, 1002);

    const net::Login inOne = net::checkLogin(inReviews, "ana", token);
    REQUIRE(inOne.outcome == net::LoginOutcome::Accepted);
    CHECK(inOne.user->role == Role::Annotator);
    const net::Login inTwo = net::checkLogin(inChats, "ana", token);
    REQUIRE(inTwo.outcome == net::LoginOutcome::Accepted);
    CHECK(inTwo.user->role == Role::Reviewer);
    // Nobody there: the right token is told it has no role here, a wrong one is refused as ever.
    CHECK(net::checkLogin(inSecret, "ana", token).outcome == net::LoginOutcome::NoRole);
    CHECK_FALSE(net::checkLogin(inSecret, "ana", token).user.has_value());
    CHECK(net::checkLogin(inSecret, "ana", std::string(64, '0')).outcome == net::LoginOutcome::Refused);
    CHECK(net::checkLogin(inReviews, "ana", std::string(64, '0')).outcome == net::LoginOutcome::Refused);
    CHECK(inSecret.list().empty());
    REQUIRE(inChats.list().size() == 1);
    CHECK_THROWS_WITH(pg::grantRole(connection, secret.id, "bob", Role::Admin, 1003),
                      "no user named 'bob' on this server");

    // The role in one project taken away: refused there as revoked, still welcome in the other.
    CHECK(inReviews.revoke("ana", 2000));
    CHECK_FALSE(inReviews.revoke("ana", 2001));
    CHECK(net::checkLogin(inReviews, "ana", token).outcome == net::LoginOutcome::Revoked);
    CHECK(net::checkLogin(inChats, "ana", token).outcome == net::LoginOutcome::Accepted);
    // Granted again, welcome again with the same token.
    pg::grantRole(connection, reviews.id, "ana", Role::Admin, 2100);
    CHECK(net::checkLogin(inReviews, "ana", token).user->role == Role::Admin);

    // The account revoked: refused everywhere, and it cannot be given roles any more.
    CHECK(pg::revokeAccount(connection, "ana", 3000));
    CHECK(net::checkLogin(inReviews, "ana", token).outcome == net::LoginOutcome::Revoked);
    CHECK(net::checkLogin(inChats, "ana", token).outcome == net::LoginOutcome::Revoked);
    CHECK(inChats.find("ana")->revokedAt == 3000);
    CHECK_THROWS_WITH(pg::grantRole(connection, secret.id, "ana", Role::Annotator, 3001), Catch::Contains("revoked"));
}
