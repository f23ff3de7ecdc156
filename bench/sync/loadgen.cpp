// bench/sync's load generator, a process apart from the server it measures (concord-cli serve):
//   setup PROJECT --users N --samples M --tokens FILE   a project with users and samples
//   push --port P --tokens FILE --clients C --ops K --batch B [--rate R]
//        C clients on 127.0.0.1, each pushing K annotate operations in batches of B, as fast as
//        acknowledged or paced to R operations per second in total; prints acknowledged ops/s
//        and the latency from (intended) send to acknowledgement
//   idle --port P --tokens FILE --connections N --server-pid PID --hold S
//        N authenticated sessions held S seconds; prints the server's resident memory
//   live --port P --tokens FILE --dir DIR --server-pid PID [--other-port P2 --replicas 50
//        --labels 200 --idle-replicas 100 --poll-replicas 100 --window 10]
//        in-process live replicas (net::LiveSync): propagation from one replica's acknowledged
//        label to all others, the server's CPU with idle live replicas and with polling ones
//        (LiveBench.hpp)
//   sqlite DIR --rows N --batch B
//        the physical limit: N single-row transactions, then N rows in transactions of B rows,
//        into SQLite in WAL mode with synchronous=FULL, the server's durability setting
// Every result is one JSON line on standard output. Loopback only; every loop is bounded.
#include "bench/sync/LiveBench.hpp"
#include "bench/sync/LoadgenCommon.hpp"
#include "core/store/Project.hpp"
#include "core/store/UserTable.hpp"
#include "core/util/HybridClock.hpp"
#include "core/util/RandomId.hpp"
#include "net/auth/Accounts.hpp"
#include "net/client/Client.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <atomic>
#include <barrier>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sys/resource.h>
#include <thread>

using namespace concord;
using namespace concord::bench;
using Steady = std::chrono::steady_clock;

