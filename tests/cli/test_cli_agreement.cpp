// concord-cli agreement end to end: on a project and on --triples, the readable report, JSON at
// full precision, single metrics, undefined values as reasons, and exit codes.
#include "core/store/Project.hpp"
#include "tests/cli/CliTestSupport.hpp"
#include "tests/support/RunCommand.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace concord;
using test::quoted;
using test::runCommand;
using test::writeFile;

namespace {

test::CommandResult agreement(const std::string& arguments)
{
    return runCommand(std::string(CONCORD_CLI) + " agreement " + arguments);
}

// Krippendorff (2011)'s reliability data as item,annotator,value rows (one unit rated once).
std::string krippendorffTriples()
{
    const std::vector<std::vector<std::string>> rows = {
        {"1", "2", "3", "3", "2", "1", "4", "1", "2", "", "", ""},
        {"1", "2", "3", "3", "2", "2", "4", "1", "2", "5", "", "3"},
        {"", "3", "3", "3", "2", "3", "4", "2", "2", "5", "1", ""},
        {"1", "2", "3", "3", "2", "4", "4", "1", "2", "5", "1", ""},
    };
    std::string csv = "item,annotator,value\n";
    for (std::size_t a = 0; a < rows.size(); ++a) {
        for (std::size_t u = 0; u < rows[a].size(); ++u) {
            csv += "u" + std::to_string(u + 1) + ",obs" + std::string(1, static_cast<char>('A' + a)) + "," +
                   rows[a][u] + "\n";
        }
    }
    return csv;
}

} // namespace

TEST_CASE("cli agreement --triples --metric: each alpha of Krippendorff's example", "[cli][agreement]")
{
    test::TempDir dir;
    const auto file = quoted(dir.file("k.csv"));
    writeFile(dir.file("k.csv"), krippendorffTriples());
    const auto nominal = agreement("--triples " + file + " --metric alpha-nominal");
    REQUIRE(nominal.exitCode == 0);
    CHECK_THAT(nominal.output, Catch::StartsWith("alpha-nominal  0.7434  (Krippendorff's alpha, nominal; 11 items, "
                                                 "40 ratings; 1 items that cannot be paired left out)"));
    CHECK_THAT(agreement("--triples " + file + " --metric alpha-ordinal --digits 3").output,
               Catch::StartsWith("alpha-ordinal  0.815"));

    const auto json = nlohmann::json::parse(agreement("--triples " + file + " --metric alpha-interval --json").output);
    CHECK(json["metric"] == "alpha-interval");
    // Full precision: the same double the library computes (0.849107142857142...).
    CHECK(json["value"].get<double>() == Approx(0.8491071428571428).epsilon(1e-15));
    CHECK(json["items"] == 11);
    CHECK(json["excluded_items"] == 1);
    const auto ratio = nlohmann::json::parse(agreement("--triples " + file + " --metric alpha-ratio --json").output);
    CHECK(ratio["value"].get<double>() == Approx(0.7974027747116121).epsilon(1e-15));
}

TEST_CASE("cli agreement --bootstrap: a reproducible interval", "[cli][agreement]")
{
    test::TempDir dir;
    writeFile(dir.file("k.csv"), krippendorffTriples());
    const std::string arguments =
        "--triples " + quoted(dir.file("k.csv")) + " --metric alpha-nominal --bootstrap 500 --seed 9 --json";
    const auto first = nlohmann::json::parse(agreement(arguments).output);
    const auto second = nlohmann::json::parse(agreement(arguments).output);
    CHECK(first["bootstrap"] == second["bootstrap"]);
    CHECK(first["bootstrap"]["replicates"] == 500);
    CHECK(first["bootstrap"]["lower"].get<double>() < 0.7434);
    CHECK(first["bootstrap"]["upper"].get<double>() > 0.7434);
    const auto text = agreement("--triples " + quoted(dir.file("k.csv")) + " --metric alpha-nominal --bootstrap 100");
    CHECK_THAT(text.output, Catch::Contains("alpha-nominal  95% interval 0."));
    CHECK(agreement("--triples " + quoted(dir.file("k.csv")) + " --metric percent --bootstrap 100").exitCode == 3);
}

