// A client killed before or during its sync loses nothing: labels written by `concord-cli
// label` sit in the replica's outbox, a `concord-cli sync` killed with SIGKILL (while waiting
// for the server, or in the middle of pushing) leaves the replica consistent, and the next sync
// sends every label, each applied exactly once.
#include "tests/net/BlackHole.hpp"
#include "tests/net/ChildProcess.hpp"
#include "tests/net/SyncFixture.hpp"
#include "tests/support/RunCommand.hpp"

#include <random>

using namespace concord;
using test::BlackHole;
using test::ChildProcess;
using test::ServerThread;
using test::SyncFixture;

namespace {

std::vector<std::string> syncArguments(const std::string& replica)
{
    return {CONCORD_CLI, "sync", replica, "--timeout", "60", "--attempts", "1"};
}

} // namespace

TEST_CASE("process: labels of a client killed before it synced are sent on the next sync", "[process][sync][stores]")
{
    SyncFixture fixture(50);
    std::uint16_t port = 0;
    {
        ServerThread server(fixture.project);
        port = server.port();
        fixture.join(server, "alice", "alice");
    }
    const std::string replica = fixture.replicaPath("alice");
    for (int i = 1; i <= 10; ++i) {
        const auto labeled = test::runCommand(std::string(CONCORD_CLI) + " label " + test::quoted(replica) + " s" +
                                              std::to_string(i) + " --label pos --annotator alice");
        REQUIRE(labeled.exitCode == 0);
    }

    // The sync reaches a server that never answers and is killed while it waits.
    {
        BlackHole hole(port);
        ChildProcess sync(syncArguments(replica), fixture.dir.file("sync-hole.log"));
        std::this_thread::sleep_for(std::chrono::milliseconds(400));
        REQUIRE(sync.kill()); // it was still running: waiting for the handshake
    }
    CHECK(Project::open(replica)->outbox().pendingCount() == 10);
    CHECK(Project::open(replica)->annotations().count() == 10);

    ServerThread server(fixture.project, port);
    ChildProcess sync(syncArguments(replica), fixture.dir.file("sync.log"));
    REQUIRE(sync.wait() == 0);
    CHECK_THAT(sync.output(), Catch::Contains("Sent 10 operations"));
    CHECK(Project::open(replica)->outbox().pendingCount() == 0);
    CHECK(fixture.project.operations() == 10); // alice's: no one else writes
    CHECK(SyncFixture::digest(replica, "alice") == fixture.serverDigest("alice"));
}

TEST_CASE("process: a sync killed with SIGKILL mid-push resumes and applies each label once", "[process][sync][stores]")
{
    constexpr int kRounds = 5;
    constexpr int kEditsPerRound = 600;
    SyncFixture fixture(300);
    ServerThread server(fixture.project);
    fixture.join(server, "alice", "alice");
    const std::string replica = fixture.replicaPath("alice");

    std::random_device device;
    const unsigned seed = device();
    INFO("seed " << seed);
    std::minstd_rand random(seed);
    static const char* kLabels[] = {"pos", "neg", "neutral"};
    int killedRunning = 0;
    // At least kRounds; more, each killed sooner, until one kill found its sync still running (a
    // fast machine may finish every push within the first delays drawn).
    constexpr int kMaxRounds = 30;
    int rounds = 0;
    for (int round = 0; round < kRounds || (killedRunning == 0 && round < kMaxRounds); ++round) {
        rounds = round + 1;
        {
            auto project = Project::open(replica);
            for (int i = 0; i < kEditsPerRound; ++i) {
                project->annotate("s" + std::to_string(1 + random() % 300), "alice",
                                  SyncFixture::label(kLabels[random() % 3]));
            }
        }
        ChildProcess sync(syncArguments(replica), fixture.dir.file("sync.log"));
        const int latest = round < kRounds ? 120 : 5;
        std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(1, latest)(random)));
        killedRunning += sync.kill() ? 1 : 0;
        // Whatever the moment of the kill, the replica opens and every edit is on the server or
        // still in the outbox (or both, when the kill came between the ack and its record).
        auto project = Project::open(replica);
        const auto sent = fixture.project.operations();
        CHECK(sent <= (round + 1) * kEditsPerRound);
        CHECK(sent + project->outbox().pendingCount() >= (round + 1) * kEditsPerRound);
    }
    // Otherwise every sync finished before its kill and the rounds showed nothing.
    CHECK(killedRunning > 0);

    ChildProcess sync(syncArguments(replica), fixture.dir.file("sync-final.log"));
    REQUIRE(sync.wait() == 0);
    CHECK(Project::open(replica)->outbox().pendingCount() == 0);
    CHECK(fixture.project.operations() == rounds * kEditsPerRound);
    CHECK(SyncFixture::digest(replica, "alice") == fixture.serverDigest("alice"));
}
