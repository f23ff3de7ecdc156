// PostgreSQL stopped under load (immediate mode, what a crash does) and started again, with two
// servers on the project and replicas writing through both (tagged [postgresql]: ctest runs it
// with --store postgresql only). The servers survive; syncs during the outage fail and the labels
// stay pending; afterwards every label is in the database once and every replica converges.
#include "net/client/ReplicaSync.hpp"
#include "pgstore/Connection.hpp"
#include "tests/net/ServerThread.hpp"
#include "tests/net/StoreUnderTest.hpp"
#include "tests/net/SyncFixture.hpp"
#include "tests/support/PgCluster.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <condition_variable>
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

} // namespace

TEST_CASE("PostgreSQL stopped and started under load: servers survive, every label is stored once",
          "[postgresql][integration][sync]")
{
    REQUIRE(test::storeUnderTest() == test::StoreKind::Postgresql);
    constexpr int kReplicas = 8;
    constexpr int kRecords = 10;
    test::TempDir dir;
    test::ProjectUnderTest::Contents contents;
    contents.settings.name = "durable";
    contents.schema = RecordSchema::fromLegacy(LabelSchema::fromNames(TaskKind::Single, {"pos", "neg"}));
    for (int i = 1; i <= kRecords; ++i) {
        contents.records.push_back(Sample{0, "s" + std::to_string(i), "sample " + std::to_string(i), "{}", ""});
    }
    for (int i = 0; i < kReplicas; ++i) {
        contents.users["a" + std::to_string(i)] = Role::Annotator;
    }
    test::ProjectUnderTest project(dir.file("durable.concord"), contents);
    test::ServerThread first(project);
    test::ServerThread second(project);
    std::vector<std::string> paths;
    for (int i = 0; i < kReplicas; ++i) {
        net::JoinOptions options;
        options.endpoint = (i % 2 == 0 ? first : second).endpoint();
        options.user = "a" + std::to_string(i);
        options.token = project.token(options.user);
        options.path = dir.file(options.user + ".concord");
        options.sync = test::SyncFixture::quickOptions();
        net::joinServer(options);
        paths.push_back(options.path);
    }

    // Each writer labels round after round (a new version each time) and syncs after every label,
    // until told to stop; a failed sync leaves its labels pending.
    WriterProgress progress;
    std::atomic<bool> stop{false};
    std::atomic<std::int64_t> labeled{0};
    std::vector<std::thread> writers;
    for (int i = 0; i < kReplicas; ++i) {
        writers.emplace_back([&, i] {
            auto replica = Project::open(paths[static_cast<std::size_t>(i)]);
            net::SyncOptions options = test::SyncFixture::quickOptions();
            options.retry.attempts = 2;
            for (int round = 0; !stop; ++round) {
                replica->annotate("s" + std::to_string(round % kRecords + 1), "a" + std::to_string(i),
                                  test::SyncFixture::label(round % 2 == 0 ? "pos" : "neg"));
                ++labeled;
                try {
                    progress.add(net::syncReplica(*replica, options).pushed, false);
                } catch (const std::exception&) {
                    progress.add(0, true);
                }
            }
        });
    }

    test::PgCluster& cluster = test::PgCluster::shared();
    REQUIRE(progress.waitFor([](const WriterProgress& p) { return p.acknowledged >= 40; }));
    cluster.stopImmediately();
    REQUIRE(progress.waitFor([](const WriterProgress& p) { return p.failedSyncs >= kReplicas; }));
    cluster.start();
    std::int64_t before = 0;
    {
        std::lock_guard lock(progress.mutex);
        before = progress.acknowledged;
    }
    REQUIRE(progress.waitFor([&](const WriterProgress& p) { return p.acknowledged >= before + 40; }));
    stop = true;
    for (auto& writer : writers) {
        writer.join();
    }

    // Whatever stayed pending goes now, through the same two servers.
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
    pg::Connection database(project.address());
    const auto log = database.exec("SELECT count(*), count(DISTINCT (author, op_id)), max(seq) FROM changes");
    CHECK(log.integer(0, 0) == labeled.load());
    CHECK(log.integer(0, 1) == labeled.load());
    CHECK(log.integer(0, 2) == labeled.load());
}
