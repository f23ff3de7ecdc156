// The server's tables: made on an empty database, left alone when current, and a database of a
// newer Concord refused with the version it holds.
#include "pgstore/Connection.hpp"
#include "pgstore/Schema.hpp"
#include "tests/support/PgCluster.hpp"

#include <catch2/catch.hpp>

using namespace concord;

TEST_CASE("postgres schema: made on an empty database, then current, a newer one is refused", "[pgstore]")
{
    test::PgCluster& cluster = test::PgCluster::shared();
    {
        pg::Connection admin(cluster.conninfo("postgres"));
        admin.exec("CREATE DATABASE schema_empty"); // from template1: no Concord tables
    }
    pg::Connection connection(cluster.conninfo("schema_empty"));
    CHECK_FALSE(pg::schemaVersion(connection).has_value());
    CHECK_FALSE(pg::schemaIsCurrent(connection));
    pg::migrate(connection);
    CHECK(pg::schemaVersion(connection) == pg::kSchemaVersion);
    pg::migrate(connection); // again: nothing to do
    CHECK(pg::schemaIsCurrent(connection));
    CHECK(connection.exec("SELECT count(*) FROM concord_schema").integer(0, 0) == 1);

    connection.exec("UPDATE concord_schema SET version = 99");
    CHECK_FALSE(pg::schemaIsCurrent(connection));
    CHECK_THROWS_WITH(pg::migrate(connection),
                      Catch::Contains("tables of version 99") && Catch::Contains("serve it with a newer Concord"));
}
