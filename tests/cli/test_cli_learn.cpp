// concord-cli's learning commands end to end: train, predict, rank, predictions import,
// evaluate, errors and simulate on a real project made from the sentiment test data.
#include "core/store/Project.hpp"
#include "tests/support/RunCommand.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace concord;
using test::quoted;

namespace {

test::CommandResult learnCli(const std::string& arguments)
{
    return test::runCommand(std::string(CONCORD_CLI) + " " + arguments);
}

// A project of 300 sentiment sentences: the first 240 labeled by "uci", 60 unlabeled.
std::string makeProject(const test::TempDir& dir)
{
    std::ifstream in(std::string(CONCORD_TEST_DATA) + "/learn/sentiment.jsonl");
    std::ofstream labeled(dir.file("labeled.jsonl"));
    std::ofstream unlabeled(dir.file("unlabeled.jsonl"));
    std::string line;
    for (int i = 0; i < 1500 && std::getline(in, line); ++i) {
        if (i % 5 != 0) {
            continue; // every fifth: 100 from each source, both labels
        }
        auto record = nlohmann::json::parse(line);
        if ((i / 5) % 5 == 4) {
            record.erase("label");
            unlabeled << record.dump() << '\n';
        } else {
            labeled << record.dump() << '\n';
        }
    }
    labeled.close();
    unlabeled.close();
    const std::string project = quoted(dir.file("s.concord"));
    REQUIRE(learnCli("init " + project + " --kind single --labels positive,negative").exitCode == 0);
    REQUIRE(
        learnCli("import " + project + " " + quoted(dir.file("labeled.jsonl")) + " --label-field label --annotator uci")
            .exitCode == 0);
    REQUIRE(learnCli("import " + project + " " + quoted(dir.file("unlabeled.jsonl"))).exitCode == 0);
    return project;
}

} // namespace

TEST_CASE("cli learn: train, predict and rank", "[cli][learn]")
{
    test::TempDir dir;
    const std::string project = makeProject(dir);
    const auto notYet = learnCli("rank " + project);
    CHECK(notYet.exitCode == 3);
    CHECK_THAT(notYet.output, Catch::Contains("train it first (concord-cli train)"));

    const auto trained = learnCli("train " + project);
    REQUIRE(trained.exitCode == 0);
    CHECK_THAT(trained.output, Catch::Contains("Trained the built-in model on 240 samples"));
    CHECK(std::filesystem::exists(dir.file("s.concord.model")));
    CHECK_THAT(learnCli("train " + project).output, Catch::Contains("Continued training"));

    const auto predicted = learnCli("predict " + project);
    REQUIRE(predicted.exitCode == 0);
    CHECK_THAT(predicted.output, Catch::Contains("for 300 samples"));
    CHECK(learnCli("predictions list " + project).output == "builtin\n");

    const auto ranked = learnCli("rank " + project + " --strategy margin -n 5 --json");
    REQUIRE(ranked.exitCode == 0);
    const auto json = nlohmann::json::parse(ranked.output);
    CHECK(json["candidates"] == 60);
    REQUIRE(json["ranked"].size() == 5);
    CHECK(json["ranked"][0]["score"].get<double>() >= json["ranked"][4]["score"].get<double>());
    CHECK(json["ranked"][0]["probabilities"].contains("positive"));
    const auto table = learnCli("rank " + project + " --strategy entropy --batch 3 --diverse 0.5");
    CHECK(table.exitCode == 0);
    CHECK_THAT(table.output, Catch::Contains("3 of 60 unlabeled samples by entropy"));
    CHECK(learnCli("rank " + project + " --strategy kl -n 3").exitCode == 0);

    // A signal restricts the candidates: 20 of the 60 unlabeled come from each source.
    const auto amazon = learnCli("rank " + project + " --where \"id LIKE 'amazon-%'\" -n 100 --json");
    REQUIRE(amazon.exitCode == 0);
    const auto amazonJson = nlohmann::json::parse(amazon.output);
    CHECK(amazonJson["candidates"] == 20);
    REQUIRE(amazonJson["ranked"].size() == 20);
    for (const auto& sample : amazonJson["ranked"]) {
        CHECK(sample["id"].get<std::string>().rfind("amazon-", 0) == 0);
    }
    REQUIRE(learnCli("signal add " + project + " yelp \"id LIKE 'yelp-%'\"").exitCode == 0);
    const auto yelp = learnCli("rank " + project + " --signal yelp -n 3 --json");
    REQUIRE(yelp.exitCode == 0);
    CHECK(nlohmann::json::parse(yelp.output)["candidates"] == 20);
    const auto badWhere = learnCli("rank " + project + " --where \"nosuchcolumn > 1\"");
    CHECK(badWhere.exitCode == 3);
    CHECK_THAT(badWhere.output, Catch::Contains("nosuchcolumn"));
    const auto badStrategy = learnCli("rank " + project + " --strategy bald");
    CHECK(badStrategy.exitCode == 3);
    CHECK_THAT(badStrategy.output, Catch::Contains("unknown strategy 'bald'"));
    CHECK(learnCli("train " + project + " --bits 40").exitCode == 3);
    CHECK(learnCli("train").exitCode == 2);
}

