#include "bench/sync/LiveBench.hpp"

#include "bench/sync/LoadgenCommon.hpp"
#include "core/store/Project.hpp"
#include "net/client/LiveSync.hpp"

#include <nlohmann/json.hpp>

#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <thread>

namespace concord::bench {

namespace {

using Steady = std::chrono::steady_clock;
using namespace std::chrono_literals;

// What the replicas' callbacks report, on their sessions' threads, and what the rounds wait for.
struct Tracker
{
    std::mutex mutex;
    std::condition_variable changed;
    int ready = 0; // replicas whose first sync completed
    int offline = 0;
    std::int64_t pings = 0;
    std::int64_t syncs = 0; // after the first
    // The round under way (writer -1: none).
    int writer = -1;
    std::optional<Steady::time_point> acknowledged;
    std::vector<std::optional<Steady::time_point>> arrived;
    int arrivals = 0;

    template <typename Change> void record(Change change)
    {
        {
            std::lock_guard lock(mutex);
            change();
        }
        changed.notify_all();
    }
};

struct Replica
{
    std::string path;
    std::unique_ptr<Project> app; // the labeling app's own connection to the file
    std::unique_ptr<net::LiveSync> live;
};

net::LiveCallbacks callbacksFor(Tracker& tracker, int index)
{
    net::LiveCallbacks callbacks;
    callbacks.synced = [&tracker, index](net::LiveCause cause, const net::SyncReport& report) {
        const auto now = Steady::now();
        tracker.record([&] {
            if (cause == net::LiveCause::Connected) {
                ++tracker.ready;
                return;
            }
            ++tracker.syncs;
            auto& arrived = tracker.arrived[static_cast<std::size_t>(index)];
            if (tracker.writer >= 0 && index != tracker.writer && !arrived && report.pulledAnnotations > 0) {
                arrived = now;
                ++tracker.arrivals;
            }
        });
    };
    callbacks.pendingChanged = [&tracker, index](std::int64_t pending) {
        const auto now = Steady::now();
        tracker.record([&] {
            if (index == tracker.writer && pending == 0 && !tracker.acknowledged) {
                tracker.acknowledged = now;
            }
        });
    };
    callbacks.alive = [&tracker] { tracker.record([&] { ++tracker.pings; }); };
    callbacks.offline = [&tracker](const net::LiveOffline& offline) {
        tracker.record([&] { ++tracker.offline; });
        std::cerr << "offline: " << offline.reason << '\n';
    };
    return callbacks;
}

// Joins `count` replicas, a user each in turn, several at a time.
std::vector<Replica> joinReplicas(const LiveBenchOptions& options, int count)
{
    const auto users = readTokens(options.tokens);
    std::vector<Replica> replicas(static_cast<std::size_t>(count));
    std::atomic<int> next{0};
    std::atomic<int> failures{0};
    std::vector<std::thread> joiners;
    for (int j = 0; j < 8; ++j) {
        joiners.emplace_back([&] {
            for (int i = next++; i < count; i = next++) {
                const auto& who = users[static_cast<std::size_t>(i) % users.size()];
                net::JoinOptions join;
                const int port = options.otherPort != 0 && i % 2 == 1 ? options.otherPort : options.port;
                join.endpoint = net::Endpoint{"127.0.0.1", static_cast<std::uint16_t>(port)};
                join.user = who.user;
                join.token = who.token;
                join.path = options.dir + "/replica-" + std::to_string(i + 1) + ".concord";
                join.sync.timeout = 60s;
                try {
                    net::joinServer(join);
                    replicas[static_cast<std::size_t>(i)].path = join.path;
                } catch (const std::exception& error) {
                    std::cerr << "join " << join.path << ": " << error.what() << '\n';
                    ++failures;
                }
            }
        });
    }
    for (auto& joiner : joiners) {
        joiner.join();
    }
    if (failures > 0) {
        throw std::runtime_error(std::to_string(failures.load()) + " replicas could not join");
    }
    return replicas;
}

// Starts the live sessions of replicas [from, to), a few logins at a time (the server admits a
// bounded number of connections waiting for their login from one address), and waits until
// each has synced once.
void connect(std::vector<Replica>& replicas, int from, int to, Tracker& tracker)
{
    constexpr int kGroup = 16;
    for (int group = from; group < to; group += kGroup) {
        const int end = std::min(to, group + kGroup);
        for (int i = group; i < end; ++i) {
            auto& replica = replicas[static_cast<std::size_t>(i)];
            net::LiveOptions options;
            options.sync.timeout = 60s;
            replica.live = std::make_unique<net::LiveSync>(replica.path, options, callbacksFor(tracker, i));
            replica.live->start();
            replica.app = Project::open(replica.path);
        }
        std::unique_lock lock(tracker.mutex);
        if (!tracker.changed.wait_for(lock, 120s, [&] { return tracker.ready >= end; })) {
            throw std::runtime_error("only " + std::to_string(tracker.ready) + " of " + std::to_string(end) +
                                     " replicas connected within 2 minutes");
        }
    }
}

struct Propagation
{
    std::vector<double> all;    // ms, one per (round, receiving replica)
    std::vector<double> every;  // ms, one per round: until the last replica had it
    std::vector<double> across; // ms, those of `all` on the other server than the writer's
    int incomplete = 0;         // rounds in which some replica did not get it within 30 s
};

Propagation propagate(std::vector<Replica>& replicas, int count, const LiveBenchOptions& options, Tracker& tracker)
{
    Propagation result;
    static const char* kLabels[] = {"pos", "neg", "neutral"};
    for (int round = 0; round < options.labels; ++round) {
        const int writer = round % count;
        {
            std::lock_guard lock(tracker.mutex);
            tracker.writer = writer;
            tracker.acknowledged.reset();
            tracker.arrived.assign(replicas.size(), std::nullopt);
            tracker.arrivals = 0;
        }
        auto& replica = replicas[static_cast<std::size_t>(writer)];
        const std::string user = replica.app->replica().load()->user;
        // A sample per round (wrapping past the project's samples), so every label is news.
        replica.app->annotate("s" + std::to_string(1 + round % 1000), user,
                              nlohmann::json{{"labels", {kLabels[round % 3]}}});
        replica.live->pushSoon();

        std::unique_lock lock(tracker.mutex);
        const bool complete =
            tracker.changed.wait_for(lock, 30s, [&] { return tracker.acknowledged && tracker.arrivals == count - 1; });
        if (!complete || !tracker.acknowledged) {
            ++result.incomplete;
        }
        if (tracker.acknowledged) {
            double last = 0;
            for (int i = 0; i < count; ++i) {
                if (const auto& arrived = tracker.arrived[static_cast<std::size_t>(i)]; arrived && i != writer) {
                    // An arrival may be stored a moment before the writer has recorded its own
                    // acknowledgement: that counts as 0.
                    const double ms = std::max(
                        0.0, std::chrono::duration<double, std::milli>(*arrived - *tracker.acknowledged).count());
                    result.all.push_back(ms);
                    if (options.otherPort != 0 && i % 2 != writer % 2) {
                        result.across.push_back(ms);
                    }
                    last = std::max(last, ms);
                }
            }
            if (complete) {
                result.every.push_back(last);
            }
        }
        tracker.writer = -1;
        lock.unlock();
        std::this_thread::sleep_for(std::chrono::milliseconds(options.gapMs));
    }
    return result;
}

// The server's CPU over the window, as a percentage of one core.
double serverCpu(int pid, int seconds)
{
    const double before = cpuSeconds(pid);
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    return 100.0 * (cpuSeconds(pid) - before) / seconds;
}

struct Polling
{
    double cpuPercent = 0;
    std::int64_t syncs = 0;
    std::int64_t failures = 0;
};

// The peer: each replica syncs the old way (a new connection and hello every 2 s, as the GUI's
// bridge did), staggered over the interval; the window starts once all of them are under way.
Polling poll(const std::vector<Replica>& replicas, int count, const LiveBenchOptions& options)
{
    Polling result;
    std::atomic<std::int64_t> syncs{0};
    std::atomic<std::int64_t> failures{0};
    const auto start = Steady::now();
    const auto end = start + 3s + std::chrono::seconds(options.windowSeconds) + 1s;
    std::vector<std::thread> pollers;
    for (int i = 0; i < count; ++i) {
        pollers.emplace_back([&, i] {
            auto project = Project::open(replicas[static_cast<std::size_t>(i)].path);
            net::SyncOptions sync;
            sync.retry.attempts = 1;
            sync.timeout = 30s;
            auto next = start + std::chrono::milliseconds(2000 * i / count);
            while (next < end) {
                std::this_thread::sleep_until(next);
                try {
                    net::syncReplica(*project, sync);
                    ++syncs;
                } catch (const std::exception&) {
                    ++failures;
                }
                next += 2s;
            }
        });
    }
    std::this_thread::sleep_until(start + 3s);
    const std::int64_t syncsBefore = syncs;
    const std::int64_t failuresBefore = failures;
    result.cpuPercent = serverCpu(options.serverPid, options.windowSeconds);
    result.syncs = syncs - syncsBefore;
    result.failures = failures - failuresBefore;
    for (auto& poller : pollers) {
        poller.join();
    }
    return result;
}

} // namespace

void liveBench(const LiveBenchOptions& options)
{
    // Each replica holds two SQLite connections, a socket and its io_context's descriptors here.
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    const int most = std::max({options.replicas, options.idleReplicas, options.pollReplicas});
    limit.rlim_cur = std::max(limit.rlim_cur, std::min<rlim_t>(limit.rlim_max, static_cast<rlim_t>(most) * 10 + 256));
    setrlimit(RLIMIT_NOFILE, &limit);

    auto replicas = joinReplicas(options, most);
    Tracker tracker;
    tracker.arrived.assign(replicas.size(), std::nullopt);

    connect(replicas, 0, options.replicas, tracker);
    const Propagation propagation = propagate(replicas, options.replicas, options, tracker);
    auto every = propagation.every;
    auto all = propagation.all;
    auto across = propagation.across;

    const int idleReplicas = std::max(options.replicas, options.idleReplicas);
    connect(replicas, options.replicas, idleReplicas, tracker);
    std::this_thread::sleep_for(2s); // the last connections' first syncs settle
    std::int64_t pingsBefore = 0;
    std::int64_t syncsBefore = 0;
    {
        std::lock_guard lock(tracker.mutex);
        pingsBefore = tracker.pings;
        syncsBefore = tracker.syncs;
    }
    const double idleCpu = serverCpu(options.serverPid, options.windowSeconds);
    std::int64_t idlePings = 0;
    std::int64_t idleSyncs = 0;
    int offline = 0;
    {
        std::lock_guard lock(tracker.mutex);
        idlePings = tracker.pings - pingsBefore;
        idleSyncs = tracker.syncs - syncsBefore;
        offline = tracker.offline;
    }
    for (auto& replica : replicas) {
        replica.live.reset(); // stops and waits
    }

    const Polling polling = poll(replicas, options.pollReplicas, options);

    std::cout << nlohmann::json{{"mode", "live"},
                                {"replicas", options.replicas},
                                {"labels", options.labels},
                                {"gap_ms", options.gapMs},
                                {"every_p50_ms", percentile(every, 0.50)},
                                {"every_p99_ms", percentile(every, 0.99)},
                                {"every_max_ms", every.empty() ? 0 : *std::max_element(every.begin(), every.end())},
                                {"each_p50_ms", percentile(all, 0.50)},
                                {"each_p99_ms", percentile(all, 0.99)},
                                {"across_servers", options.otherPort != 0},
                                {"across_p50_ms", percentile(across, 0.50)},
                                {"across_p99_ms", percentile(across, 0.99)},
                                {"incomplete_rounds", propagation.incomplete},
                                {"idle_replicas", idleReplicas},
                                {"window_seconds", options.windowSeconds},
                                {"idle_cpu_percent", idleCpu},
                                {"idle_pings", idlePings},
                                {"idle_syncs", idleSyncs},
                                {"offline_events", offline},
                                {"poll_replicas", options.pollReplicas},
                                {"poll_cpu_percent", polling.cpuPercent},
                                {"poll_syncs", polling.syncs},
                                {"poll_failures", polling.failures}}
                     .dump()
              << std::endl;
}

} // namespace concord::bench
