// The commands of a server on PostgreSQL, run as an operator would against the test's own
// cluster (tests/support/PgCluster): projects made, listed and archived; health says whether the
// database is reachable with current tables; an address that holds a password is refused before
// anything connects.
#include "pgstore/Connection.hpp"
#include "tests/cli/CliTestSupport.hpp"
#include "tests/support/PgCluster.hpp"
#include "tests/support/RunCommand.hpp"

#include <catch2/catch.hpp>

using namespace concord;
using test::cli;
using test::quoted;

TEST_CASE("cli store: project create, list and archive on PostgreSQL, and health", "[cli][pgstore]")
{
    const std::string store = quoted(test::PgCluster::shared().freshDatabase());
    const auto made = cli("project create reviews --store " + store);
    REQUIRE(made.exitCode == 0);
    CHECK_THAT(made.output, Catch::StartsWith("Created project reviews in concord@"));
    const auto again = cli("project create reviews --store " + store);
    CHECK(again.exitCode == 3);
    CHECK_THAT(again.output, Catch::Contains("a project named 'reviews' exists already"));
    REQUIRE(cli("project create chats --store " + store).exitCode == 0);

    const auto listed = cli("project list --json --store " + store);
    REQUIRE(listed.exitCode == 0);
    const auto projects = nlohmann::json::parse(listed.output);
    REQUIRE(projects.size() == 2);
    CHECK(projects[0]["project"] == "chats"); // by name
    CHECK(projects[1]["archived"] == false);

    REQUIRE(cli("project archive reviews --store " + store).exitCode == 0);
    CHECK_THAT(cli("project list --store " + store).output, Catch::Contains("reviews") && Catch::Contains("archived"));
    const auto twice = cli("project archive reviews --store " + store);
    CHECK(twice.exitCode == 3);
    CHECK_THAT(twice.output, Catch::Contains("archived already"));

    const auto healthy = cli("health --store " + store);
    CHECK(healthy.exitCode == 0);
    CHECK_THAT(healthy.output, Catch::StartsWith("ok: concord@") && Catch::Contains("tables of version 1"));
}

TEST_CASE("cli store: health fails on a database without Concord's tables, or one that is not there", "[cli][pgstore]")
{
    test::PgCluster& cluster = test::PgCluster::shared();
    {
        pg::Connection admin(cluster.conninfo("postgres"));
        admin.exec("CREATE DATABASE bare");
    }
    const auto bare = cli("health --store " + quoted(cluster.conninfo("bare")));
    CHECK(bare.exitCode == 4);
    CHECK_THAT(bare.output, Catch::Contains("its Concord tables are missing"));
    const auto absent = cli("health --store " + quoted(cluster.conninfo("absent")));
    CHECK(absent.exitCode == 4);
    CHECK_THAT(absent.output, Catch::Contains("could not connect to PostgreSQL") && Catch::Contains("absent"));
}

TEST_CASE("cli store: an address with a password, or a project file, is refused before connecting", "[cli][pgstore]")
{
    const auto secret = cli("project list --store 'postgresql://ana:hunter2@db.example/concord'");
    CHECK(secret.exitCode == 3);
    CHECK_THAT(secret.output,
               Catch::Contains("--store: the PostgreSQL address holds a password") && Catch::Contains("~/.pgpass"));
    CHECK_THAT(secret.output, !Catch::Contains("hunter2"));
    const auto file = cli("health --store reviews.concord");
    CHECK(file.exitCode == 3);
    CHECK_THAT(file.output, Catch::Contains("is not a PostgreSQL address"));
}

TEST_CASE("cli store: user add gives an account a role per project, revoke takes one role or the account",
          "[cli][pgstore]")
{
    const std::string store = quoted(test::PgCluster::shared().freshDatabase());
    REQUIRE(cli("project create reviews --store " + store).exitCode == 0);
    REQUIRE(cli("project create chats --store " + store).exitCode == 0);
    const auto added = cli("user add ana --role reviewer --json --store " + store + " --project reviews");
    REQUIRE(added.exitCode == 0);
    const auto first = nlohmann::json::parse(added.output);
    CHECK(first["role"] == "reviewer");
    CHECK(first["token"].get<std::string>().size() == 64);
    // An account already: a role in the second project, and no new token.
    const auto granted = cli("user add ana --store " + store + " --project chats");
    REQUIRE(granted.exitCode == 0);
    CHECK_THAT(granted.output, Catch::StartsWith("ana has an account on this server already: now annotator in "
                                                 "project chats") &&
                                   Catch::Contains("with the token they have"));
    const auto chats = nlohmann::json::parse(cli("user list --json --store " + store + " --project chats").output);
    REQUIRE(chats.size() == 1);
    CHECK(chats[0]["role"] == "annotator");

    REQUIRE(cli("user revoke ana --store " + store + " --project chats").exitCode == 0);
    CHECK(nlohmann::json::parse(cli("user list --json --store " + store + " --project chats").output)[0]["revoked_at"]
              .is_number());
    CHECK(nlohmann::json::parse(cli("user list --json --store " + store + " --project reviews").output)[0]["revoked_at"]
              .is_null());
    const auto account = cli("user revoke ana --store " + store);
    REQUIRE(account.exitCode == 0);
    CHECK_THAT(account.output, Catch::Contains("no longer works in any project"));
    CHECK(nlohmann::json::parse(cli("user list --json --store " + store + " --project reviews").output)[0]["revoked_at"]
              .is_number());

    const auto noProject = cli("user list --store " + store);
    CHECK(noProject.exitCode == 3);
    CHECK_THAT(noProject.output, Catch::Contains("--project: name the project on the store"));
    const auto unknown = cli("user add bob --store " + store + " --project nowhere");
    CHECK(unknown.exitCode == 3);
    CHECK_THAT(unknown.output, Catch::Contains("no project named 'nowhere'"));
}
