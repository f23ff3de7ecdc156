// The learning pieces on a real project file: training labels, the built-in model's file and
// predictions, ranking, predictions import, label errors.
#include "core/learn/ActiveLearning.hpp"
#include "core/learn/BuiltinModel.hpp"
#include "core/learn/LabelErrors.hpp"
#include "core/learn/ModelPredictions.hpp"
#include "core/learn/PredictionImport.hpp"
#include "core/learn/TrainingSet.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace concord;
using namespace concord::learn;

namespace {

std::unique_ptr<Project> makeProject(const test::TempDir& dir, TaskKind kind = TaskKind::Single)
{
    auto project = Project::create(dir.file("p.concord"), ProjectSettings{},
                                   LabelSchema::fromNames(kind, {"pos", "neg"}), [] { return std::int64_t{1000}; });
    const char* texts[] = {"great fun film", "great acting",   "awful boring film", "awful plot",
                           "great great",    "boring awful",   "great music",       "awful music",
                           "a film",         "great or awful", "the music",         "boring boring film"};
    for (int i = 0; i < 12; ++i) {
        project->samples().insert("s" + std::to_string(i), texts[i], "{}");
    }
    return project;
}

nlohmann::json labels(std::initializer_list<const char*> names)
{
    nlohmann::json value = {{"labels", nlohmann::json::array()}};
    for (const char* name : names) {
        value["labels"].push_back(name);
    }
    return value;
}

void labelTraining(Project& project)
{
    const char* gold[] = {"pos", "pos", "neg", "neg", "pos", "neg", "pos", "neg"};
    for (int i = 0; i < 8; ++i) {
        project.annotate("s" + std::to_string(i), "ann", labels({gold[i]}));
    }
}

void write(const std::string& path, const std::string& text)
{
    std::ofstream(path, std::ios::binary) << text;
}

} // namespace

TEST_CASE("learn project: training labels are gold where set, else the majority", "[learn][project]")
{
    test::TempDir dir;
    auto project = makeProject(dir);
    project->annotate("s0", "a", labels({"pos"}));
    project->annotate("s0", "b", labels({"neg"}));
    project->annotate("s0", "c", labels({"neg"}));
    project->annotate("s1", "a", labels({"pos"}));
    project->resolve("s1", "lead", labels({"neg"}), "");
    project->resolve("s2", "lead", labels({"pos"}), "");
    const TrainingSet set = loadTrainingSet(*project);
    REQUIRE(set.size() == 12);
    CHECK(set.labels == std::vector<std::string>{"pos", "neg"});
    CHECK(set.targets[0] == LabelSet{1});
    CHECK(set.sources[0] == LabelSource::Aggregated);
    CHECK(set.targets[1] == LabelSet{1}); // gold beats the annotation
    CHECK(set.sources[1] == LabelSource::Gold);
    CHECK(set.sources[2] == LabelSource::Gold);
    CHECK(set.labeledRows() == std::vector<std::size_t>{0, 1, 2});
    CHECK(set.unlabeledRows().size() == 9);
}

TEST_CASE("learn project: multi-label majority keeps labels chosen by at least half", "[learn][project]")
{
    test::TempDir dir;
    auto project = makeProject(dir, TaskKind::Multi);
    project->annotate("s0", "a", labels({"pos", "neg"}));
    project->annotate("s0", "b", labels({"pos"}));
    project->annotate("s0", "c", labels({}));
    project->annotate("s1", "a", labels({"neg"}));
    project->annotate("s1", "b", labels({}));
    const TrainingSet set = loadTrainingSet(*project);
    CHECK(set.kind == ModelKind::OneVsRest);
    CHECK(set.targets[0] == LabelSet{0});
    CHECK(set.targets[1] == LabelSet{1});

    test::TempDir spansDir;
    auto spans = Project::create(spansDir.file("s.concord"), ProjectSettings{},
                                 LabelSchema::fromNames(TaskKind::Spans, {"PER"}));
    CHECK_THROWS_WITH(loadTrainingSet(*spans), Catch::Contains("spans"));
}