TEST_CASE("cli learn: predictions import, evaluate against gold and by cross-validation", "[cli][learn]")
{
    test::TempDir dir;
    const std::string project = makeProject(dir);
    {
        auto opened = Project::open(dir.file("s.concord"));
        opened->resolve("amazon-0001", "lead", {{"labels", {"negative"}}}, "");
        opened->resolve("amazon-0006", "lead", {{"labels", {"positive"}}}, "");
    }
    std::ofstream(dir.file("bert.jsonl")) << "{\"id\":\"amazon-0001\",\"probabilities\":{\"positive\":0.2,"
                                             "\"negative\":0.8}}\n"
                                             "{\"id\":\"amazon-0006\",\"probabilities\":{\"positive\":0.3,"
                                             "\"negative\":0.7}}\n";
    std::ofstream(dir.file("bad.jsonl")) << "{\"id\":\"amazon-0001\",\"probabilities\":{\"neutral\":1}}\n";
    const auto bad = learnCli("predictions import " + project + " " + quoted(dir.file("bad.jsonl")) + " --model x");
    CHECK(bad.exitCode == 3);
    CHECK_THAT(bad.output, Catch::Contains("bad.jsonl:1: label 'neutral' is not in the project's schema"));
    const auto imported =
        learnCli("predictions import " + project + " " + quoted(dir.file("bert.jsonl")) + " --model bert");
    REQUIRE(imported.exitCode == 0);
    CHECK_THAT(imported.output, Catch::Contains("for 2 samples"));

    const auto against = learnCli("evaluate " + project + " --model bert --json");
    REQUIRE(against.exitCode == 0);
    const auto report = nlohmann::json::parse(against.output);
    CHECK(report[0]["model"] == "bert");
    CHECK(report[0]["samples"] == 2);
    CHECK(report[0]["accuracy"] == 0.5);

    const auto cv = learnCli("evaluate " + project + " --folds 4");
    REQUIRE(cv.exitCode == 0);
    CHECK_THAT(cv.output, Catch::Contains("builtin (4-fold CV)"));
    CHECK_THAT(cv.output, Catch::Contains("Confusion matrix"));
    const auto both = nlohmann::json::parse(learnCli("evaluate " + project + " --cv --model bert --json").output);
    CHECK(both.size() == 2);
    CHECK(both[0]["samples"] == 240);
    CHECK(both[0]["accuracy"].get<double>() > 0.6);
}

TEST_CASE("cli learn: errors, train --search and simulate", "[cli][learn]")
{
    test::TempDir dir;
    const std::string project = makeProject(dir);
    const auto errors = learnCli("errors " + project + " --limit 3 --json");
    REQUIRE(errors.exitCode == 0);
    const auto json = nlohmann::json::parse(errors.output);
    CHECK(json["labeled"] == 240);
    CHECK(json["issues"].size() <= 3);
    CHECK(json["thresholds"].contains("negative"));

    const auto search = learnCli("train " + project + " --search --folds 3");
    REQUIRE(search.exitCode == 0);
    CHECK_THAT(search.output, Catch::Contains("<- best"));
    CHECK_THAT(search.output, Catch::Contains("chars 2-4"));

    const auto simulated = learnCli("simulate " + project + " --seed-size 10 --batch 10 --rounds 2 --out " +
                                    quoted(dir.file("curve.csv")));
    REQUIRE(simulated.exitCode == 0);
    std::ifstream csv(dir.file("curve.csv"));
    std::string header;
    std::getline(csv, header);
    CHECK(header == "strategy,round,labels,accuracy,macro_f1");
    int lines = 0;
    for (std::string line; std::getline(csv, line);) {
        ++lines;
    }
    CHECK(lines == 9); // entropy, margin, random × rounds 0..2
}