namespace {

void setup(const std::string& path, int users, int samples, const std::string& tokensPath)
{
    ProjectSettings settings;
    settings.name = "sync-bench";
    settings.overlap = 3;
    auto project = Project::create(path, settings, LabelSchema::fromNames(TaskKind::Single, {"pos", "neg", "neutral"}));
    sqlite::Transaction transaction(project->database());
    for (int i = 1; i <= samples; ++i) {
        project->samples().insert("s" + std::to_string(i),
                                  "a sample text of moderate length, number " + std::to_string(i), "{}");
    }
    store::UserTable table(project->database());
    std::ofstream tokens(tokensPath);
    for (int i = 1; i <= users; ++i) {
        const std::string name = "user" + std::to_string(i);
        tokens << name << ' ' << net::addUser(table, name, Role::Annotator, project->now()) << '\n';
    }
    transaction.commit();
}

struct PushOptions
{
    int port = 0;
    std::string tokens;
    int clients = 64;
    int ops = 400;
    int batch = 10;
    double rate = 0; // operations per second in total; 0: as fast as acknowledged
    int samples = 1000;
    std::string project; // on a server of several projects, the one to push to
};

void push(const PushOptions& options)
{
    const auto users = readTokens(options.tokens);
    if (static_cast<int>(users.size()) < options.clients) {
        throw std::runtime_error("need a user per client: " + std::to_string(users.size()) + " users");
    }
    std::vector<std::vector<double>> latencies(static_cast<std::size_t>(options.clients));
    std::atomic<std::int64_t> acknowledged{0};
    std::atomic<int> failures{0};
    // The clock starts when the last client has logged in (logins are deliberately slow), a
    // little ahead so that every thread is awake by then.
    std::atomic<Steady::rep> startTicks{0};
    const auto setStart = [&]() noexcept {
        startTicks = (Steady::now() + std::chrono::milliseconds(20)).time_since_epoch().count();
    };
    std::barrier ready(options.clients + 1, setStart);
    std::vector<std::thread> threads;
    for (int c = 0; c < options.clients; ++c) {
        threads.emplace_back([&, c] {
            const auto& who = users[static_cast<std::size_t>(c)];
            std::minstd_rand random(static_cast<unsigned>(c + 1));
            const std::string client = randomId();
            std::int64_t stamp = 0;
            std::unique_ptr<net::Client> connection;
            try {
                connection = std::make_unique<net::Client>(
                    net::Endpoint{"127.0.0.1", static_cast<std::uint16_t>(options.port)}, std::chrono::seconds(60));
                connection->connect();
                connection->hello(who.user, who.token, "", client, options.project);
            } catch (const std::exception& error) {
                std::cerr << who.user << ": " << error.what() << '\n';
                connection.reset();
                ++failures;
            }
            ready.arrive_and_wait();
            if (!connection) {
                return;
            }
            const Steady::time_point start{Steady::duration(startTicks.load())};
            std::this_thread::sleep_until(start);
            // Paced: this client's pushes are due every `interval`, offset so that clients
            // do not all send at once; latency counts from when a push was due (so a stalled
            // server is not excused by the client waiting for it).
            const double perClient = options.rate / options.clients;
            const auto interval = options.rate > 0 ? std::chrono::duration<double>(options.batch / perClient)
                                                   : std::chrono::duration<double>(0);
            const auto offset = interval * (static_cast<double>(c) / options.clients);
            auto& mine = latencies[static_cast<std::size_t>(c)];
            static const char* kLabels[] = {"pos", "neg", "neutral"};
            const int pushes = (options.ops + options.batch - 1) / options.batch;
            for (int p = 0; p < pushes; ++p) {
                std::vector<net::Operation> ops;
                for (int i = 0; i < options.batch && p * options.batch + i < options.ops; ++i) {
                    net::Operation operation;
                    operation.opId = randomId();
                    operation.sampleId = "s" + std::to_string(1 + random() % static_cast<unsigned>(options.samples));
                    operation.annotator = who.user;
                    operation.value = {{"labels", {kLabels[random() % 3]}}};
                    stamp = hlc::next(stamp, systemNowMs());
                    operation.stamp = Stamp{stamp, client};
                    ops.push_back(std::move(operation));
                }
                auto due = Steady::now();
                if (options.rate > 0) {
                    due = start + std::chrono::duration_cast<Steady::duration>(offset + interval * p);
                    std::this_thread::sleep_until(due);
                }
                const std::size_t count = ops.size();
                try {
                    const auto ack = connection->push(std::move(ops));
                    const double ms = std::chrono::duration<double, std::milli>(Steady::now() - due).count();
                    for (std::size_t i = 0; i < count; ++i) {
                        mine.push_back(ms);
                    }
                    for (const auto& result : ack.results) {
                        acknowledged += result.status == net::OpStatus::Rejected ? 0 : 1;
                    }
                } catch (const std::exception& error) {
                    std::cerr << who.user << ": " << error.what() << '\n';
                    ++failures;
                    return;
                }
            }
        });
    }
    ready.arrive_and_wait();
    const Steady::time_point start{Steady::duration(startTicks.load())};
    for (auto& thread : threads) {
        thread.join();
    }
    const double seconds = std::chrono::duration<double>(Steady::now() - start).count();
    std::vector<double> all;
    for (const auto& mine : latencies) {
        all.insert(all.end(), mine.begin(), mine.end());
    }
    const double p50 = percentile(all, 0.50);
    const double p99 = percentile(all, 0.99);
    const double max = all.empty() ? 0 : *std::max_element(all.begin(), all.end());
    std::cout << nlohmann::json{{"mode", "push"},
                                {"clients", options.clients},
                                {"batch", options.batch},
                                {"rate", options.rate},
                                {"acknowledged", acknowledged.load()},
                                {"failures", failures.load()},
                                {"seconds", seconds},
                                {"ops_per_second", static_cast<double>(acknowledged.load()) / seconds},
                                {"p50_ms", p50},
                                {"p99_ms", p99},
                                {"max_ms", max}}
                     .dump()
              << std::endl;
}

void idle(int port, const std::string& tokensPath, int connections, int serverPid, int holdSeconds)
{
    // Each client connection holds a socket and its own io_context's epoll, eventfd and timer
    // descriptors here; the soft limit is often 1,024.
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur =
        std::max(limit.rlim_cur, std::min<rlim_t>(limit.rlim_max, static_cast<rlim_t>(connections) * 5 + 256));
    setrlimit(RLIMIT_NOFILE, &limit);

    const auto users = readTokens(tokensPath);
    const std::int64_t before = residentKb(serverPid);
    std::vector<std::unique_ptr<net::Client>> clients;
    int failures = 0;
    const auto start = Steady::now();
    for (int i = 0; i < connections; ++i) {
        const auto& who = users[static_cast<std::size_t>(i) % users.size()];
        auto client = std::make_unique<net::Client>(net::Endpoint{"127.0.0.1", static_cast<std::uint16_t>(port)},
                                                    std::chrono::seconds(60));
        try {
            client->connect();
            client->hello(who.user, who.token, "", randomId());
            clients.push_back(std::move(client));
        } catch (const std::exception& error) {
            if (++failures <= 3) {
                std::cerr << "connection " << i << ": " << error.what() << '\n';
            }
        }
    }
    const double connectSeconds = std::chrono::duration<double>(Steady::now() - start).count();
    std::this_thread::sleep_for(std::chrono::seconds(holdSeconds));
    const std::int64_t held = residentKb(serverPid);
    // Every session still answers after the hold.
    int alive = 0;
    for (auto& client : clients) {
        try {
            client->ping();
            ++alive;
        } catch (const std::exception& error) {
            if (++failures <= 3) {
                std::cerr << "ping: " << error.what() << '\n';
            }
        }
    }
    std::cout << nlohmann::json{{"mode", "idle"},
                                {"connections", connections},
                                {"alive", alive},
                                {"failures", failures},
                                {"connect_seconds", connectSeconds},
                                {"server_rss_before_kb", before},
                                {"server_rss_held_kb", held}}
                     .dump()
              << std::endl;
}

// The server's oplog rows, to insert as the server would (WAL, synchronous=FULL).
double insertRows(const std::string& path, int rows, int batch)
{
    for (const char* suffix : {"", "-wal", "-shm"}) {
        std::filesystem::remove(path + suffix);
    }
    sqlite::Database db(path, sqlite::Database::Mode::ReadWriteCreate);
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = FULL");
    db.exec("CREATE TABLE oplog(seq INTEGER PRIMARY KEY AUTOINCREMENT, op_id TEXT NOT NULL, user TEXT NOT NULL, "
            "kind TEXT NOT NULL, sample_id TEXT NOT NULL, body TEXT NOT NULL, applied_at INTEGER NOT NULL, "
            "superseded INTEGER NOT NULL DEFAULT 0, UNIQUE (user, op_id))");
    auto insert = db.prepare("INSERT INTO oplog(op_id, user, kind, sample_id, body, applied_at) "
                             "VALUES (?1, ?2, 'annotate', ?3, ?4, ?5)");
    const auto start = Steady::now();
    for (int done = 0; done < rows;) {
        sqlite::Transaction transaction(db);
        for (int i = 0; i < batch && done < rows; ++i, ++done) {
            insert.reset();
            insert.bind(1, randomId());
            insert.bind(2, "user" + std::to_string(done % 64));
            insert.bind(3, "s" + std::to_string(done % 1000));
            insert.bind(4, R"({"labels":["pos"]})");
            insert.bind(5, systemNowMs());
            insert.run();
        }
        transaction.commit();
    }
    return std::chrono::duration<double>(Steady::now() - start).count();
}

void sqliteBaseline(const std::string& dir, int rows, int batch)
{
    const double single = insertRows(dir + "/single.db", rows, 1);
    const double batched = insertRows(dir + "/batched.db", rows, batch);
    std::cout << nlohmann::json{{"mode", "sqlite"},
                                {"rows", rows},
                                {"batch", batch},
                                {"single_seconds", single},
                                {"single_rows_per_second", rows / single},
                                {"batched_seconds", batched},
                                {"batched_rows_per_second", rows / batched}}
                     .dump()
              << std::endl;
}

} // namespace

