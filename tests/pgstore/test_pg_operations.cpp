// A project's operation log on PostgreSQL, as the server's rules use it (store::OperationLog):
// an operation is found again by its author and op id (pushes are idempotent), the same op id of
// another author or another project is another operation, head() counts only what committed,
// and the numbers of each project are its own.
#include "pgstore/ChangeLog.hpp"
#include "pgstore/Connection.hpp"
#include "pgstore/ProjectOperations.hpp"
#include "pgstore/Projects.hpp"
#include "tests/support/PgCluster.hpp"

#include <catch2/catch.hpp>

using namespace concord;

TEST_CASE("postgres operation log: idempotent by author and op id, numbered per project", "[pgstore]")
{
    const std::string database = test::PgCluster::shared().freshDatabase();
    pg::Connection connection(database), other(database);
    const auto reviews = pg::createProject(connection, "reviews");
    const auto chats = pg::createProject(connection, "chats");
    pg::ProjectOperations log(connection, reviews.id), chatLog(connection, chats.id);
    pg::ProjectOperations seenElsewhere(other, reviews.id);

    {
        pg::Transaction transaction(connection);
        CHECK(log.append("op-1", "ana", "annotate", "s1", R"({"v":1})", 1000, false) == 1);
        CHECK(log.append("op-1", "ben", "annotate", "s1", R"({"v":2})", 1001, true) == 2); // another author
        CHECK(chatLog.append("op-1", "ana", "respond", "c9", "{}", 1002, false) == 1);     // another project
        CHECK(seenElsewhere.head() == 0); // not committed: no one may be told of it
        transaction.commit();
    }
    CHECK(seenElsewhere.head() == 2);
    CHECK(log.count() == 2);
    const auto again = log.find("ana", "op-1");
    REQUIRE(again.has_value());
    CHECK(again->seq == 1);
    CHECK_FALSE(again->superseded);
    CHECK(log.find("ben", "op-1")->superseded);
    CHECK_FALSE(log.find("carl", "op-1").has_value());
    CHECK(chatLog.find("ana", "op-1")->seq == 1);

    // The same operation twice is refused by the database itself, not only by the rules.
    pg::Transaction transaction(connection);
    try {
        log.append("op-1", "ana", "annotate", "s1", "{}", 1003, false);
        FAIL("an operation was logged twice");
    } catch (const pg::PgError& error) {
        CHECK(error.sqlState() == "23505");
    }

    const auto logged = pg::changesAfter(other, reviews.id, 0, 10);
    REQUIRE(logged.size() == 2);
    CHECK(logged[1].change.author == "ben");
    CHECK(logged[1].change.opId == std::optional<std::string>("op-1"));
    CHECK(logged[1].change.sampleId == "s1");
    CHECK(logged[1].change.appliedAt == 1001);
    CHECK(logged[1].change.superseded);
}
