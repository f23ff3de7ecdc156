// concord-cli leaderboard on a comparisons file (text and JSON, a refusal naming the models, the
// prior) and on a project made with the CLI, whose fields name the models that wrote them.
#include "tests/cli/CliTestSupport.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <vector>

namespace {

using concord::test::cli;
using concord::test::writeFile;

std::vector<std::string> modelsInOrder(const nlohmann::json& json)
{
    std::vector<std::string> models;
    for (const auto& entry : json.at("models")) {
        models.push_back(entry.at("model").get<std::string>());
    }
    return models;
}

} // namespace

TEST_CASE("cli leaderboard: a comparisons file as text and JSON", "[cli][leaderboard]")
{
    concord::test::TempDir dir;
    const std::string votes = dir.file("votes.csv");
    // The ties case of tests/reference/bradley_terry_mm.py: x-y 5/2/3, x-z 4/4/2, y-z 1/5/4
    // (wins of the first, wins of the second, ties), columns in an unusual order.
    std::string csv = "winner,model_b,model_a\n";
    const auto rows = [&](const std::string& a, const std::string& b, int aWins, int bWins, int ties) {
        for (int k = 0; k < aWins; ++k) {
            csv += "a," + b + "," + a + "\n";
        }
        for (int k = 0; k < bWins; ++k) {
            csv += "b," + b + "," + a + "\n";
        }
        for (int k = 0; k < ties; ++k) {
            csv += "tie," + b + "," + a + "\n";
        }
    };
    rows("x", "y", 5, 2, 3);
    rows("x", "z", 4, 4, 2);
    rows("y", "z", 1, 5, 4);
    writeFile(votes, csv);

    const auto text = cli("leaderboard --comparisons " + votes);
    INFO(text.output);
    REQUIRE(text.exitCode == 0);
    CHECK_THAT(text.output, Catch::Contains("Leaderboard of 3 models from 30 comparisons in 30 records"));
    // z 0.2785, x 0.2089, y -0.4874 (the reference script); ratings 1000 + 400 log10(e^t).
    CHECK_THAT(text.output, Catch::Contains("   1  z       1048.4"));
    CHECK_THAT(text.output, Catch::Contains("   2  x       1036.3"));
    CHECK_THAT(text.output, Catch::Contains("   3  y        915.3"));
    CHECK_THAT(text.output, Catch::Contains("0.650 (10)")); // x against y
    CHECK_THAT(text.output, Catch::Contains("200 of 200 bootstrap resamples of records (seed 1)"));

    const auto json = cli("leaderboard --comparisons " + votes + " --json --rounds 50 --seed 3");
    REQUIRE(json.exitCode == 0);
    const auto parsed = nlohmann::json::parse(json.output);
    CHECK(modelsInOrder(parsed) == std::vector<std::string>{"z", "x", "y"});
    CHECK(parsed["models"][1]["log_strength"].get<double>() == Approx(0.208936092396775).margin(1e-8));
    CHECK(parsed["models"][1]["games"] == 20);
    CHECK(parsed["models"][1]["ties"] == 5);
    CHECK(parsed["bootstrap"]["rounds"] == 50);
    CHECK(parsed["bootstrap"]["seed"] == 3);
    CHECK(parsed["win_rate"]["rates"][1][2].get<double>() == Approx(0.65));
    CHECK(parsed["win_rate"]["rates"][1][1].is_null());
    const auto interval = parsed["models"][0]["rating_interval"];
    CHECK(interval[0].get<double>() < parsed["models"][0]["rating"].get<double>());
    CHECK(interval[1].get<double>() > parsed["models"][0]["rating"].get<double>());
}

TEST_CASE("cli leaderboard: a model that never loses is named, and --prior makes the ratings exist",
          "[cli][leaderboard]")
{
    concord::test::TempDir dir;
    const std::string votes = dir.file("votes.csv");
    writeFile(votes, "model_a,model_b,winner,record\nchamp,b,a,1\nchamp,c,a,2\nb,c,a,3\nb,c,b,4\n");
    const auto refused = cli("leaderboard --comparisons " + votes);
    CHECK(refused.exitCode == 3);
    CHECK_THAT(refused.output, Catch::Contains("champ never loses"));
    CHECK_THAT(refused.output, Catch::Contains("--prior"));

    const auto shrunk = cli("leaderboard --comparisons " + votes + " --prior 1 --json");
    INFO(shrunk.output);
    REQUIRE(shrunk.exitCode == 0);
    const auto parsed = nlohmann::json::parse(shrunk.output);
    CHECK(modelsInOrder(parsed).front() == "champ");
    CHECK(parsed["fit"]["prior"] == 1.0);

    writeFile(votes, "model_a,model_b,winner\nm1,m2,a\nm1,m2,sideways\n");
    const auto bad = cli("leaderboard --comparisons " + votes);
    CHECK(bad.exitCode == 3);
    CHECK_THAT(bad.output, Catch::Contains("votes.csv:3: winner 'sideways' is not one of a, b, tie"));
    CHECK(cli("leaderboard").exitCode == 2);
}

