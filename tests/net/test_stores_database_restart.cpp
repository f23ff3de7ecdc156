// Failures under load with two servers on one PostgreSQL project and replicas writing through
// both (tagged [.][postgresql]: hidden from a plain run of the binary, run by ctest with --store
// postgresql only): PostgreSQL stopped (immediate mode, what a crash does) and started again,
// and one server killed (SIGKILL) while its replicas move to the other. Afterwards every label is in the database once
// and every replica converges.
#include "net/client/ReplicaSync.hpp"
#include "pgstore/Connection.hpp"
#include "tests/net/ServeProcess.hpp"
#include "tests/net/ServerThread.hpp"
#include "tests/net/StoreUnderTest.hpp"
#include "tests/net/SyncFixture.hpp"
#include "tests/support/PgCluster.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

using namespace concord;

namespace {

// What the writers did, for the test to wait on.
struct WriterProgress
{
    std::mutex mutex;
    std::condition_variable changed;
    std::int64_t acknowledged = 0;
    std::int64_t failedSyncs = 0;

    void add(std::int64_t acked, bool failed)
    {
        {
            std::lock_guard lock(mutex);
            acknowledged += acked;
            failedSyncs += failed ? 1 : 0;
        }
        changed.notify_all();
    }

    template <typename Predicate> bool waitFor(Predicate done)
    {
        std::unique_lock lock(mutex);
        return changed.wait_for(lock, std::chrono::seconds(120), [&] { return done(*this); });
    }
};

test::ProjectUnderTest::Contents writersProject(int replicas, int records)
{
    test::ProjectUnderTest::Contents contents;
    contents.settings.name = "durable";
    contents.schema = RecordSchema::fromLegacy(LabelSchema::fromNames(TaskKind::Single, {"pos", "neg"}));
    for (int i = 1; i <= records; ++i) {
        contents.records.push_back(Sample{0, "s" + std::to_string(i), "sample " + std::to_string(i), "{}", ""});
    }
    for (int i = 0; i < replicas; ++i) {
        contents.users["a" + std::to_string(i)] = Role::Annotator;
    }
    return contents;
}

// Joins one replica per annotator a0, a1, ..., the i-th through the endpoints `serversOf(i)` (the
// first tried first), and returns their paths.
std::vector<std::string> joinReplicas(const test::ProjectUnderTest& project, const test::TempDir& dir, int count,
                                      const std::function<std::vector<net::Endpoint>(int)>& serversOf)
{
    std::vector<std::string> paths;
    for (int i = 0; i < count; ++i) {
        const std::vector<net::Endpoint> servers = serversOf(i);
        net::JoinOptions join;
        join.endpoint = servers.front();
        join.fallbacks.assign(servers.begin() + 1, servers.end());
        join.user = "a" + std::to_string(i);
        join.token = project.token(join.user);
        join.path = dir.file(join.user + ".concord");
        join.sync = test::SyncFixture::quickOptions();
        net::joinServer(join);
        paths.push_back(join.path);
    }
    return paths;
}

// Replicas that label round after round (a new version each time) and sync after every label,
// until stopped; a failed sync leaves its labels pending.
class Writers
{
public:
    Writers(const std::vector<std::string>& paths, int records)
    {
        for (std::size_t i = 0; i < paths.size(); ++i) {
            m_threads.emplace_back([this, path = paths[i], i, records] {
                auto replica = Project::open(path);
                net::SyncOptions options = test::SyncFixture::quickOptions();
                options.retry.attempts = 2;
                for (int round = 0; !m_stop; ++round) {
                    replica->annotate("s" + std::to_string(round % records + 1), "a" + std::to_string(i),
                                      test::SyncFixture::label(round % 2 == 0 ? "pos" : "neg"));
                    ++m_labeled;
                    try {
                        progress.add(net::syncReplica(*replica, options).pushed, false);
                    } catch (const std::exception&) {
                        progress.add(0, true);
                    }
                }
            });
        }
    }
    ~Writers() { stop(); }

    // Waits for `more` acknowledgements after those so far.
    bool waitForMoreAcks(std::int64_t more)
    {
        std::int64_t before = 0;
        {
            std::lock_guard lock(progress.mutex);
            before = progress.acknowledged;
        }
        return progress.waitFor([&](const WriterProgress& p) { return p.acknowledged >= before + more; });
    }

