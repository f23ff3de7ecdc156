// concord-cli import --format argilla: an Argilla export imported into a new project of the same
// schema exports the same records.jsonl again (compared byte for byte); a bad line is named.
#include "core/feedback/Templates.hpp"
#include "core/store/Project.hpp"
#include "tests/cli/CliTestSupport.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace concord;
using test::cli;

namespace {

std::string readAll(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void requireOk(const test::CommandResult& result)
{
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
}

} // namespace

TEST_CASE("cli import --format argilla: export, import, export gives the same file", "[cli][trl][argilla]")
{
    test::TempDir dir;
    const std::string first = dir.file("first.concord");
    {
        ProjectSettings settings;
        auto project = Project::create(first, settings, RecordSchema::fromJson(templateSchema("preference")));
        RecordContent record;
        record.fields = {{"prompt", "Say hi."}, {"response_a", "Hi!"}, {"response_b", "Go away."}};
        const auto key =
            *project->samples().insert("p1", primaryText(project->recordSchema(), record), "{}", encodeRecord(record));
        project->answer(key, "ana", "preference", {{"preference", {{"winner", "response_a"}, {"strength", 2}}}});
        project->answer(key, "ana", "reason", {{"text", "B is rude"}});
        project->setStatus(key, "ana", ResponseStatus::Submitted);
        project->answer(key, "ben", "preference", {{"preference", {{"winner", nullptr}, {"strength", 0}}}});
        project->suggest(key, "preference", "judge", {{"preference", {{"winner", "response_a"}, {"strength", 1}}}},
                         0.75);
    }
    requireOk(cli("export " + first + " --format argilla --out-dir " + dir.file("one")));
    const std::string second = dir.file("second.concord");
    requireOk(cli("init " + second + " --template preference"));
    const auto imported = cli("import " + second + " " + dir.file("one") + "/records.jsonl --format argilla");
    INFO(imported.output);
    REQUIRE(imported.exitCode == 0);
    CHECK_THAT(imported.output, Catch::Contains("Imported 1 records with 3 answers and 1 suggestions"));
    requireOk(cli("export " + second + " --format argilla --out-dir " + dir.file("two")));
    CHECK(readAll(dir.file("two") + "/records.jsonl") == readAll(dir.file("one") + "/records.jsonl"));

    const std::string bad = dir.file("bad.jsonl");
    std::string lines = readAll(dir.file("one") + "/records.jsonl");
    lines += "{\"id\":\"p9\",\"colour\":\"red\"}\n";
    test::writeFile(bad, lines);
    const std::string third = dir.file("third.concord");
    requireOk(cli("init " + third + " --template preference"));
    const auto refused = cli("import " + third + " " + bad + " --format argilla");
    CHECK(refused.exitCode != 0);
    CHECK_THAT(refused.output, Catch::Contains("bad.jsonl:2: column 'colour': unknown column"));
}
