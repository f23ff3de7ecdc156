// Drives the built concord-cli binary end to end on real files.
#include "core/store/Project.hpp"
#include "tests/cli/CliTestSupport.hpp"
#include "tests/support/RunCommand.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace concord;
using test::cli;
using test::quoted;
using test::runCommand;
using test::writeFile;

namespace {

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

} // namespace

TEST_CASE("cli: init, import with labels, label, info and export", "[cli]")
{
    test::TempDir dir;
    const auto project = quoted(dir.file("p.concord"));
    REQUIRE(cli("init " + project + " --kind single --labels pos,neg --overlap 2").exitCode == 0);
    writeFile(dir.file("data.jsonl"), "{\"id\":\"a\",\"text\":\"good\",\"label\":\"pos\",\"src\":\"web\"}\n"
                                      "{\"id\":\"b\",\"text\":\"bad\"}\n");
    const auto imported =
        cli("import " + project + " " + quoted(dir.file("data.jsonl")) + " --label-field label --annotator uci");
    REQUIRE(imported.exitCode == 0);
    CHECK_THAT(imported.output, Catch::Contains("Imported 2 samples with 1 labels by uci"));

    REQUIRE(cli("label " + project + " b --label neg --annotator ann").exitCode == 0);
    const auto info = cli("info " + project);
    REQUIRE(info.exitCode == 0);
    CHECK_THAT(info.output, Catch::Contains("Samples   2 (2 labeled by someone"));
    CHECK_THAT(info.output, Catch::Contains("uci"));
    CHECK_THAT(info.output, Catch::Contains("50.0%"));
    const auto json = nlohmann::json::parse(cli("info --json " + project).output);
    CHECK(json["annotators"].size() == 2);
    CHECK(json["overlap"] == 2);

    REQUIRE(cli("export " + project + " " + quoted(dir.file("out.jsonl"))).exitCode == 0);
    const auto exported = readFile(dir.file("out.jsonl"));
    const auto first = nlohmann::json::parse(exported.substr(0, exported.find('\n')));
    CHECK(first["id"] == "a");
    CHECK(first["meta"]["src"] == "web");
    CHECK(first["annotations"]["uci"]["labels"][0] == "pos");
}

TEST_CASE("cli: exit codes for usage errors, bad input and failures", "[cli]")
{
    test::TempDir dir;
    const auto project = quoted(dir.file("p.concord"));
    CHECK(cli("").exitCode == 2);
    CHECK(cli("frobnicate").exitCode == 2);
    CHECK(cli("init").exitCode == 2);
    CHECK(cli("init " + project + " --kind tree --labels a").exitCode == 2);
    CHECK(cli("--version").output == std::string("concord-cli ") + CONCORD_VERSION + "\n");
    for (const char* command : {"init", "import", "info", "label", "export"}) {
        const auto help = cli(std::string(command) + " --help");
        CHECK(help.exitCode == 0);
        CHECK_THAT(help.output, Catch::Contains("Usage"));
    }

    REQUIRE(cli("init " + project + " --kind single --labels a,b").exitCode == 0);
    const auto again = cli("init " + project + " --kind single --labels a,b");
    CHECK(again.exitCode == 3);
    CHECK_THAT(again.output, Catch::Contains("already exists"));

    writeFile(dir.file("d.jsonl"), "{\"id\":\"x\",\"text\":\"t\"}\n");
    REQUIRE(cli("import " + project + " " + quoted(dir.file("d.jsonl"))).exitCode == 0);
    const auto badLabel = cli("label " + project + " x --label c --annotator ann");
    CHECK(badLabel.exitCode == 3);
    CHECK_THAT(badLabel.output, Catch::Contains("sample 'x': unknown label 'c' (the schema has: a, b)"));

    CHECK(cli("info " + quoted(dir.file("missing.concord"))).exitCode == 3);
    CHECK(cli("import " + project + " " + quoted(dir.file("missing.jsonl"))).exitCode == 4);
    writeFile(dir.file("not-a-project"), std::string(4096, 'x'));
    CHECK(cli("info " + quoted(dir.file("not-a-project"))).exitCode == 4);
}

TEST_CASE("cli: a broken line leaves the project as it was, --skip-invalid imports the rest", "[cli]")
{
    test::TempDir dir;
    const auto project = quoted(dir.file("p.concord"));
    REQUIRE(cli("init " + project + " --kind single --labels a,b").exitCode == 0);
    std::string data;
    for (int i = 1; i <= 2000; ++i) {
        data += i == 1001 ? std::string("{\"id\": \"broken\", \"text\": \n")
                          : "{\"id\":\"s" + std::to_string(i) + "\",\"text\":\"sample " + std::to_string(i) + "\"}\n";
    }
    writeFile(dir.file("big.jsonl"), data);
    const std::string before = readFile(dir.file("p.concord"));

    const auto failed = cli("import " + project + " " + quoted(dir.file("big.jsonl")));
    CHECK(failed.exitCode == 3);
    CHECK_THAT(failed.output, Catch::Contains("big.jsonl:1001: invalid JSON"));
    CHECK_THAT(failed.output, Catch::Contains("nothing was imported: 1 of 2,000 records"));
    CHECK(Project::open(dir.file("p.concord"))->samples().count() == 0);

    const auto skipped = cli("import " + project + " " + quoted(dir.file("big.jsonl")) + " --skip-invalid --rejects " +
                             quoted(dir.file("rejects.jsonl")));
    CHECK(skipped.exitCode == 0);
    CHECK_THAT(skipped.output, Catch::Contains("Imported 1,999 samples"));
    CHECK(Project::open(dir.file("p.concord"))->samples().count() == 1999);
    const auto reject = nlohmann::json::parse(readFile(dir.file("rejects.jsonl")));
    CHECK(reject["line"] == 1001);
    CHECK_THAT(reject["reason"].get<std::string>(), Catch::Contains("invalid JSON"));
    CHECK(reject["raw"] == "{\"id\": \"broken\", \"text\": ");
}

TEST_CASE("cli: init from a schema file names the file in its errors", "[cli]")
{
    test::TempDir dir;
    writeFile(dir.file("schema.json"), R"({"kind":"spans","labels":[{"name":"PER","key":"p"}],"allow_overlap":false})");
    REQUIRE(cli("init " + quoted(dir.file("s.concord")) + " --schema " + quoted(dir.file("schema.json"))).exitCode ==
            0);
    CHECK(Project::open(dir.file("s.concord"))->schema().kind == TaskKind::Spans);

    writeFile(dir.file("bad.json"), R"({"kind":"single","labels":[{"name":"a","color":"blue"}]})");
    const auto bad = cli("init " + quoted(dir.file("b.concord")) + " --schema " + quoted(dir.file("bad.json")));
    CHECK(bad.exitCode == 3);
    CHECK_THAT(bad.output, Catch::Contains("bad.json: schema: label 'a' has colour 'blue'"));
}
