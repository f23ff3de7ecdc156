// The dashboard's core queries: each annotator's labels per day (LabelTimeline) and the model
// results (ModelResults: per-fold cross-validation, confusion matrix, ROC curves, the
// active-learning curve, models compared), on real project files.
#include "core/learn/CrossValidation.hpp"
#include "core/learn/ModelPredictions.hpp"
#include "core/learn/ModelResults.hpp"
#include "core/store/LabelTimeline.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <numeric>
#include <stdexcept>

using namespace concord;
using namespace concord::learn;

namespace {

constexpr std::int64_t kDay = 86400000;

nlohmann::json label(const std::string& name)
{
    return {{"labels", {name}}};
}

// 60 samples, two words that give the label away and some noise; every one labeled by "ann".
std::unique_ptr<Project> makeLabeled(const test::TempDir& dir, int count = 60)
{
    auto project = Project::create(dir.file("m.concord"), ProjectSettings{},
                                   LabelSchema::fromNames(TaskKind::Single, {"pos", "neg", "mixed"}),
                                   [] { return std::int64_t{1000}; });
    const char* words[] = {"great", "awful", "okay"};
    const char* names[] = {"pos", "neg", "mixed"};
    for (int i = 0; i < count; ++i) {
        const int c = i % 3;
        project->samples().insert("s" + std::to_string(i),
                                  std::string(words[c]) + " film number " + std::to_string(i % 7), "{}");
        project->annotate("s" + std::to_string(i), "ann", label(names[c]));
    }
    return project;
}

} // namespace

TEST_CASE("label timeline: labels per annotator per day, cumulative", "[store][timeline]")
{
    test::TempDir dir;
    std::int64_t now = 3 * kDay + 5;
    auto project = Project::create(dir.file("t.concord"), ProjectSettings{},
                                   LabelSchema::fromNames(TaskKind::Single, {"a", "b"}), [&] { return now; });
    for (int i = 0; i < 5; ++i) {
        project->samples().insert("s" + std::to_string(i), "text", "{}");
    }
    CHECK(store::labelTimeline(project->database()).empty());
    project->annotate("s0", "bob", label("a"));
    project->annotate("s1", "bob", label("a"));
    project->annotate("s0", "alice", label("b"));
    now = 5 * kDay + 10;
    project->annotate("s2", "bob", label("b"));
    project->annotate("s0", "bob", label("b")); // a change keeps the day of the first label

    const auto timelines = store::labelTimeline(project->database());
    REQUIRE(timelines.size() == 2);
    CHECK(timelines[0].annotator == "alice");
    REQUIRE(timelines[0].days.size() == 1);
    CHECK(timelines[0].days[0].day == 3);
    CHECK(timelines[0].days[0].cumulative == 1);
    CHECK(timelines[1].annotator == "bob");
    REQUIRE(timelines[1].days.size() == 2);
    CHECK(timelines[1].days[0].day == 3);
    CHECK(timelines[1].days[0].labels == 2);
    CHECK(timelines[1].days[1].day == 5);
    CHECK(timelines[1].days[1].labels == 1);
    CHECK(timelines[1].days[1].cumulative == 3);
}

TEST_CASE("roc curves: one-vs-rest points from (0,0) to (1,1) with the AUC", "[learn][roc]")
{
    const std::vector<LabelSet> truth = {{0}, {0}, {1}, {1}};
    Probabilities p(4, 2);
    const double first[] = {0.9, 0.4, 0.6, 0.1};
    for (std::size_t i = 0; i < 4; ++i) {
        p(i, 0) = first[i];
        p(i, 1) = 1.0 - first[i];
    }
    const auto curves = rocCurves(truth, p, {"x", "y"});
    REQUIRE(curves.size() == 2);
    const auto& x = curves[0];
    CHECK(x.label == "x");
    REQUIRE(x.auc);
    CHECK(*x.auc == Approx(0.75));
    REQUIRE(x.points.size() == 5);
    CHECK(x.points.front().falsePositiveRate == 0.0);
    CHECK(x.points[1].truePositiveRate == 0.5);  // 0.9: a positive
    CHECK(x.points[2].falsePositiveRate == 0.5); // 0.6: a negative
    CHECK(x.points.back().falsePositiveRate == 1.0);
    CHECK(x.points.back().truePositiveRate == 1.0);
    // Every sample of one kind: no curve beyond the origin, no AUC.
    const std::vector<LabelSet> same = {{0}, {0}};
    Probabilities q(2, 2);
    const auto none = rocCurves(same, q, {"x", "y"});
    CHECK_FALSE(none[0].auc);
    CHECK(none[0].points.size() == 1);
}

