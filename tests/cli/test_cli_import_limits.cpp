// Records too large or too deeply nested to sync are refused at import like any other bad record
// (issue 13, defects 8 to 10): the message names file and line and the limit, nothing is
// imported, and no input crashes the importer.
#include "tests/cli/CliTestSupport.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace concord::test;

namespace {

std::string nestedArrays(std::size_t depth)
{
    return std::string(depth, '[') + std::string(depth, ']');
}

std::string nestedObjects(int depth)
{
    std::string json;
    for (int i = 0; i < depth; ++i) {
        json += R"({"a":)";
    }
    return json + "1" + std::string(static_cast<std::size_t>(depth), '}');
}

struct Project
{
    Project() { REQUIRE(cli("init " + path() + " --kind single --labels pos,neg").exitCode == 0); }
    std::string path() const { return dir.file("p.concord"); }
    std::int64_t samples() const
    {
        return nlohmann::json::parse(cli("info " + path() + " --json").output).at("samples").get<std::int64_t>();
    }
    TempDir dir;
};

} // namespace

TEST_CASE("defect 8: a text larger than the project's limit is refused with file:line", "[cli][hardening]")
{
    Project project;
    const std::string file = project.dir.file("big.jsonl");
    writeFile(file, R"({"id":"small","text":"fine"})"
                    "\n"
                    R"({"id":"big","text":")" +
                        std::string(6'553'600, 'b') + "\"}\n");
    const auto result = cli("import " + project.path() + " " + file);
    INFO(result.output);
    CHECK(result.exitCode == 3);
    CHECK_THAT(result.output, Catch::Contains("big.jsonl:2") && Catch::Contains("1048576"));
    CHECK(project.samples() == 0);
}

TEST_CASE("defect 9: metadata nested deeper than the protocol carries is refused", "[cli][hardening]")
{
    Project project;
    const std::string file = project.dir.file("deep.jsonl");
    writeFile(file, R"({"id":"deep","text":"t","meta":)" + nestedObjects(40) + "}\n");
    const auto result = cli("import " + project.path() + " " + file);
    INFO(result.output);
    CHECK(result.exitCode == 3);
    CHECK_THAT(result.output, Catch::Contains("deep.jsonl:1") && Catch::Contains("nest"));
    CHECK(project.samples() == 0);
}

TEST_CASE("defect 10: nesting 100,000 levels deep is an error, not a crash", "[cli][hardening]")
{
    Project project;
    SECTION("in the metadata")
    {
        const std::string file = project.dir.file("nested.jsonl");
        writeFile(file, R"({"id":"n","text":"t","meta":)" + nestedArrays(100'000) + "}\n");
        const auto result = cli("import " + project.path() + " " + file);
        INFO(result.output.substr(0, 2000));
        CHECK(result.exitCode == 3);
        CHECK_THAT(result.output, Catch::Contains("nested.jsonl:1"));
    }
    SECTION("in the label field")
    {
        const std::string file = project.dir.file("labels.jsonl");
        writeFile(file, R"({"id":"n","text":"t","label":)" + nestedArrays(100'000) + "}\n");
        const auto result = cli("import " + project.path() + " " + file + " --label-field label --annotator ann");
        INFO(result.output.substr(0, 2000));
        CHECK(result.exitCode == 3);
        CHECK_THAT(result.output, Catch::Contains("labels.jsonl:1"));
    }
    CHECK(project.samples() == 0);
}