    void stop()
    {
        m_stop = true;
        for (auto& thread : m_threads) {
            if (thread.joinable()) {
                thread.join();
            }
        }
    }

    std::int64_t labeled() const { return m_labeled; }

    WriterProgress progress;

private:
    std::atomic<bool> m_stop{false};
    std::atomic<std::int64_t> m_labeled{0};
    std::vector<std::thread> m_threads;
};

// Syncs every replica until nothing is pending, then once more so that each has what the
// others sent; checks they hold the same labels and the database holds each label once.
void checkConverged(const std::vector<std::string>& paths, const std::string& database, std::int64_t labeled)
{
    for (const auto& path : paths) {
        auto replica = Project::open(path);
        net::syncReplica(*replica, test::SyncFixture::quickOptions());
        CHECK(replica->outbox().pendingCount() == 0);
    }
    for (const auto& path : paths) {
        auto replica = Project::open(path);
        net::syncReplica(*replica, test::SyncFixture::quickOptions());
    }
    const std::string reference = test::SyncFixture::digest(paths.front());
    for (const auto& path : paths) {
        CHECK(test::SyncFixture::digest(path) == reference);
    }
    pg::Connection connection(database);
    const auto log = connection.exec("SELECT count(*), count(DISTINCT (author, op_id)), max(seq) FROM changes");
    CHECK(log.integer(0, 0) == labeled);
    CHECK(log.integer(0, 1) == labeled);
    CHECK(log.integer(0, 2) == labeled);
}

} // namespace

TEST_CASE("PostgreSQL stopped and started under load: servers survive, every label is stored once",
          "[.][postgresql][integration][sync]")
{
    REQUIRE(test::storeUnderTest() == test::StoreKind::Postgresql);
    constexpr int kReplicas = 8;
    constexpr int kRecords = 10;
    test::TempDir dir;
    const auto contents = writersProject(kReplicas, kRecords);
    test::ProjectUnderTest project(dir.file("durable.concord"), contents);
    test::ServerThread first(project);
    test::ServerThread second(project);
    const auto paths = joinReplicas(project, dir, kReplicas, [&](int i) {
        return std::vector<net::Endpoint>{(i % 2 == 0 ? first : second).endpoint()};
    });

    Writers writers(paths, kRecords);
    test::PgCluster& cluster = test::PgCluster::shared();
    REQUIRE(writers.waitForMoreAcks(40));
    cluster.stopImmediately();
    REQUIRE(writers.progress.waitFor([](const WriterProgress& p) { return p.failedSyncs >= kReplicas; }));
    cluster.start();
    REQUIRE(writers.waitForMoreAcks(40));
    writers.stop();
    checkConverged(paths, project.address(), writers.labeled());
}

TEST_CASE("a server killed under load: its replicas move to the other server, every label is stored once",
          "[.][postgresql][integration][sync][process]")
{
    REQUIRE(test::storeUnderTest() == test::StoreKind::Postgresql);
    constexpr int kReplicas = 8;
    constexpr int kRecords = 10;
    test::TempDir dir;
    test::ProjectUnderTest project(dir.file("durable.concord"), writersProject(kReplicas, kRecords));
    // Two concord-cli serve processes on the project, with one certificate between them.
    const std::vector<std::string> options = {"--project",          project.name(), "--cert",
                                              dir.file("cert.pem"), "--key",        dir.file("key.pem")};
    auto first = std::make_unique<test::ServeProcess>(CONCORD_CLI, "--store=" + project.address(),
                                                      dir.file("first.log"), 0, options);
    test::ServeProcess second(CONCORD_CLI, "--store=" + project.address(), dir.file("second.log"), 0, options);
    REQUIRE(first->fingerprint() == second.fingerprint());
    // Half start on each server, the other one as their fall-back.
    const auto paths = joinReplicas(project, dir, kReplicas, [&](int i) {
        auto servers = net::parseEndpoints(first->address() + "," + second.address());
        if (i % 2 == 1) {
            std::swap(servers[0], servers[1]);
        }
        return servers;
    });

    Writers writers(paths, kRecords);
    REQUIRE(writers.waitForMoreAcks(40));
    first->kill();                        // no destructor, no final commit
    REQUIRE(writers.waitForMoreAcks(80)); // all of them through the second now
    writers.stop();
    checkConverged(paths, project.address(), writers.labeled());
    CHECK(second.stop(SIGTERM) == 0);
}