int main(int argc, char** argv)
{
    CLI::App app{"bench/sync load generator"};
    app.require_subcommand(1);

    std::string project, tokens, dir;
    int users = 64, samples = 1000, connections = 1000, serverPid = 0, hold = 5, rows = 10000, batch = 500;
    auto* setupCommand = app.add_subcommand("setup", "Make the served project with users and samples");
    setupCommand->add_option("project", project)->required();
    setupCommand->add_option("--users", users);
    setupCommand->add_option("--samples", samples);
    setupCommand->add_option("--tokens", tokens)->required();

    PushOptions pushOptions;
    auto* pushCommand = app.add_subcommand("push", "Clients pushing annotate operations");
    pushCommand->add_option("--port", pushOptions.port)->required()->check(CLI::Range(1, 65535));
    pushCommand->add_option("--tokens", pushOptions.tokens)->required();
    pushCommand->add_option("--clients", pushOptions.clients)->check(CLI::Range(1, 1000));
    pushCommand->add_option("--ops", pushOptions.ops, "Operations per client")->check(CLI::Range(1, 1'000'000));
    pushCommand->add_option("--batch", pushOptions.batch)->check(CLI::Range(1, 1000));
    pushCommand->add_option("--rate", pushOptions.rate, "Operations per second in total (0: unpaced)");
    pushCommand->add_option("--samples", pushOptions.samples)->check(CLI::Range(1, 100'000'000));
    pushCommand->add_option("--project", pushOptions.project, "The project, on a server of several");

    int idlePort = 0;
    auto* idleCommand = app.add_subcommand("idle", "Hold authenticated idle sessions");
    idleCommand->add_option("--port", idlePort)->required()->check(CLI::Range(1, 65535));
    idleCommand->add_option("--tokens", tokens)->required();
    idleCommand->add_option("--connections", connections)->check(CLI::Range(1, 100'000));
    idleCommand->add_option("--server-pid", serverPid)->required();
    idleCommand->add_option("--hold", hold, "Seconds")->check(CLI::Range(0, 100));

    LiveBenchOptions liveOptions;
    auto* liveCommand = app.add_subcommand("live", "Live replicas: propagation, and the server's CPU when idle");
    liveCommand->add_option("--port", liveOptions.port)->required()->check(CLI::Range(1, 65535));
    liveCommand->add_option("--other-port", liveOptions.otherPort, "A second server on the same project")
        ->check(CLI::Range(1, 65535));
    liveCommand->add_option("--tokens", liveOptions.tokens)->required();
    liveCommand->add_option("--dir", liveOptions.dir, "Where the replicas are made")->required();
    liveCommand->add_option("--server-pid", liveOptions.serverPid)->required();
    liveCommand->add_option("--replicas", liveOptions.replicas)->check(CLI::Range(2, 1000));
    liveCommand->add_option("--labels", liveOptions.labels)->check(CLI::Range(1, 100'000));
    liveCommand->add_option("--gap-ms", liveOptions.gapMs)->check(CLI::Range(0, 10'000));
    liveCommand->add_option("--idle-replicas", liveOptions.idleReplicas)->check(CLI::Range(1, 1000));
    liveCommand->add_option("--poll-replicas", liveOptions.pollReplicas)->check(CLI::Range(1, 1000));
    liveCommand->add_option("--window", liveOptions.windowSeconds, "Seconds")->check(CLI::Range(1, 600));

    auto* sqliteCommand = app.add_subcommand("sqlite", "Raw SQLite inserts with the server's durability");
    sqliteCommand->add_option("dir", dir)->required();
    sqliteCommand->add_option("--rows", rows)->check(CLI::Range(1, 10'000'000));
    sqliteCommand->add_option("--batch", batch)->check(CLI::Range(1, 1'000'000));

    CLI11_PARSE(app, argc, argv);
    try {
        if (*setupCommand) {
            setup(project, users, samples, tokens);
        } else if (*pushCommand) {
            push(pushOptions);
        } else if (*idleCommand) {
            idle(idlePort, tokens, connections, serverPid, hold);
        } else if (*liveCommand) {
            liveBench(liveOptions);
        } else {
            sqliteBaseline(dir, rows, batch);
        }
    } catch (const std::exception& error) {
        std::cerr << "loadgen: " << error.what() << '\n';
        return 1;
    }
    return 0;
}
