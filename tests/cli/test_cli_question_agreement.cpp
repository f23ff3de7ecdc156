// concord-cli agreement PROJECT --question NAME on a preference project made with the CLI: the
// statistics of the question's kind as text and JSON, a judge's suggestions against the
// annotators' majority, the hint under the first question's report, and an unknown question.
// The answers are case P1 of tests/reference/question_agreement.py, whose values the checks use.
#include "tests/cli/CliTestSupport.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <vector>

namespace {

using concord::test::cli;
using concord::test::writeFile;

std::string preference(int strength)
{
    if (strength == 0) {
        return R"({"preference":{"winner":null,"strength":0}})";
    }
    return std::string(R"({"preference":{"winner":")") + (strength > 0 ? "response_a" : "response_b") +
           R"(","strength":)" + std::to_string(strength > 0 ? strength : -strength) + "}}";
}

void label(const std::string& project, const std::string& record, const std::string& question,
           const std::string& annotator, const std::string& value)
{
    const auto labeled = cli("label " + project + " " + record + " --question " + question + " --annotator " +
                             annotator + " --value '" + value + "'");
    INFO(labeled.output);
    REQUIRE(labeled.exitCode == 0);
}

} // namespace

TEST_CASE("cli agreement --question: a preference question with a judge's suggestions", "[cli][agreement]")
{
    concord::test::TempDir dir;
    const std::string project = dir.file("pref.concord");
    REQUIRE(cli("init " + project + " --template preference").exitCode == 0);
    const std::string data = dir.file("pairs.csv");
    writeFile(data, "id,prompt,response_a,response_b,judge\n"
                    "r1,p,x,y,response_a\nr2,p,x,y,response_b\nr3,p,x,y,tie\nr4,p,x,y,response_b\n"
                    "r5,p,x,y,response_b\n");
    REQUIRE(cli("import " + project + " " + data + " --suggestion preference=judge").exitCode == 0);
    // P1: + the first field (response_a) wins with that strength, - the second, 0 a tie.
    const std::map<std::string, std::vector<int>> votes = {
        {"r1", {2, 1, 2}}, {"r2", {-1, -2, 0}}, {"r3", {0, 0, 0}}, {"r4", {1, -1, 1}}, {"r5", {-2, -2, -1}}};
    for (const auto& [record, strengths] : votes) {
        for (std::size_t a = 0; a < strengths.size(); ++a) {
            label(project, record, "preference", "a" + std::to_string(a + 1), preference(strengths[a]));
        }
    }
    label(project, "r1", "reason", "a1", "clearer");
    label(project, "r1", "reason", "a2", "clearer!");

    const auto text = cli("agreement " + project + " --question preference");
    INFO(text.output);
    REQUIRE(text.exitCode == 0);
    CHECK_THAT(text.output, Catch::Contains("question 'preference' (preference, 5 points: response_a vs response_b)"));
    CHECK_THAT(text.output, Catch::Contains("percent        0.7333")); // P1 percent
    CHECK_THAT(text.output, Catch::Contains("alpha-nominal  0.6216")); // P1 alpha-nominal
    CHECK_THAT(text.output, Catch::Contains("alpha-ordinal  0.6663")); // P1 alpha-ordinal
    CHECK_THAT(text.output, Catch::Contains("Opposite winners: 1 of 5 records"));
    // The judge: r4 against the majority; sklearn's cohen_kappa_score(['A','B','tie','B','B'],
    // ['A','B','tie','A','B']) = 0.6875.
    CHECK_THAT(text.output, Catch::Contains("Agreement with suggestions"));
    CHECK_THAT(text.output, Catch::Contains("0.8000  0.6875"));

    const auto json = cli("agreement " + project + " --question preference --json");
    REQUIRE(json.exitCode == 0);
    const auto parsed = nlohmann::json::parse(json.output);
    CHECK(parsed["question"] == "preference");
    CHECK(parsed["kind"] == "preference");
    CHECK(parsed["records"] == 5);
    CHECK(parsed["coefficients"]["alpha-ordinal"]["value"].get<double>() == Approx(0.6662942271880818).margin(1e-12));
    CHECK(parsed["opposite_winners"]["records"] == 1);
    CHECK(parsed["suggestions"]["agents"][0]["agent"] == "import"); // the agent of an import without one
    CHECK(parsed["suggestions"]["agents"][0]["agreed"] == 4);
    CHECK(parsed["suggestions"]["agents"][0]["kappa"]["value"].get<double>() == Approx(0.6875).margin(1e-12));

    // The written answers: "clearer" / "clearer!" are 1 edit of 8 apart.
    const auto reason = cli("agreement " + project + " --question reason --json");
    REQUIRE(reason.exitCode == 0);
    CHECK(nlohmann::json::parse(reason.output)["mean_similarity"].get<double>() == Approx(7.0 / 8));

    // No --question: the first question, and a hint naming the others.
    const auto first = cli("agreement " + project);
    REQUIRE(first.exitCode == 0);
    CHECK_THAT(first.output, Catch::Contains("question 'preference'"));
    CHECK_THAT(first.output, Catch::Contains("first of the project's questions (preference, reason)"));

    const auto unknown = cli("agreement " + project + " --question nope");
    CHECK(unknown.exitCode != 0);
    CHECK_THAT(unknown.output, Catch::Contains("no question named 'nope' (the project asks: preference, reason)"));
    const auto noMetric = cli("agreement " + project + " --question preference --metric fleiss");
    CHECK(noMetric.exitCode == 2);
}

