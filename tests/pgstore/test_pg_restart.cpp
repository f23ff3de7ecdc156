// The database goes away under a writer (pg_ctl stop -m immediate, what a crash does) and comes
// back: the writer's commit fails as a lost connection, which a server answers `unavailable` and
// retries, not as a refusal; what was committed before is there after the restart, what was not
// is not, and the project's numbers go on from the last committed one.
#include "pgstore/ChangeLog.hpp"
#include "pgstore/Connection.hpp"
#include "pgstore/ProjectOperations.hpp"
#include "pgstore/Projects.hpp"
#include "tests/support/PgCluster.hpp"

#include <catch2/catch.hpp>

using namespace concord;

TEST_CASE("postgres restart: a commit in flight fails as a lost connection, nothing committed is lost", "[pgstore]")
{
    test::PgCluster& cluster = test::PgCluster::shared();
    const std::string database = cluster.freshDatabase();
    std::int64_t project = 0;
    {
        pg::Connection writer(database);
        project = pg::createProject(writer, "durable").id;
        pg::ProjectOperations log(writer, project);
        pg::Transaction committed(writer);
        log.append("op-1", "ana", "annotate", "s1", "{}", 1, false);
        committed.commit();

        pg::Transaction inFlight(writer);
        log.append("op-2", "ana", "annotate", "s2", "{}", 2, false);
        cluster.stopImmediately();
        try {
            inFlight.commit();
            FAIL("a commit succeeded with the database stopped");
        } catch (const pg::PgError& error) {
            CHECK(error.connectionLost());
        }
    } // the rollback on a lost connection is the server's: nothing to send
    CHECK_THROWS_AS(pg::Connection(database), pg::PgError);
    cluster.start();

    pg::Connection again(database);
    pg::ProjectOperations log(again, project);
    CHECK(log.head() == 1);
    CHECK(log.find("ana", "op-1").has_value());
    CHECK_FALSE(log.find("ana", "op-2").has_value()); // never acknowledged, never stored
    pg::Transaction next(again);
    CHECK(log.append("op-2", "ana", "annotate", "s2", "{}", 3, false) == 2); // sent again: the next number
    next.commit();
    CHECK(pg::changesAfter(again, project, 0, 10).size() == 2);
}
