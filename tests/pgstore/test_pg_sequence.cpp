// Sequence numbers in commit order (pgstore/ChangeLog.hpp). First the hazard itself: with a
// BIGSERIAL position, a change committed after a later number was read is skipped by a reader's
// cursor. Then the counter row: a second writer waits for the one holding its transaction open,
// another project does not; and writers on several connections, one of them holding its
// transactions open, with a reader pulling in a loop whose cursor never skips (checked against
// the full log at the end).
#include "pgstore/ChangeLog.hpp"
#include "pgstore/Connection.hpp"
#include "pgstore/Projects.hpp"
#include "tests/support/PgCluster.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <set>
#include <thread>

using namespace concord;

namespace pg_sequence_test {

// Waits until a backend of the database waits on a lock: the writer that must block has.
void waitForALockWaiter(pg::Connection& watcher)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (watcher
               .exec("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND "
                     "wait_event_type = 'Lock'")
               .integer(0, 0) == 0) {
        REQUIRE(std::chrono::steady_clock::now() < deadline);
        std::this_thread::yield();
    }
}

std::vector<std::int64_t> seqsOf(const std::vector<pg::LoggedChange>& changes)
{
    std::vector<std::int64_t> seqs;
    for (const auto& change : changes) {
        seqs.push_back(change.seq);
    }
    return seqs;
}

} // namespace pg_sequence_test

TEST_CASE("postgres sequence: a BIGSERIAL position skips a change committed late (why the counter row)", "[pgstore]")
{
    const std::string database = test::PgCluster::shared().freshDatabase();
    pg::Connection early(database), late(database), reader(database);
    early.exec("CREATE TABLE serial_log (position BIGSERIAL PRIMARY KEY, body TEXT NOT NULL)");
    pg::Transaction held(early);
    early.exec("INSERT INTO serial_log (body) VALUES ('first number, committed last')");  // position 1
    late.exec("INSERT INTO serial_log (body) VALUES ('second number, committed first')"); // position 2
    const pg::Result first = reader.exec("SELECT position FROM serial_log WHERE position > 0 ORDER BY position");
    REQUIRE(first.rows() == 1);
    const std::int64_t cursor = first.integer(0, 0);
    CHECK(cursor == 2);
    held.commit();
    // The reader goes on from its cursor: position 1 is never delivered.
    CHECK(reader.exec("SELECT position FROM serial_log WHERE position > $1", {std::to_string(cursor)}).rows() == 0);
    CHECK(reader.exec("SELECT count(*) FROM serial_log").integer(0, 0) == 2);
}

TEST_CASE("postgres sequence: a writer waits for the one holding the project's counter, another project does not",
          "[pgstore]")
{
    using namespace pg_sequence_test;
    const std::string database = test::PgCluster::shared().freshDatabase();
    pg::Connection first(database), second(database), other(database), reader(database), watcher(database);
    const auto project = pg::createProject(reader, "reviews");
    const auto elsewhere = pg::createProject(reader, "elsewhere");

    pg::Transaction held(first);
    CHECK(pg::appendChanges(first, project.id, {{"annotate", "{\"a\":1}"}, {"annotate", "{\"a\":2}"}}) == 2);

    // Another project's counter is its own: this commits while the first transaction is open.
    other.exec("SET statement_timeout = '20s'");
    {
        pg::Transaction transaction(other);
        CHECK(pg::appendChanges(other, elsewhere.id, {{"respond", "{}"}}) == 1);
        transaction.commit();
    }

    std::atomic<std::int64_t> secondLast{0};
    second.exec("SET statement_timeout = '60s'");
    std::thread writer([&] {
        pg::Transaction transaction(second);
        secondLast = pg::appendChanges(second, project.id, {{"annotate", "{\"b\":1}"}});
        transaction.commit();
    });
    waitForALockWaiter(watcher);
    CHECK(secondLast == 0);                                      // still waiting
    CHECK(pg::changesAfter(reader, project.id, 0, 100).empty()); // nothing of the project committed
    CHECK(pg::lastSeq(reader, project.id) == 0);

    held.commit();
    writer.join();
    CHECK(secondLast == 3);
    const auto changes = pg::changesAfter(reader, project.id, 0, 100);
    CHECK(seqsOf(changes) == std::vector<std::int64_t>{1, 2, 3});
    CHECK(changes[2].change.body == "{\"b\":1}");
    CHECK(pg::lastSeq(reader, project.id) == 3);
    CHECK(seqsOf(pg::changesAfter(reader, elsewhere.id, 0, 100)) == std::vector<std::int64_t>{1});
}

TEST_CASE("postgres sequence: concurrent writers, one holding its transactions open, the reader's cursor never "
          "skips",
          "[pgstore]")
{
    using namespace pg_sequence_test;
    const std::string database = test::PgCluster::shared().freshDatabase();
    std::int64_t project = 0;
    {
        pg::Connection setup(database);
        project = pg::createProject(setup, "busy").id;
    }
    constexpr int kWriters = 4;
    constexpr int kTransactions = 40;
    std::atomic<int> writing{kWriters};
    std::atomic<std::int64_t> appended{0};
    std::vector<std::thread> writers;
    for (int w = 0; w < kWriters; ++w) {
        writers.emplace_back([&, w] {
            pg::Connection connection(database);
            for (int t = 0; t < kTransactions; ++t) {
                const int count = 1 + (t + w) % 3;
                std::vector<pg::Change> changes;
                for (int c = 0; c < count; ++c) {
                    changes.push_back({"annotate", "{\"writer\":" + std::to_string(w) + ",\"t\":" + std::to_string(t) +
                                                       ",\"c\":" + std::to_string(c) + "}"});
                }
                pg::Transaction transaction(connection);
                pg::appendChanges(connection, project, changes);
                if (w == 0) {
                    // The slow writer: its transaction stays open after its numbers are given,
                    // as a server's would while it finishes a batch.
                    connection.exec("SELECT pg_sleep(0.005)");
                }
                transaction.commit();
                appended += count;
            }
            --writing;
        });
    }
    // The reader pulls in a loop from its cursor, as a replica does, until the writers are done
    // and it has caught up.
    pg::Connection reader(database);
    std::int64_t cursor = 0;
    std::vector<std::int64_t> delivered;
    std::set<std::string> bodies;
    while (true) {
        const bool done = writing == 0;
        const auto page = pg::changesAfter(reader, project, cursor, 50);
        for (const auto& change : page) {
            delivered.push_back(change.seq);
            bodies.insert(change.change.body);
            cursor = change.seq;
        }
        if (done && page.empty()) {
            break;
        }
    }
    for (std::thread& writer : writers) {
        writer.join();
    }
    // Every change delivered once, in order, none skipped: 1..N, and the full log agrees.
    const auto all = pg::changesAfter(reader, project, 0, 100000);
    REQUIRE(static_cast<std::int64_t>(all.size()) == appended.load());
    CHECK(delivered == seqsOf(all));
    for (std::size_t i = 0; i < delivered.size(); ++i) {
        REQUIRE(delivered[i] == static_cast<std::int64_t>(i) + 1);
    }
    CHECK(bodies.size() == all.size());
    CHECK(pg::lastSeq(reader, project) == appended.load());
}
