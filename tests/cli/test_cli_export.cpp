// concord-cli export --out-dir: the dataset export end to end on a real project file.
#include "core/store/Project.hpp"
#include "tests/cli/CliTestSupport.hpp"
#include "tests/support/RunCommand.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace concord;
using nlohmann::json;
using test::cli;
using test::quoted;
using test::runCommand;
namespace fs = std::filesystem;

namespace {

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::vector<json> readLines(const std::string& path)
{
    std::vector<json> lines;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(json::parse(line));
    }
    return lines;
}

// 40 samples labeled by two annotators who disagree on every fifth; s0 also has a gold label.
std::string makeProject(const test::TempDir& dir)
{
    const std::string path = dir.file("p.concord");
    ProjectSettings settings;
    settings.name = "cli reviews";
    auto project = Project::create(path, settings, LabelSchema::fromNames(TaskKind::Single, {"pos", "neg"}));
    for (int i = 0; i < 40; ++i) {
        const std::string id = "s" + std::to_string(i);
        const std::string text = "review " + std::to_string(i) + " of product " + std::to_string(i * 7919 % 101) +
                                 (i % 2 == 0 ? " was lovely" : " broke quickly");
        REQUIRE(project->samples().insert(id, text, "{\"shop\":\"s" + std::to_string(i % 3) + "\"}").has_value());
        const std::string label = i % 2 == 0 ? "pos" : "neg";
        project->annotate(id, "ann", json{{"labels", {label}}});
        project->annotate(id, "bob", json{{"labels", {i % 5 == 0 ? (label == "pos" ? "neg" : "pos") : label}}});
    }
    project->resolve("s0", "rev", json{{"labels", {"neg"}}}, "");
    return path;
}

} // namespace

TEST_CASE("cli export: a dataset directory, the same for the same seed, with a summary", "[cli][export]")
{
    test::TempDir dir;
    const auto project = quoted(makeProject(dir));
    const auto first = cli("export " + project + " --format hf --out-dir " + quoted(dir.file("a")) + " --seed 3");
    REQUIRE(first.exitCode == 0);
    CHECK_THAT(first.output, Catch::Contains("Exported 40 records (hf)"));
    CHECK_THAT(first.output, Catch::Contains("train"));
    CHECK_THAT(first.output, Catch::Contains("validation"));
    CHECK_THAT(first.output, Catch::Contains("Leakage    none"));
    CHECK_THAT(first.output, Catch::Contains("1 gold, 39 aggregated"));
    REQUIRE(cli("export " + project + " --out-dir " + quoted(dir.file("b")) + " --seed 3").exitCode == 0);
    REQUIRE(cli("export " + project + " --out-dir " + quoted(dir.file("c")) + " --seed 4").exitCode == 0);
    for (const char* file : {"train.jsonl", "validation.jsonl", "test.jsonl", "label_map.json"}) {
        CHECK(readFile(dir.file(std::string("a/") + file)) == readFile(dir.file(std::string("b/") + file)));
    }
    CHECK(readFile(dir.file("a/test.jsonl")) != readFile(dir.file("c/test.jsonl")));

    const auto train = readLines(dir.file("a/train.jsonl"));
    CHECK(train.size() == 32);
    CHECK(readLines(dir.file("a/validation.jsonl")).size() == 4);
    CHECK(readLines(dir.file("a/test.jsonl")).size() == 4);
    CHECK(train[0]["label"].is_string());
    CHECK_FALSE(train[0].contains("metadata"));
    const auto card = readFile(dir.file("a/README.md"));
    CHECK_THAT(card, Catch::Contains("# cli reviews"));
    CHECK_THAT(card, Catch::Contains("Krippendorff"));
    CHECK_THAT(card, Catch::Contains("--seed 3"));
    const auto map = json::parse(readFile(dir.file("a/label_map.json")));
    CHECK(map["id2label"]["1"] == "neg");
}