TEST_CASE("cli agreement --question: a label question of several keeps today's report", "[cli][agreement]")
{
    concord::test::TempDir dir;
    const std::string project = dir.file("eval.concord");
    REQUIRE(cli("init " + project + " --template evaluate").exitCode == 0);
    const std::string data = dir.file("eval.csv");
    writeFile(data, "id,prompt,response\ne1,p,x\ne2,p,y\ne3,p,z\n");
    REQUIRE(cli("import " + project + " " + data).exitCode == 0);
    const std::map<std::string, std::vector<int>> ratings = {{"e1", {2, 3}}, {"e2", {5, 5}}, {"e3", {7, 6}}};
    for (const auto& [record, given] : ratings) {
        for (std::size_t a = 0; a < given.size(); ++a) {
            label(project, record, "correct", "a" + std::to_string(a + 1), "yes");
            label(project, record, "helpfulness", "a" + std::to_string(a + 1), std::to_string(given[a]));
        }
    }
    const auto text = cli("agreement " + project + " --question helpfulness");
    INFO(text.output);
    REQUIRE(text.exitCode == 0);
    CHECK_THAT(text.output, Catch::Contains("Agreement: " + project + ", question 'helpfulness' (ratings)"));
    CHECK_THAT(text.output, Catch::Contains("3 items (3 rated by two or more)"));
    const auto json = cli("agreement " + project + " --question helpfulness --json");
    REQUIRE(json.exitCode == 0);
    const auto parsed = nlohmann::json::parse(json.output);
    CHECK(parsed["question"] == "helpfulness");
    CHECK(parsed["kind"] == "ratings");
    CHECK(parsed["ratings"] == 6);
    // The same as the triples of those ratings.
    const std::string triples = dir.file("t.csv");
    writeFile(triples, "item,annotator,value\ne1,a1,2\ne1,a2,3\ne2,a1,5\ne2,a2,5\ne3,a1,7\ne3,a2,6\n");
    const auto fromTriples = nlohmann::json::parse(cli("agreement --triples " + triples + " --json").output);
    CHECK(parsed["coefficients"]["alpha-interval"]["value"] == fromTriples["coefficients"]["alpha-interval"]["value"]);

    // The first question (a label) as today, with the hint.
    const auto first = cli("agreement " + project);
    REQUIRE(first.exitCode == 0);
    CHECK_THAT(first.output, Catch::Contains("Agreement: " + project + " (labels)"));
    CHECK_THAT(first.output, Catch::Contains("--question NAME reports another"));
}
