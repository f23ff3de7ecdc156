// bench/pgstore: the PostgreSQL store's append path alone (no server, no TLS), against
// PostgreSQL's own insert rate for the same batches, in one run on one cluster:
//   peer      CLIENTS connections, each committing transactions of BATCH plain INSERTs into a
//             keyed table (what PostgreSQL does for rows of that size with nothing of ours);
//   one       the same through pg::appendChanges on one project (its counter row taken by
//             every transaction: the writers of one project take turns at commit);
//   two       the same with the connections split between two projects.
// Each runs SECONDS seconds; rows per second and the p50/p99 latency of a transaction.
//   append_bench CONNINFO [CLIENTS=64] [BATCH=10] [SECONDS=5]
#include "pgstore/ChangeLog.hpp"
#include "pgstore/Connection.hpp"
#include "pgstore/Projects.hpp"
#include "pgstore/Schema.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

using namespace concord;
using Clock = std::chrono::steady_clock;

namespace {

struct Outcome
{
    double rowsPerSecond = 0;
    double p50Ms = 0;
    double p99Ms = 0;
};

// Runs `clients` threads, each calling `transaction(connection, client)` until the time is up.
template <typename Work> Outcome run(const std::string& conninfo, int clients, int batch, int seconds, Work transaction)
{
    std::atomic<bool> stop{false};
    std::atomic<long> rows{0};
    std::vector<std::vector<double>> latencies(static_cast<std::size_t>(clients));
    std::vector<std::thread> threads;
    const auto start = Clock::now();
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back([&, c] {
            pg::Connection connection(conninfo);
            while (!stop) {
                const auto begin = Clock::now();
                transaction(connection, c);
                latencies[static_cast<std::size_t>(c)].push_back(
                    std::chrono::duration<double, std::milli>(Clock::now() - begin).count());
                rows += batch;
            }
        });
    }
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    stop = true;
    for (auto& thread : threads) {
        thread.join();
    }
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    std::vector<double> all;
    for (const auto& own : latencies) {
        all.insert(all.end(), own.begin(), own.end());
    }
    std::sort(all.begin(), all.end());
    const auto at = [&](double q) { return all.empty() ? 0.0 : all[static_cast<std::size_t>(q * (all.size() - 1))]; };
    return {static_cast<double>(rows) / elapsed, at(0.50), at(0.99)};
}

void print(const char* name, const Outcome& outcome)
{
    std::printf("%-6s %10.0f rows/s   transaction p50 %7.2f ms   p99 %7.2f ms\n", name, outcome.rowsPerSecond,
                outcome.p50Ms, outcome.p99Ms);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: append_bench CONNINFO [CLIENTS=64] [BATCH=10] [SECONDS=5]\n");
        return 2;
    }
    const std::string conninfo = argv[1];
    const int clients = argc > 2 ? std::stoi(argv[2]) : 64;
    const int batch = argc > 3 ? std::stoi(argv[3]) : 10;
    const int seconds = argc > 4 ? std::stoi(argv[4]) : 5;
    std::int64_t first = 0, second = 0;
    {
        pg::Connection setup(conninfo);
        pg::migrate(setup);
        setup.exec("DROP TABLE IF EXISTS peer_rows; CREATE TABLE peer_rows (writer INT NOT NULL, n BIGINT NOT NULL, "
                   "kind TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (writer, n))");
        const std::string suffix = std::to_string(Clock::now().time_since_epoch().count());
        first = pg::createProject(setup, "bench-a-" + suffix).id;
        second = pg::createProject(setup, "bench-b-" + suffix).id;
        std::printf("%d connections, transactions of %d rows, %d s each; synchronous_commit = %s\n", clients, batch,
                    seconds, setup.exec("SHOW synchronous_commit").text(0, 0).c_str());
    }
    // A body the size of an annotate operation as the log keeps it.
    const std::string body = R"({"op":"4f1c9e2a-0000-4000-8000-000000000000","kind":"annotate","sample":"s000123",)"
                             R"("annotator":"user17","value":{"labels":["positive"]},"stamp":{"hlc":1234567890123,)"
                             R"("client":"c-17"}})";
    std::vector<long> next(static_cast<std::size_t>(clients), 0);
    print("peer", run(conninfo, clients, batch, seconds, [&](pg::Connection& connection, int client) {
              connection.prepare("peer_insert",
                                 "INSERT INTO peer_rows (writer, n, kind, body) VALUES ($1, $2, $3, $4)");
              pg::Transaction transaction(connection);
              for (int i = 0; i < batch; ++i) {
                  connection.execPrepared("peer_insert", {std::to_string(client),
                                                          std::to_string(next[static_cast<std::size_t>(client)]++),
                                                          std::string("annotate"), body});
              }
              transaction.commit();
          }));
    const std::vector<pg::Change> changes(static_cast<std::size_t>(batch), pg::Change{"annotate", body});
    print("one", run(conninfo, clients, batch, seconds, [&](pg::Connection& connection, int) {
              pg::Transaction transaction(connection);
              pg::appendChanges(connection, first, changes);
              transaction.commit();
          }));
    print("two", run(conninfo, clients, batch, seconds, [&](pg::Connection& connection, int client) {
              pg::Transaction transaction(connection);
              pg::appendChanges(connection, client % 2 == 0 ? first : second, changes);
              transaction.commit();
          }));
    return 0;
}