TEST_CASE("cli agreement on a project: the readable report and its JSON", "[cli][agreement]")
{
    test::TempDir dir;
    const std::string path = dir.file("p.concord");
    {
        auto project =
            Project::create(path, ProjectSettings{}, LabelSchema::fromNames(TaskKind::Single, {"pos", "neg"}));
        for (const char* id : {"a", "b", "c", "d"}) {
            project->samples().insert(id, std::string("text ") + id, "{}");
        }
        const std::vector<std::pair<std::string, std::vector<std::string>>> labels = {
            {"ann", {"pos", "pos", "neg", "neg"}}, {"bob", {"pos", "neg", "neg", "neg"}}};
        for (const auto& [annotator, values] : labels) {
            for (std::size_t k = 0; k < values.size(); ++k) {
                project->annotate(std::string(1, static_cast<char>('a' + k)), annotator, {{"labels", {values[k]}}});
            }
        }
    }
    const auto report = agreement(quoted(path));
    REQUIRE(report.exitCode == 0);
    CHECK_THAT(report.output, Catch::Contains("4 items (4 rated by two or more), 2 annotators, 8 ratings"));
    CHECK_THAT(report.output, Catch::Contains("alpha-nominal"));
    CHECK_THAT(report.output, Catch::Contains("cohen          0.5000      4  Cohen's kappa"));
    CHECK_THAT(report.output, Catch::Contains("Per value: one against the rest"));
    CHECK_THAT(report.output, Catch::Contains("Annotator pairs: Cohen's kappa"));
    CHECK_THAT(report.output, Catch::Contains("Most contested samples (the review queue: 1 sample with disagreement)"));
    CHECK_THAT(report.output, Catch::Contains("b             2  pos (tie)  0.5000          1.0000"));

    const auto json = nlohmann::json::parse(agreement(quoted(path) + " --json").output);
    CHECK(json["kind"] == "labels");
    CHECK(json["coefficients"]["cohen"]["value"].get<double>() == Approx(0.5));
    CHECK(json["coefficients"]["percent"]["value"].get<double>() == Approx(0.75));
    CHECK(json["pairs"][0]["first"] == "ann");
    CHECK(json["contested"][0]["item"] == "b");
    CHECK(json["contested"][0]["tie"] == true);
}

TEST_CASE("cli agreement: undefined values are reasons, not NaN", "[cli][agreement]")
{
    test::TempDir dir;
    const auto file = quoted(dir.file("same.csv"));
    writeFile(dir.file("same.csv"), "item,annotator,value\ns1,ann,x\ns1,bob,x\ns2,ann,x\ns2,bob,x\n");
    const auto text = agreement("--triples " + file + " --metric alpha-nominal");
    CHECK(text.exitCode == 0);
    CHECK(text.output == "alpha-nominal  undefined: no variation: every rating that can be compared has the same "
                         "value\n");
    const auto json = nlohmann::json::parse(agreement("--triples " + file + " --metric cohen --json").output);
    CHECK(json["value"].is_null());
    CHECK(json["undefined"] == "no_variation");
    const auto report = agreement("--triples " + file);
    CHECK(report.exitCode == 0);
    CHECK_THAT(report.output, !Catch::Contains("nan"));
    CHECK_THAT(report.output, Catch::Contains("n/a"));
    CHECK_THAT(report.output, Catch::Contains("No sample has disagreeing ratings."));
}

TEST_CASE("cli agreement: multi-label triples with --multi and alpha-masi", "[cli][agreement]")
{
    test::TempDir dir;
    writeFile(dir.file("m.csv"), "item,annotator,value\ns1,ann,a;b\ns1,bob,b;a\ns2,ann,a\ns2,bob,c\ns3,ann,b\n"
                                 "s3,bob,a;b\n");
    const auto json = nlohmann::json::parse(
        agreement("--triples " + quoted(dir.file("m.csv")) + " --multi --metric alpha-masi --json").output);
    CHECK(json["value"].is_number());
    CHECK(json["items"] == 3);
    const auto report =
        nlohmann::json::parse(agreement("--triples " + quoted(dir.file("m.csv")) + " --multi --json").output);
    CHECK(report["kind"] == "label sets");
    CHECK(report["per_label"].size() == 3);
    CHECK(agreement("--triples " + quoted(dir.file("m.csv")) + " --metric alpha-masi").exitCode == 3);
}

TEST_CASE("cli agreement: exit codes and messages for bad input", "[cli][agreement]")
{
    test::TempDir dir;
    writeFile(dir.file("k.csv"), krippendorffTriples());
    const auto file = quoted(dir.file("k.csv"));
    CHECK(agreement("").exitCode == 2);                                                   // neither
    CHECK(agreement(quoted(dir.file("x.concord")) + " --triples " + file).exitCode == 2); // both
    CHECK(agreement("--triples " + quoted(dir.file("missing.csv"))).exitCode == 4);       // cannot be read
    CHECK(agreement("--help").exitCode == 0);

    const auto unknown = agreement("--triples " + file + " --metric kappa");
    CHECK(unknown.exitCode == 3);
    CHECK_THAT(unknown.output, Catch::Contains("unknown metric 'kappa'"));
    const auto cohen = agreement("--triples " + file + " --metric cohen");
    CHECK(cohen.exitCode == 3);
    CHECK_THAT(cohen.output, Catch::Contains("Cohen's kappa needs exactly two annotators, and there are 4"));
    const auto fleiss = agreement("--triples " + file + " --metric fleiss");
    CHECK(fleiss.exitCode == 3);
    CHECK_THAT(fleiss.output, Catch::Contains("the same number of ratings for every item"));

    writeFile(dir.file("dup.csv"), "item,annotator,value\ns1,ann,a\ns1,ann,b\n");
    const auto duplicate = agreement("--triples " + quoted(dir.file("dup.csv")));
    CHECK(duplicate.exitCode == 3);
    CHECK_THAT(duplicate.output, Catch::Contains("dup.csv:3: item 's1' and annotator 'ann' appear twice"));
    writeFile(dir.file("labels.csv"), "item,annotator,value\ns1,ann,a\ns1,bob,b\n");
    CHECK(agreement("--triples " + quoted(dir.file("labels.csv")) + " --metric alpha-interval").exitCode == 3);
    CHECK(agreement(quoted(dir.file("nothing.concord"))).exitCode == 3); // as `info` does
}
