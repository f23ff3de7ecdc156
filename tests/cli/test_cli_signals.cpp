// concord-cli signal: add, list, show and remove, and refusal of expressions that do more
// than read.
#include "core/store/Project.hpp"
#include "tests/support/RunCommand.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using concord::test::quoted;
using concord::test::runCommand;

namespace {

concord::test::CommandResult cli(const std::string& arguments)
{
    return runCommand(std::string(CONCORD_CLI) + " " + arguments);
}

} // namespace

TEST_CASE("cli: signals are saved, listed, shown and removed", "[cli][signals]")
{
    concord::test::TempDir dir;
    const auto project = quoted(dir.file("p.concord"));
    REQUIRE(cli("init " + project + " --kind single --labels pos,neg").exitCode == 0);
    {
        std::ofstream data(dir.file("d.jsonl"));
        data << R"({"id":"a","text":"short","source":"web"})" << '\n'
             << R"({"id":"b","text":"a much longer text about things","source":"news"})" << '\n'
             << R"({"id":"c","text":"another web text that is long","source":"web"})" << '\n';
    }
    REQUIRE(cli("import " + project + " " + quoted(dir.file("d.jsonl"))).exitCode == 0);

    const auto added =
        cli("signal add " + project + " long-web \"length > 10 AND json_extract(meta, '$.source') = 'web'\"");
    REQUIRE(added.exitCode == 0);
    CHECK_THAT(added.output, Catch::Contains("1 samples match now"));
    const auto shown = cli("signal show " + project + " long-web");
    CHECK(shown.exitCode == 0);
    CHECK_THAT(shown.output, Catch::StartsWith("c\n"));
    const auto where = cli("signal show " + project + " --where \"length > 10\" --json");
    CHECK(nlohmann::json::parse(where.output.substr(0, where.output.rfind('}') + 1))["ids"] ==
          nlohmann::json{"b", "c"});
    CHECK_THAT(cli("signal list " + project).output, Catch::Contains("long-web"));

    const auto refused = cli("signal add " + project + " sneaky \"(SELECT count(*) FROM annotations) > 0\"");
    CHECK(refused.exitCode == 3);
    CHECK_THAT(refused.output, Catch::Contains("it reads table 'annotations'"));
    const auto bad = cli("signal add " + project + " broken \"length >\"");
    CHECK(bad.exitCode == 3);
    CHECK_THAT(bad.output, Catch::Contains("syntax error"));
    CHECK_THAT(cli("signal show " + project + " nope").output, Catch::Contains("no signal named 'nope'"));

    REQUIRE(cli("export " + project + " " + quoted(dir.file("out.jsonl")) + " --signal long-web").exitCode == 0);
    std::ifstream exported(dir.file("out.jsonl"));
    std::string line;
    std::vector<std::string> ids;
    while (std::getline(exported, line)) {
        ids.push_back(nlohmann::json::parse(line)["id"]);
    }
    CHECK(ids == std::vector<std::string>{"c"});

    CHECK(cli("signal remove " + project + " long-web").exitCode == 0);
    CHECK(cli("signal remove " + project + " long-web").exitCode == 3);
    CHECK(concord::Project::open(dir.file("p.concord"))->signals().list().empty());
}
