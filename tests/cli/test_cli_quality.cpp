// concord-cli aggregate and check, run as a user would on real project files.
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

namespace {

std::vector<std::string> readLines(const std::string& path)
{
    std::ifstream in(path);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    return lines;
}

nlohmann::json labels(const std::string& name)
{
    return {{"labels", {name}}};
}

// Four samples labeled by three annotators: a unanimous one, a 2–1, a tie, and one unlabeled.
std::string makeLabeledProject(const test::TempDir& dir)
{
    const std::string path = dir.file("p.concord");
    ProjectSettings settings;
    settings.overlap = 3;
    auto project = Project::create(path, settings, LabelSchema::fromNames(TaskKind::Single, {"pos", "neg"}));
    for (const char* id : {"all-pos", "two-neg", "tie", "none"}) {
        project->samples().insert(id, std::string("the text of sample ") + id, "{}");
    }
    for (const char* annotator : {"alice", "bob", "carol"}) {
        project->annotate("all-pos", annotator, labels("pos"));
    }
    project->annotate("two-neg", "alice", labels("neg"));
    project->annotate("two-neg", "bob", labels("neg"));
    project->annotate("two-neg", "carol", labels("pos"));
    project->annotate("tie", "alice", labels("neg"));
    project->annotate("tie", "bob", labels("pos"));
    return path;
}

} // namespace

TEST_CASE("cli aggregate: majority vote as a table and as JSON", "[cli][quality]")
{
    test::TempDir dir;
    const auto project = quoted(makeLabeledProject(dir));

    const auto table = cli("aggregate " + project);
    REQUIRE(table.exitCode == 0);
    CHECK_THAT(table.output, Catch::Contains("Method     majority"));
    CHECK_THAT(table.output, Catch::Contains("3 with labels, 1 tied"));
    CHECK_THAT(table.output, Catch::Contains("carol"));
    CHECK_THAT(table.output, Catch::Contains("tie                     pos                   0.500      2  tied"));

    const auto json = nlohmann::json::parse(cli("aggregate " + project + " --json").output);
    CHECK(json["method"] == "majority");
    REQUIRE(json["samples"].size() == 3); // the unlabeled sample has nothing to aggregate
    CHECK(json["samples"][0] ==
          nlohmann::json({{"id", "all-pos"}, {"label", "pos"}, {"confidence", 1.0}, {"tied", false}, {"votes", 3}}));
    CHECK(json["samples"][1]["label"] == "neg");
    CHECK(json["samples"][1]["confidence"].get<double>() == Approx(2.0 / 3.0));
    CHECK(json["samples"][2]["label"] == "pos"); // the tie goes to the schema's first label
    CHECK(json["samples"][2]["tied"] == true);
    REQUIRE(json["annotators"].size() == 3);
    CHECK(json["annotators"][0]["name"] == "alice");
    CHECK(json["annotators"][0]["labels"] == 3);
    // alice agrees with the majority on all-pos and two-neg, not on the tie (neg against pos).
    CHECK(json["annotators"][0]["accuracy"].get<double>() == Approx(2.0 / 3.0));
}

TEST_CASE("cli aggregate: Dawid-Skene to a JSONL file", "[cli][quality]")
{
    test::TempDir dir;
    const auto project = quoted(makeLabeledProject(dir));
    const auto out = dir.file("gold.jsonl");
    const auto result = cli("aggregate " + project + " --method dawid-skene --output " + quoted(out));
    REQUIRE(result.exitCode == 0);
    CHECK_THAT(result.output, Catch::Contains("Method     dawid-skene (converged after"));
    CHECK_THAT(result.output, Catch::Contains("Wrote 3 suggested labels to"));
    const auto lines = readLines(out);
    REQUIRE(lines.size() == 3);
    const auto first = nlohmann::json::parse(lines[0]);
    CHECK(first["id"] == "all-pos");
    CHECK(first["label"] == "pos");
    CHECK(first["confidence"].get<double>() > 0.9);

    const auto json = nlohmann::json::parse(cli("aggregate " + project + " --method dawid-skene --json").output);
    CHECK(json["converged"] == true);
    CHECK(json["iterations"].get<int>() >= 1);
}

