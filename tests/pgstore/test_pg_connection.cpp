// The libpq layer on a real PostgreSQL: values go as parameters, refused statements say what and
// carry the SQLSTATE, a transaction left without commit leaves nothing, and a connection to
// nowhere names where.
#include "pgstore/Connection.hpp"
#include "pgstore/Projects.hpp"
#include "tests/support/PgCluster.hpp"

#include <catch2/catch.hpp>

using namespace concord;

TEST_CASE("postgres connection: a parameter is a value, never SQL", "[pgstore]")
{
    pg::Connection connection(test::PgCluster::shared().freshDatabase());
    const std::string name = "x'); DROP TABLE projects; --";
    const pg::ProjectRow made = pg::createProject(connection, name);
    CHECK(made.name == name);
    const auto found = pg::findProject(connection, name);
    REQUIRE(found.has_value());
    CHECK(found->id == made.id);
    CHECK(pg::listProjects(connection).size() == 1);
    const pg::Result null = connection.exec("SELECT $1::text IS NULL", {std::nullopt});
    CHECK(null.text(0, 0) == "t");
}

TEST_CASE("postgres connection: a refused statement says what, with its SQLSTATE", "[pgstore]")
{
    pg::Connection connection(test::PgCluster::shared().freshDatabase());
    pg::createProject(connection, "reviews");
    CHECK_THROWS_WITH(pg::createProject(connection, "reviews"), "a project named 'reviews' exists already");
    CHECK_THROWS_AS(pg::createProject(connection, ""), InputError);
    try {
        connection.exec("INSERT INTO projects (name) VALUES ($1)", {std::string("reviews")});
        FAIL("a duplicate name was stored");
    } catch (const pg::PgError& error) {
        CHECK(error.sqlState() == "23505");
        CHECK_THAT(error.what(), Catch::Contains("duplicate key") && Catch::Contains("concord@"));
        CHECK_FALSE(error.connectionLost());
    }
}

TEST_CASE("postgres connection: a transaction left without commit leaves nothing", "[pgstore]")
{
    pg::Connection connection(test::PgCluster::shared().freshDatabase());
    const auto attempt = [&] {
        pg::Transaction transaction(connection);
        connection.exec("INSERT INTO projects (name) VALUES ($1)", {std::string("half")});
        throw InputError("a later step failed");
    };
    CHECK_THROWS_AS(attempt(), InputError);
    CHECK(pg::listProjects(connection).empty());
    CHECK(connection.isOpen());
}

TEST_CASE("postgres connection: a server that is not there is named, and the error says retry", "[pgstore]")
{
    try {
        pg::Connection connection("host=/nonexistent/concord port=1 dbname=nowhere connect_timeout=5");
        FAIL("connected to nowhere");
    } catch (const pg::PgError& error) {
        CHECK(error.connectionLost());
        CHECK_THAT(error.what(),
                   Catch::Contains("could not connect to PostgreSQL") && Catch::Contains("/nonexistent/concord"));
    }
}
