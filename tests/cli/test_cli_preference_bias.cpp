// The bundled example examples/preference-bias (a position-biased annotator and a length bias
// planted by make_example.py), built with its own build.sh: `check` flags both biases and
// names only the biased annotator, and `leaderboard` orders the models as planted.
#include "tests/cli/CliTestSupport.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <vector>

namespace {

using concord::test::cli;
using concord::test::runCommand;

const std::string kExample = std::string(CONCORD_TEST_DATA) + "/../../examples/preference-bias";

} // namespace

TEST_CASE("cli check: the bundled preference example's planted biases are flagged", "[cli][bias]")
{
    concord::test::TempDir dir;
    const std::string project = dir.file("example.concord");
    const auto built =
        runCommand("CONCORD_CLI=" + std::string(CONCORD_CLI) + " sh " + kExample + "/build.sh " + project);
    INFO(built.output);
    REQUIRE(built.exitCode == 0);

    const auto text = cli("check " + project);
    INFO(text.output);
    REQUIRE(text.exitCode == 0);
    CHECK_THAT(text.output, Catch::Contains("position-bias: "));
    CHECK_THAT(text.output, Catch::Contains("warning: question 'preference': dee chose the response shown first in "));
    for (const char* fair : {"ana", "ben", "cal"}) {
        CHECK_THAT(text.output, !Catch::Contains(std::string(fair) + " chose the response shown first"));
    }
    CHECK_THAT(text.output, Catch::Contains("the longer response won"));
    CHECK_THAT(text.output, Catch::Contains("identical-responses: 1 finding, 3 samples"));
    CHECK_THAT(text.output, Catch::Contains("repeated-prompt: 1 finding, 60 samples"));

    const auto json = cli("check " + project + " --json");
    REQUIRE(json.exitCode == 0);
    const auto parsed = nlohmann::json::parse(json.output);
    std::vector<std::string> positionFlagged;
    bool positionOverall = false;
    bool lengthOverall = false;
    for (const auto& finding : parsed.at("findings")) {
        const std::string check = finding.at("check");
        const std::string message = finding.at("message");
        const bool overall = message.find("overall") != std::string::npos;
        if (check == "position-bias" && !overall) {
            positionFlagged.push_back(message.substr(message.find(": ") + 2, 3));
            CHECK(finding.at("samples").size() == 330); // the records dee voted on
        }
        if (check == "position-bias" && overall) {
            positionOverall = finding.at("severity") == "warning";
        }
        if (check == "length-bias" && overall) {
            lengthOverall = finding.at("severity") == "warning";
        }
    }
    CHECK(positionFlagged == std::vector<std::string>{"dee"});
    CHECK(positionOverall);
    CHECK(lengthOverall);

    const auto board = cli("leaderboard " + project + " --json --rounds 20");
    INFO(board.output);
    REQUIRE(board.exitCode == 0);
    const auto ranked = nlohmann::json::parse(board.output);
    std::vector<std::string> models;
    for (const auto& entry : ranked.at("models")) {
        models.push_back(entry.at("model"));
    }
    CHECK(models == std::vector<std::string>{"atlas-70b", "birch-13b", "cedar-7b"});

    // The TRL export without what the checks flag leaves out dee's votes, not the records she
    // voted on: the other three annotators' majority still gives rows.
    const auto exported = cli("export " + project + " --format trl-preference --without-flagged --out-dir " +
                              dir.file("dpo") + " --split 1,0,0");
    INFO(exported.output);
    REQUIRE(exported.exitCode == 0);
    CHECK_THAT(exported.output, Catch::Contains("330 votes of annotators the preference checks flag"));
    CHECK_THAT(exported.output, Catch::Contains("Exported "));
    CHECK_THAT(exported.output, !Catch::Contains("Exported 0 rows"));
}