TEST_CASE("cli leaderboard: a preference project orders the models as planted", "[cli][leaderboard]")
{
    concord::test::TempDir dir;
    const std::string project = dir.file("pref.concord");
    REQUIRE(cli("init " + project + " --template preference").exitCode == 0);
    // strong > middle > weak, each pair on three records, the models on either side; r10 names
    // no models and is skipped.
    const std::string data = dir.file("pairs.csv");
    writeFile(data, "id,prompt,response_a,response_b,gen_a,gen_b\n"
                    "r1,p,x,y,strong,middle\n"
                    "r2,p,x,y,middle,strong\n"
                    "r3,p,x,y,strong,middle\n"
                    "r4,p,x,y,middle,weak\n"
                    "r5,p,x,y,weak,middle\n"
                    "r6,p,x,y,middle,weak\n"
                    "r7,p,x,y,strong,weak\n"
                    "r8,p,x,y,weak,strong\n"
                    "r9,p,x,y,strong,weak\n"
                    "r10,p,x,y,,\n");
    const auto imported = cli("import " + project + " " + data +
                              " --field-meta response_a.model=gen_a --field-meta response_b.model=gen_b");
    INFO(imported.output);
    REQUIRE(imported.exitCode == 0);

    // Which field each annotator prefers, per record: the stronger model's mostly.
    const std::map<std::string, std::vector<std::string>> votes = {
        {"ana",
         {"response_a", "response_b", "response_b", "response_a", "response_b", "response_b", "response_a",
          "response_b", "response_a", "response_a"}},
        {"ben",
         {"response_a", "tie", "response_a", "response_a", "response_a", "tie", "response_a", "response_b",
          "response_a", "tie"}}};
    for (const auto& [annotator, answers] : votes) {
        for (std::size_t r = 0; r < answers.size(); ++r) {
            const auto labeled = cli("label " + project + " r" + std::to_string(r + 1) +
                                     " --question preference --value " + answers[r] + " --annotator " + annotator);
            INFO(labeled.output);
            REQUIRE(labeled.exitCode == 0);
        }
    }
    // A draft is not counted: carl's vote for weak on r7 would otherwise be a game more.
    REQUIRE(
        cli("label " + project + " r7 --question preference --value response_b --annotator carl --draft").exitCode ==
        0);

    const auto json = cli("leaderboard " + project + " --json");
    INFO(json.output);
    REQUIRE(json.exitCode == 0);
    const auto parsed = nlohmann::json::parse(json.output);
    CHECK(modelsInOrder(parsed) == std::vector<std::string>{"strong", "middle", "weak"});
    CHECK(parsed["question"] == "preference");
    CHECK(parsed["comparisons"] == 18);
    CHECK(parsed["records"] == 9);
    CHECK(parsed["skipped"]["records_without_models"] == 1);
    CHECK(parsed["skipped"]["votes_without_models"] == 2);
    // strong, by hand from the votes above: r1 two wins, r2 a win and a tie, r3 a loss (ana) and
    // a win, r7, r8 and r9 two wins each.
    CHECK(parsed["models"][0]["games"] == 12);
    CHECK(parsed["models"][0]["wins"] == 10);
    CHECK(parsed["models"][0]["ties"] == 1);
    CHECK(parsed["models"][0]["losses"] == 1);

    const auto text = cli("leaderboard " + project + " --question preference --rounds 20");
    INFO(text.output);
    REQUIRE(text.exitCode == 0);
    CHECK_THAT(text.output, Catch::Contains("(preference question 'preference')"));
    CHECK_THAT(text.output, Catch::Contains("Skipped 1 records (2 votes)"));
    CHECK_THAT(text.output, Catch::Contains("   1  strong"));

    const auto wrongQuestion = cli("leaderboard " + project + " --question reason");
    CHECK(wrongQuestion.exitCode == 3);
    CHECK_THAT(wrongQuestion.output, Catch::Contains("question 'reason' is a text question"));
}

