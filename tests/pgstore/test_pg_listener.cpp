// Live notices across servers: a listener on a project's channel hears of a commit at once, with
// its last number; nothing while the transaction is open or when it rolls back; nothing of a
// project it does not listen to.
#include "pgstore/ChangeLog.hpp"
#include "pgstore/Listener.hpp"
#include "pgstore/Projects.hpp"
#include "tests/support/PgCluster.hpp"

#include <catch2/catch.hpp>

using namespace concord;
using namespace std::chrono_literals;

TEST_CASE("postgres notices: a commit reaches a listener at once, a rollback never", "[pgstore]")
{
    const std::string database = test::PgCluster::shared().freshDatabase();
    pg::Connection writer(database);
    const auto project = pg::createProject(writer, "live");
    const auto other = pg::createProject(writer, "quiet");
    pg::Listener listener(database);
    listener.listen(project.id);

    {
        pg::Transaction transaction(writer);
        pg::appendChanges(writer, project.id, {{"annotate", "{}"}, {"annotate", "{}"}});
        CHECK(listener.wait(0ms).empty()); // not committed: not sent
        transaction.commit();
    }
    const auto heard = listener.wait(20s);
    REQUIRE(heard.size() == 1);
    CHECK(heard[0].project == project.id);
    CHECK(heard[0].lastSeq == 2);

    {
        pg::Transaction rolledBack(writer);
        pg::appendChanges(writer, project.id, {{"annotate", "{}"}});
    } // rolled back: its number is given back, and no one hears of it
    {
        pg::Transaction elsewhere(writer);
        pg::appendChanges(writer, other.id, {{"respond", "{}"}});
        elsewhere.commit();
    }
    {
        pg::Transaction again(writer);
        CHECK(pg::appendChanges(writer, project.id, {{"annotate", "{}"}}) == 3);
        again.commit();
    }
    const auto next = listener.wait(20s);
    REQUIRE(next.size() == 1); // only the project listened to, only what committed
    CHECK(next[0].project == project.id);
    CHECK(next[0].lastSeq == 3);
    CHECK(listener.drain().empty());
}
