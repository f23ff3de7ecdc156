// concord-cli endpoint list|add|remove: the servers a replica syncs with, kept in its file in
// the order they are tried; the last one cannot be removed, nor one added twice.
#include "core/store/Project.hpp"
#include "tests/cli/CliTestSupport.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

using namespace concord;
using test::cli;
using test::quoted;

TEST_CASE("cli endpoint: a replica's servers listed, added and removed", "[cli][sync]")
{
    test::TempDir dir;
    const std::string path = dir.file("replica.concord");
    {
        ProjectSettings settings;
        settings.name = "replica";
        auto replica = Project::create(path, settings, LabelSchema::fromNames(TaskKind::Single, {"pos", "neg"}));
        ReplicaInfo info;
        info.server = "one.example:7443";
        info.user = "ana";
        info.projectId = "p";
        info.clientId = "c";
        replica->replica().create(info);
    }
    CHECK(cli("endpoint list " + quoted(path)).output == "one.example:7443\n");
    const auto added = cli("endpoint add " + quoted(path) + " two.example:7443");
    REQUIRE(added.exitCode == 0);
    CHECK_THAT(added.output, Catch::Contains("syncs with one.example:7443,two.example:7443"));
    CHECK(cli("endpoint list " + quoted(path)).output == "one.example:7443\ntwo.example:7443\n");
    const auto twice = cli("endpoint add " + quoted(path) + " two.example:7443");
    CHECK(twice.exitCode == 3);
    CHECK_THAT(twice.output, Catch::Contains("syncs with two.example:7443 already"));

    REQUIRE(cli("endpoint remove " + quoted(path) + " one.example:7443").exitCode == 0);
    CHECK(cli("endpoint list " + quoted(path)).output == "two.example:7443\n");
    const auto last = cli("endpoint remove " + quoted(path) + " two.example:7443");
    CHECK(last.exitCode == 3);
    CHECK_THAT(last.output, Catch::Contains("is the only server"));
    const auto unknown = cli("endpoint remove " + quoted(path) + " three.example:1");
    CHECK(unknown.exitCode == 3);
    CHECK_THAT(unknown.output, Catch::Contains("does not sync with three.example:1"));
    const auto bad = cli("endpoint add " + quoted(path) + " nowhere");
    CHECK(bad.exitCode == 3);
    CHECK_THAT(bad.output, Catch::Contains("is not HOST:PORT"));
}