TEST_CASE("learn project: train saves the model beside the project, continues, and predict stores", "[learn][project]")
{
    test::TempDir dir;
    auto project = makeProject(dir);
    BuiltinTrainOptions options;
    options.features.bits = 12;
    CHECK_THROWS_WITH(trainBuiltin(*project, loadTrainingSet(*project), options), Catch::Contains("at least two"));
    CHECK_THROWS_WITH(predictBuiltin(*project, loadTrainingSet(*project)), Catch::Contains("train"));

    labelTraining(*project);
    const auto first = trainBuiltin(*project, loadTrainingSet(*project), options);
    CHECK(first.modelPath == dir.file("p.concord.model"));
    CHECK(std::filesystem::exists(first.modelPath));
    CHECK_FALSE(first.continued);
    CHECK(first.samples == 8);
    CHECK(first.aggregated == 8);
    options.continueEpochs = 2;
    const auto second = trainBuiltin(*project, loadTrainingSet(*project), options);
    CHECK(second.continued);
    CHECK(second.epochs == 2);
    CHECK(loadBuiltin(*project).model.epochsTrained() == 7);
    options.fresh = true;
    CHECK_FALSE(trainBuiltin(*project, loadTrainingSet(*project), options).continued);

    CHECK(predictBuiltin(*project, loadTrainingSet(*project)) == 12);
    const auto stored = project->predictions().get(*project->samples().keyOf("s9"), "builtin");
    REQUIRE(stored);
    const auto probabilities = nlohmann::json::parse(stored->probabilities);
    CHECK(probabilities.size() == 2);
    CHECK(probabilities["pos"].get<double>() + probabilities["neg"].get<double>() == Approx(1.0).margin(1e-5));
    const auto loaded = loadPredictions(*project, "builtin", {"pos", "neg"});
    CHECK(loaded.keys.size() == 12);
    // It learned the words: "great music" is positive, "awful music" negative.
    CHECK(loaded.probabilities(6, 0) > 0.5);
    CHECK(loaded.probabilities(7, 1) > 0.5);
}

TEST_CASE("learn project: rank lists unlabeled samples, restricted by a filter, diverse on demand", "[learn][project]")
{
    test::TempDir dir;
    auto project = makeProject(dir);
    labelTraining(*project);
    BuiltinTrainOptions options;
    options.features.bits = 12;
    trainBuiltin(*project, loadTrainingSet(*project), options);

    RankRequest request;
    request.options.batch = 10;
    request.options.strategy = Strategy::Margin;
    const RankResult all = rankProject(*project, request);
    CHECK(all.candidates == 4);
    REQUIRE(all.ranked.size() == 4);
    for (std::size_t i = 1; i < all.ranked.size(); ++i) {
        CHECK(all.ranked[i - 1].score >= all.ranked[i].score);
    }
    // "great or awful" sits between the two classes: the most uncertain.
    CHECK(all.ranked.front().id == "s9");

    request.filter = std::vector<std::int64_t>{*project->samples().keyOf("s10"), *project->samples().keyOf("s3")};
    const RankResult filtered = rankProject(*project, request);
    REQUIRE(filtered.ranked.size() == 1); // s3 is labeled
    CHECK(filtered.ranked.front().id == "s10");

    // s11 "boring boring film" and s8 "a film" share a word; with a low threshold only one of
    // them may be in the batch.
    request.filter.reset();
    request.options.diversityThreshold = 0.1;
    const RankResult diverse = rankProject(*project, request);
    std::size_t filmSamples = 0;
    for (const auto& sample : diverse.ranked) {
        filmSamples += sample.id == "s8" || sample.id == "s11" ? 1 : 0;
    }
    CHECK(filmSamples == 1);

    request.options.diversityThreshold = 0.0;
    request.options.strategy = Strategy::VoteEntropy;
    request.members = 3;
    CHECK(rankProject(*project, request).ranked.size() == 4);
}