TEST_CASE("cli aggregate: ratings, refused kinds and bad options", "[cli][quality]")
{
    test::TempDir dir;
    const auto rating = quoted(dir.file("r.concord"));
    REQUIRE(cli("init " + rating + " --kind rating --rating-min 1 --rating-max 5").exitCode == 0);
    {
        auto project = Project::open(dir.file("r.concord"));
        project->samples().insert("a", "a rated text", "{}");
        project->annotate("a", "alice", {{"rating", 4}});
        project->annotate("a", "bob", {{"rating", 4}});
    }
    const auto json = nlohmann::json::parse(cli("aggregate " + rating + " --json").output);
    CHECK(json["samples"][0]["label"] == 4); // a rating stays a number

    const auto multi = quoted(dir.file("m.concord"));
    REQUIRE(cli("init " + multi + " --kind multi --labels a,b").exitCode == 0);
    const auto refused = cli("aggregate " + multi);
    CHECK(refused.exitCode == 3);
    CHECK_THAT(refused.output, Catch::Contains("aggregate works on single-label and rating projects"));
    CHECK_THAT(refused.output, Catch::Contains("is a multi project"));

    CHECK(cli("aggregate " + rating + " --method average").exitCode == 2);
    CHECK(cli("aggregate --help").exitCode == 0);
}

TEST_CASE("cli check: a clean project, a report, --strict and --json", "[cli][quality]")
{
    test::TempDir dir;
    const auto path = dir.file("p.concord");
    REQUIRE(cli("init " + quoted(path) + " --kind single --labels pos,neg").exitCode == 0);
    {
        auto project = Project::open(path);
        project->samples().insert("a", "The first review talks about shipping times.", "{}");
        project->samples().insert("b", "A second, unrelated opinion on the colour.", "{}");
        project->annotate("a", "alice", labels("pos"));
        project->annotate("b", "alice", labels("neg"));
    }
    const auto clean = cli("check " + quoted(path) + " --strict");
    CHECK(clean.exitCode == 0);
    CHECK_THAT(clean.output, Catch::Contains("2 samples): 0 errors, 0 warnings, 0 info"));
    CHECK_THAT(clean.output, Catch::Contains("No problems found."));

    {
        auto project = Project::open(path);
        project->samples().insert("empty", "", "{}");
        for (int i = 0; i < 14; ++i) {
            // 14 pairs of exact duplicates: more findings than the report prints.
            const std::string text = "duplicated text number " + std::to_string(i);
            project->samples().insert("d" + std::to_string(i) + "a", text, "{}");
            project->samples().insert("d" + std::to_string(i) + "b", "  DUPLICATED text number " + std::to_string(i),
                                      "{}");
        }
    }
    const auto report = cli("check " + quoted(path));
    CHECK(report.exitCode == 0); // findings alone are not a failure without --strict
    CHECK_THAT(report.output, Catch::Contains("31 samples): 1 error, 14 warnings, 1 info"));
    CHECK_THAT(report.output, Catch::Contains("empty-text: 1 finding, 1 sample\n  error: 1 sample has no text"));
    CHECK_THAT(report.output, Catch::Contains("exact-duplicate: 14 findings, 28 samples"));
    CHECK_THAT(report.output, Catch::Contains("    samples: d0a, d0b\n"));
    CHECK_THAT(report.output, Catch::Contains("... and 4 more findings (--json lists them all)"));
    CHECK_THAT(report.output, Catch::Contains("under-overlap: 1 finding, 29 samples\n  info: 29 samples have no "
                                              "annotations yet; the project asks for 1 per sample"));

    const auto strict = cli("check " + quoted(path) + " --strict");
    CHECK(strict.exitCode == 5);
    CHECK_THAT(strict.output, Catch::Contains("check --strict: 1 error found"));
    // Warnings alone pass --strict.
    CHECK(cli("check " + quoted(path) + " --strict --only exact-duplicate").exitCode == 0);

    const auto json = nlohmann::json::parse(cli("check " + quoted(path) + " --json --only exact-duplicate").output);
    CHECK(json["warnings"] == 14);
    CHECK(json["errors"] == 0);
    REQUIRE(json["findings"].size() == 14);
    CHECK(json["findings"][0]["check"] == "exact-duplicate");
    CHECK(json["findings"][0]["severity"] == "warning");
    CHECK(json["findings"][0]["samples"] == nlohmann::json({"d0a", "d0b"}));

    CHECK(cli("check " + quoted(path) + " --only no-such-check").exitCode == 2);
    CHECK(cli("check " + quoted(dir.file("missing.concord"))).exitCode == 3);
    CHECK(cli("check --help").exitCode == 0);
}
