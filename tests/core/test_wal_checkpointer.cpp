// The checkpointer copies the log into the database file on its own thread, while the
// connection that writes has its own checkpoints turned off.
#include "core/store/Project.hpp"
#include "core/store/Sqlite.hpp"
#include "core/store/WalCheckpointer.hpp"
#include "core/util/Error.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <thread>

using namespace concord;

namespace {

std::uintmax_t sizeOf(const std::string& path)
{
    return std::filesystem::exists(path) ? std::filesystem::file_size(path) : 0;
}

// Inserts `count` samples, one transaction each, as labeling does.
void write(Project& project, int from, int count)
{
    for (int i = from; i < from + count; ++i) {
        REQUIRE(project.samples().insert("s" + std::to_string(i), std::string(2000, 'a' + i % 26), "{}"));
    }
}

template <typename Done> bool waitFor(Done done)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) {
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

} // namespace

TEST_CASE("the checkpointer moves the log into the file while the writer's own checkpoints are off", "[store]")
{
    test::TempDir dir;
    const std::string path = dir.file("p.concord");
    auto project = Project::create(path, ProjectSettings{}, LabelSchema::fromNames(TaskKind::Single, {"a", "b"}));
    store::WalCheckpointer::disableAutoCheckpoint(project->database());

    // 1,500 transactions of ~2 KB: past SQLite's 1,000-page threshold, yet with automatic
    // checkpoints off the file itself has not grown.
    const auto fileBefore = sizeOf(path);
    write(*project, 0, 1500);
    CHECK(sizeOf(path) == fileBefore);
    CHECK(sizeOf(path + "-wal") > 3'000'000);

    {
        store::WalCheckpointer checkpointer(path, std::chrono::milliseconds(10));
        REQUIRE(waitFor([&] { return checkpointer.runs() >= 2; }));
        CHECK(checkpointer.lastError().empty());
        CHECK(sizeOf(path) > fileBefore + 3'000'000); // the pages are in the file now
        // The log restarts from its beginning after a complete checkpoint, so it does not grow
        // without bound while the annotator goes on writing.
        const auto walAfterCheckpoint = sizeOf(path + "-wal");
        write(*project, 1500, 50);
        REQUIRE(waitFor([&, runs = checkpointer.runs()] { return checkpointer.runs() >= runs + 2; }));
        write(*project, 1550, 50);
        CHECK(sizeOf(path + "-wal") <= walAfterCheckpoint);
    }
    // Every row is there, read through a fresh connection.
    project.reset();
    auto reopened = Project::open(path);
    CHECK(reopened->samples().count() == 1600);
}

TEST_CASE("a checkpointer for a file that is not there fails at once with the path", "[store]")
{
    test::TempDir dir;
    CHECK_THROWS_AS(store::WalCheckpointer(dir.file("missing.concord")), StoreError);
    CHECK_THROWS_WITH(store::WalCheckpointer(dir.file("missing.concord")), Catch::Contains("missing.concord"));
}