TEST_CASE("learn project: predictions import checks every line and stores all or nothing", "[learn][project]")
{
    test::TempDir dir;
    auto project = makeProject(dir);
    const std::string bad = dir.file("bad.jsonl");
    write(bad, "{\"id\":\"s0\",\"probabilities\":{\"pos\":0.9,\"neg\":0.1}}\n"
               "{\"id\":\"nope\",\"probabilities\":{\"pos\":1}}\n"
               "{\"id\":\"s1\",\"probabilities\":{\"pos\":0.5,\"maybe\":0.5}}\n"
               "{\"id\":\"s2\",\"probabilities\":{\"pos\":0.5,\"neg\":1.5}}\n"
               "{\"id\":\"s3\",\"probabilities\":{\"pos\":0.3,\"neg\":0.3}}\n"
               "{\"id\":\"s0\",\"probabilities\":{\"pos\":0.9,\"neg\":0.1}}\n"
               "not json\n"
               "{\"id\":\"s4\"}\n");
    try {
        importPredictions(*project, "bert", bad);
        FAIL("expected an InputError");
    } catch (const InputError& error) {
        const std::string message = error.what();
        CHECK_THAT(message, Catch::Contains("7 problems"));
        CHECK_THAT(message, Catch::Contains("bad.jsonl:2: no sample with id 'nope'"));
        CHECK_THAT(message, Catch::Contains("bad.jsonl:3: label 'maybe' is not in the project's schema"));
        CHECK_THAT(message, Catch::Contains("bad.jsonl:4: the probability of 'neg' is not a number from 0 to 1"));
        CHECK_THAT(message, Catch::Contains("bad.jsonl:5: the probabilities sum to 0.6"));
        CHECK_THAT(message, Catch::Contains("bad.jsonl:6: the sample is already on line 1"));
        CHECK_THAT(message, Catch::Contains("bad.jsonl:7:"));
        CHECK_THAT(message, Catch::Contains("bad.jsonl:8: \"probabilities\" is missing"));
    }
    CHECK(predictionModels(*project).empty());
    CHECK_THROWS_WITH(importPredictions(*project, "builtin", bad), Catch::Contains("built-in"));

    const std::string good = dir.file("good.jsonl");
    write(good, "{\"id\":\"s0\",\"probabilities\":{\"pos\":0.9,\"neg\":0.1}}\n"
                "{\"id\":\"s1\",\"probabilities\":{\"pos\":0.4,\"neg\":0.6}}\n"
                "{\"id\":\"s9\",\"probabilities\":{\"pos\":0.5,\"neg\":0.5}}\n"
                "{\"id\":\"s10\",\"probabilities\":{\"pos\":0.2,\"neg\":0.8}}\n");
    const auto result = importPredictions(*project, "bert", good);
    CHECK(result.imported == 4);
    CHECK(result.samplesWithout == 8);
    CHECK(predictionModels(*project) == std::vector<std::string>{"bert"});

    // Ranking from the imported model: s9 (0.5/0.5) first; labeled samples are not candidates.
    project->annotate("s0", "ann", labels({"pos"}));
    RankRequest request;
    request.model = "bert";
    request.options.strategy = Strategy::Entropy;
    const RankResult ranked = rankProject(*project, request);
    REQUIRE(ranked.ranked.size() == 3);
    CHECK(ranked.ranked.front().id == "s9");
    CHECK(ranked.ranked.back().id == "s10");
}

TEST_CASE("learn project: confident learning flags the contradicted labels", "[learn][project]")
{
    // Out-of-sample probabilities: rows 0-3 labeled 0, rows 4-7 labeled 1. Row 3 is labeled 0
    // but the model is sure of 1; row 1 is merely less sure of its own label.
    Probabilities p(8, 2);
    const double first[] = {0.9, 0.6, 0.8, 0.1, 0.2, 0.1, 0.3, 0.2};
    for (std::size_t i = 0; i < 8; ++i) {
        p(i, 0) = first[i];
        p(i, 1) = 1.0 - first[i];
    }
    const std::vector<std::uint32_t> given = {0, 0, 0, 0, 1, 1, 1, 1};
    const auto report = findLabelErrors(given, p, ErrorRanking::SelfConfidence);
    CHECK(report.thresholds[0] == Approx(0.6));
    CHECK(report.thresholds[1] == Approx(0.8));
    REQUIRE(report.issues.size() == 1);
    CHECK(report.issues[0].row == 3);
    CHECK(report.issues[0].suggested == 1);
    CHECK(report.issues[0].selfConfidence == Approx(0.1));
    CHECK(report.issues[0].margin == Approx(-0.8));
    CHECK_THROWS_AS(errorRankingFromString("worst"), InputError);
}