TEST_CASE("model results: folds, pooled confusion, curves, models compared", "[learn][results]")
{
    test::TempDir dir;
    auto project = makeLabeled(dir);
    // A stored model that predicts "pos" for everything.
    std::vector<std::int64_t> keys;
    for (int i = 0; i < 60; ++i) {
        keys.push_back(*project->samples().keyOf("s" + std::to_string(i)));
    }
    Probabilities constant(60, 3);
    for (std::size_t i = 0; i < 60; ++i) {
        constant(i, 0) = 1.0;
    }
    storePredictions(*project, "always-pos", keys, constant, {"pos", "neg", "mixed"});

    ModelResultsOptions options;
    options.simulation.seedSize = 6;
    options.simulation.batch = 6;
    options.simulation.rounds = 3;
    std::vector<std::string> steps;
    std::size_t lastDone = 0;
    std::size_t lastTotal = 0;
    const ModelResults results = computeModelResults(*project, options, Progress([&](const ProgressStep& step) {
        CHECK(step.done >= lastDone);
        lastDone = step.done;
        lastTotal = step.total;
        steps.emplace_back(step.what);
    }));
    CHECK(lastDone == lastTotal);
    CHECK(results.labeled == 60);
    REQUIRE(results.folds.size() == 5);
    std::size_t inFolds = 0;
    for (const auto& fold : results.folds) {
        inFolds += fold.samples;
        CHECK(fold.accuracy >= 0.0);
        CHECK(fold.accuracy <= 1.0);
    }
    CHECK(inFolds == 60);
    CHECK(results.mean.samples == 60);
    // The words give the labels away.
    CHECK(results.mean.accuracy > 0.9);
    std::int64_t counted = 0;
    for (const auto& row : results.pooled.confusion) {
        counted = std::accumulate(row.begin(), row.end(), counted);
    }
    CHECK(counted == 60);
    REQUIRE(results.roc.size() == 3);
    CHECK(results.roc[0].auc);
    // entropy, margin and random, rounds 0..3 each.
    CHECK(results.curve.size() == 3 * 4);
    // The project's settings, the two other feature sets, and the stored model.
    REQUIRE(results.models.size() == 4);
    CHECK(results.models[0].source == "cross-validation");
    CHECK(results.models[3].name == "always-pos");
    CHECK(results.models[3].accuracy == Approx(20.0 / 60.0));
    CHECK(steps.front() == "Reading the labels");
}

TEST_CASE("model results: the progress callback can stop the work", "[learn][results]")
{
    test::TempDir dir;
    auto project = makeLabeled(dir);
    std::size_t calls = 0;
    CHECK_THROWS_AS(computeModelResults(*project, {}, Progress([&](const ProgressStep& step) {
                        ++calls;
                        if (step.what.find("fold 2") != std::string_view::npos) {
                            throw std::runtime_error("cancelled");
                        }
                    })),
                    std::runtime_error);
    CHECK(calls == 4); // reading, features, fold 1, fold 2
}

TEST_CASE("model results: too few labels is an input error", "[learn][results]")
{
    test::TempDir dir;
    auto project = makeLabeled(dir, 3);
    CHECK_THROWS_AS(computeModelResults(*project, {}), InputError);
}