TEST_CASE("cli leaderboard: a ranking question gives a comparison for every pair", "[cli][leaderboard]")
{
    concord::test::TempDir dir;
    const std::string project = dir.file("rank.concord");
    REQUIRE(cli("init " + project + " --template ranking").exitCode == 0);
    const std::string data = dir.file("ranked.csv");
    writeFile(data, "id,prompt,response_1,response_2,response_3,response_4,g1,g2,g3,g4\n"
                    "k1,p,a,b,c,d,best,good,fair,poor\n"
                    "k2,p,a,b,c,d,poor,fair,good,best\n"
                    "k3,p,a,b,c,d,good,poor,best,fair\n");
    std::string meta;
    for (int f = 1; f <= 4; ++f) {
        meta += " --field-meta response_" + std::to_string(f) + ".model=g" + std::to_string(f);
    }
    REQUIRE(cli("import " + project + " " + data + meta).exitCode == 0);
    // Best first, as models: k1 best > good > fair > poor; k2 good > best > poor > fair;
    // k3 fair > best > good > poor.
    const std::map<std::string, std::string> rankings = {
        {"k1", R"(["response_1","response_2","response_3","response_4"])"},
        {"k2", R"(["response_3","response_4","response_1","response_2"])"},
        {"k3", R"(["response_4","response_3","response_1","response_2"])"}};
    for (const auto& [record, ranking] : rankings) {
        const auto labeled =
            cli("label " + project + " " + record + " --question ranking --annotator ana --value '" + ranking + "'");
        INFO(labeled.output);
        REQUIRE(labeled.exitCode == 0);
    }
    const auto json = cli("leaderboard " + project + " --json --rounds 0");
    INFO(json.output);
    REQUIRE(json.exitCode == 0);
    const auto parsed = nlohmann::json::parse(json.output);
    CHECK(parsed["question_kind"] == "ranking");
    CHECK(parsed["comparisons"] == 18);
    CHECK(modelsInOrder(parsed) == std::vector<std::string>{"best", "good", "fair", "poor"});
    // The reference MM of tests/reference/bradley_terry_mm.py on the 18 pairs (fit(), by hand):
    // best 1.12396027114075, poor -1.64332019763356.
    CHECK(parsed["models"][0]["log_strength"].get<double>() == Approx(1.12396027114075).margin(1e-8));
    CHECK(parsed["models"][3]["log_strength"].get<double>() == Approx(-1.64332019763356).margin(1e-8));
}

TEST_CASE("cli leaderboard: a pair written by one model and a discarded response are left out", "[cli][leaderboard]")
{
    concord::test::TempDir dir;
    const std::string project = dir.file("pref.concord");
    REQUIRE(cli("init " + project + " --template preference").exitCode == 0);
    const std::string data = dir.file("pairs.csv");
    writeFile(data, "id,prompt,response_a,response_b,gen_a,gen_b\n"
                    "s1,p,x,y,same,same\n"
                    "s2,p,x,y,one,two\n"
                    "s3,p,x,y,two,one\n");
    REQUIRE(cli("import " + project + " " + data +
                " --field-meta response_a.model=gen_a --field-meta response_b.model=gen_b")
                .exitCode == 0);
    for (const std::string record : {"s1", "s2", "s3"}) {
        REQUIRE(cli("label " + project + " " + record + " --question preference --value response_a --annotator ana")
                    .exitCode == 0);
    }
    REQUIRE(cli("label " + project + " s2 --question preference --value response_b --annotator ben").exitCode == 0);
    REQUIRE(cli("label " + project + " s2 --annotator ben --discard unsure").exitCode == 0);

    const auto json = cli("leaderboard " + project + " --json --rounds 0");
    INFO(json.output);
    REQUIRE(json.exitCode == 0);
    const auto parsed = nlohmann::json::parse(json.output);
    CHECK(parsed["skipped"]["pairs_of_one_model"] == 1);
    CHECK(parsed["comparisons"] == 2); // ana's s2 and s3; ben's discarded s2 is not a vote
    CHECK(parsed["models"][0]["log_strength"].get<double>() == Approx(0.0).margin(1e-12));
}