TEST_CASE("cli export: label ids, metadata, raw labels, folds, other formats, a signal", "[cli][export]")
{
    test::TempDir dir;
    const auto project = quoted(makeProject(dir));
    REQUIRE(cli("export " + project + " --out-dir " + quoted(dir.file("ids")) + " --label-ids --metadata").exitCode ==
            0);
    const auto ids = readLines(dir.file("ids/train.jsonl"));
    CHECK(ids[0]["label"].is_number_integer());
    CHECK(ids[0]["metadata"].contains("shop"));

    const auto raw = cli("export " + project + " --out-dir " + quoted(dir.file("raw")) + " --source raw");
    REQUIRE(raw.exitCode == 0);
    CHECK_THAT(raw.output, Catch::Contains("80 raw"));
    std::size_t records = 0;
    for (const char* file : {"train", "validation", "test"}) {
        for (const auto& line : readLines(dir.file(std::string("raw/") + file + ".jsonl"))) {
            CHECK(line.contains("annotator"));
            ++records;
        }
    }
    CHECK(records == 80);

    const auto folds = cli("export " + project + " --out-dir " + quoted(dir.file("folds")) + " --folds 4");
    REQUIRE(folds.exitCode == 0);
    CHECK_THAT(folds.output, Catch::Contains("fold-4"));
    std::size_t inFolds = 0;
    for (int f = 1; f <= 4; ++f) {
        inFolds += readLines(dir.file("folds/fold-" + std::to_string(f) + ".jsonl")).size();
    }
    CHECK(inFolds == 40);

    REQUIRE(cli("export " + project + " --format csv --out-dir " + quoted(dir.file("csv")) + " --split 0.5,0,0.5")
                .exitCode == 0);
    CHECK(fs::exists(dir.file("csv/train.csv")));
    CHECK(fs::exists(dir.file("csv/test.csv")));
    CHECK_FALSE(fs::exists(dir.file("csv/validation.csv")));

    const auto strict = cli("export " + project + " --out-dir " + quoted(dir.file("strict")) + " --min-agreement 0.9");
    REQUIRE(strict.exitCode == 0);
    CHECK_THAT(strict.output, Catch::Contains("Exported 33 records")); // 7 of 39 aggregates split 1:1, gold kept
    CHECK_THAT(strict.output, Catch::Contains("7 below the minimum agreement"));

    const auto where =
        cli("export " + project + " --out-dir " + quoted(dir.file("where")) +
            " --where \"id IN ('s1','s2','s3','s4','s6','s7','s8','s9','s11','s12')\" --split 0.8,0.2,0");
    REQUIRE(where.exitCode == 0);
    CHECK_THAT(where.output, Catch::Contains("Exported 10 records"));

    // The plain JSONL export is unchanged.
    REQUIRE(cli("export " + project + " " + quoted(dir.file("plain.jsonl"))).exitCode == 0);
    CHECK(readLines(dir.file("plain.jsonl"))[0].contains("annotations"));
}

TEST_CASE("cli export: bad values name their option, a failed export leaves nothing", "[cli][export]")
{
    test::TempDir dir;
    const auto project = quoted(makeProject(dir));
    const auto out = " --out-dir " + quoted(dir.file("out"));
    const std::vector<std::pair<std::string, std::string>> bad = {
        {" --split 0.8,0.3", "--split"},
        {" --split 0.5,0.2,0.2", "--split"},
        {" --min-agreement 2", "--min-agreement"},
        {" --min-agreement lots", "--min-agreement"},
        {" --folds x", "--folds"},
        {" --folds 1", "--folds"},
        {" --seed -1", "--seed"},
        {" --source best", "--source"},
        {" --format xml", "--format"},
        {" --format conll", "cannot hold the labels of a single project"},
        {" --split 0.8,0.1,0.1 --folds 3", "not both"},
    };
    for (const auto& [arguments, message] : bad) {
        const auto result = cli("export " + project + out + arguments);
        INFO(arguments);
        CHECK(result.exitCode == 3);
        CHECK_THAT(result.output, Catch::Contains(message));
    }
    const auto noOutDir = cli("export " + project + " " + quoted(dir.file("x.jsonl")) + " --source raw");
    CHECK(noOutDir.exitCode == 3);
    CHECK_THAT(noOutDir.output, Catch::Contains("--out-dir"));
    const auto formatOnly = cli("export " + project + " --format csv");
    CHECK(formatOnly.exitCode == 3);
    CHECK_THAT(formatOnly.output, Catch::Contains("--out-dir"));

    {
        std::ofstream(dir.file("taken")) << "keep";
    }
    const auto onFile = cli("export " + project + " --out-dir " + quoted(dir.file("taken")));
    CHECK(onFile.exitCode == 3);
    CHECK_THAT(onFile.output, Catch::Contains("not a directory"));
    CHECK(readFile(dir.file("taken")) == "keep");
    const auto unwritable = cli("export " + project + " --out-dir /proc/concord-cli-export-test");
    CHECK(unwritable.exitCode == 4);
    CHECK_THAT(unwritable.output, Catch::Contains("cannot write into /proc"));

    REQUIRE(cli("export " + project + out).exitCode == 0);
    const auto again = cli("export " + project + out);
    CHECK(again.exitCode == 3);
    CHECK_THAT(again.output, Catch::Contains("not empty"));
    CHECK(cli("export " + project + out + " --replace").exitCode == 0);

    std::vector<std::string> left;
    for (const auto& entry : fs::directory_iterator(dir.path())) {
        left.push_back(entry.path().filename().string());
    }
    std::sort(left.begin(), left.end());
    CHECK(left == std::vector<std::string>{"out", "p.concord", "taken"});
}
