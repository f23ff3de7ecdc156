// Active-learning scores, committee disagreement, batch selection with diversity, and the
// simulation, cross-validation and settings search that build on them.
#include "core/learn/CrossValidation.hpp"
#include "core/learn/Ranking.hpp"
#include "core/learn/SettingsSearch.hpp"
#include "core/learn/Simulation.hpp"
#include "core/util/Error.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <sstream>

using namespace concord::learn;

namespace {

Probabilities rows(std::initializer_list<std::initializer_list<double>> values)
{
    Probabilities p(values.size(), values.begin()->size());
    std::size_t i = 0;
    for (const auto& row : values) {
        std::size_t k = 0;
        for (double v : row) {
            p(i, k++) = v;
        }
        ++i;
    }
    return p;
}

// A toy corpus: label 0 texts use "alpha" words, label 1 "beta" words, label 2 "gamma" words.
void toyCorpus(std::vector<std::string>& texts, std::vector<std::uint32_t>& labels, std::size_t n)
{
    const char* words[3][4] = {
        {"alpha", "apple", "arch", "amber"}, {"beta", "bread", "brick", "blue"}, {"gamma", "grape", "gate", "green"}};
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t label = static_cast<std::uint32_t>(i % 3);
        texts.push_back(std::string(words[label][i % 4]) + " " + words[label][(i / 4) % 4] + " common " +
                        words[(label + 1) % 3][(i / 7) % 4]);
        labels.push_back(label);
    }
}

} // namespace

TEST_CASE("learn ranking: single-label scores follow their definitions", "[learn][ranking]")
{
    const Probabilities p = rows({{0.5, 0.3, 0.2}, {0.9, 0.05, 0.05}, {0.4, 0.4, 0.2}});
    const auto least = uncertaintyScores(p, Strategy::LeastConfidence, ModelKind::Softmax);
    CHECK(least[0] == Approx(0.5));
    CHECK(least[1] == Approx(0.1));
    const auto margin = uncertaintyScores(p, Strategy::Margin, ModelKind::Softmax);
    CHECK(margin[0] == Approx(0.8));
    CHECK(margin[2] == Approx(1.0)); // a tie between the top two: the smallest margin
    const auto entropy = uncertaintyScores(p, Strategy::Entropy, ModelKind::Softmax);
    CHECK(entropy[1] == Approx(-(0.9 * std::log(0.9) + 0.1 * std::log(0.05))));
    const auto random1 = uncertaintyScores(p, Strategy::Random, ModelKind::Softmax, 5);
    CHECK(random1 == uncertaintyScores(p, Strategy::Random, ModelKind::Softmax, 5));
    CHECK(random1 != uncertaintyScores(p, Strategy::Random, ModelKind::Softmax, 6));
    CHECK_THROWS_AS(uncertaintyScores(p, Strategy::VoteEntropy, ModelKind::Softmax), concord::InputError);
    CHECK(strategyFromString("kl") == Strategy::KlDivergence);
    CHECK_THROWS_WITH(strategyFromString("bald"), Catch::Contains("least-confidence"));

    // Multi-label: each label a two-way choice.
    const Probabilities multi = rows({{0.5, 0.99}, {0.9, 0.9}});
    const auto multiMargin = uncertaintyScores(multi, Strategy::Margin, ModelKind::OneVsRest);
    CHECK(multiMargin[0] == Approx(1.0));
    CHECK(multiMargin[1] == Approx(0.2));
}

TEST_CASE("learn ranking: committee disagreement is zero when members agree", "[learn][ranking]")
{
    const std::vector<Probabilities> agree = {rows({{0.7, 0.3}, {0.2, 0.8}}), rows({{0.7, 0.3}, {0.2, 0.8}})};
    const std::vector<Probabilities> split = {rows({{0.9, 0.1}, {0.6, 0.4}}), rows({{0.1, 0.9}, {0.6, 0.4}})};
    CHECK(committeeScores(agree, Strategy::KlDivergence, ModelKind::Softmax)[0] == Approx(0.0));
    CHECK(committeeScores(agree, Strategy::VoteEntropy, ModelKind::Softmax)[1] == Approx(0.0));
    const auto votes = committeeScores(split, Strategy::VoteEntropy, ModelKind::Softmax);
    CHECK(votes[0] == Approx(std::log(2.0))); // one vote each
    CHECK(votes[1] == Approx(0.0));
    const auto kl = committeeScores(split, Strategy::KlDivergence, ModelKind::Softmax);
    CHECK(kl[0] == Approx(0.9 * std::log(1.8) + 0.1 * std::log(0.2)));
    CHECK(kl[1] == Approx(0.0));
    CHECK_THROWS_AS(committeeScores({agree.begin(), agree.begin() + 1}, Strategy::KlDivergence, ModelKind::Softmax),
                    concord::InputError);
}

TEST_CASE("learn ranking: batches take the best scores, ties by row, and skip near duplicates", "[learn][ranking]")
{
    const std::vector<double> scores = {0.2, 0.9, 0.5, 0.9, 0.1};
    const auto top = selectBatch(scores, 3);
    REQUIRE(top.size() == 3);
    CHECK(top[0].row == 1);
    CHECK(top[1].row == 3);
    CHECK(top[2].row == 2);
    CHECK(selectBatch(scores, 10).size() == 5);

    FeatureOptions features;
    features.bits = 12;
    FeatureExtractor extractor(features);
    const SparseRows vectors =
        extractor.extractAll({"the same text", "a different one", "other words here", "the same text", "last"});
    const auto diverse = selectBatch(scores, 3, &vectors, 0.9);
    REQUIRE(diverse.size() == 3);
    CHECK(diverse[0].row == 1);
    CHECK(diverse[1].row == 3); // ties go by row
    CHECK(diverse[2].row == 2);
    // Row 0 repeats row 3, already in the batch: passed over for row 4.
    const auto four = selectBatch(scores, 4, &vectors, 0.9);
    REQUIRE(four.size() == 4);
    CHECK(four[3].row == 4);
    CHECK(selectBatch(scores, 4)[3].row == 0); // without the threshold it is taken
}

TEST_CASE("learn ranking: cross-validation, settings search and simulation run end to end", "[learn][ranking]")
{
    std::vector<std::string> texts;
    std::vector<std::uint32_t> labels;
    toyCorpus(texts, labels, 120);
    FeatureOptions features;
    features.bits = 12;
    FeatureExtractor extractor(features);
    const SparseRows x = extractor.extractAll(texts);
    std::vector<LabelSet> targets;
    for (auto label : labels) {
        targets.push_back({label});
    }
    std::vector<std::size_t> all(texts.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
        all[i] = i;
    }
    const std::vector<std::string> names = {"a", "b", "c"};
    CrossValidationSetup setup{ModelKind::Softmax, names, features, TrainOptions{}, 5, 3};
    const Probabilities oos = crossValidate(x, targets, all, setup);
    std::size_t right = 0;
    for (std::size_t i = 0; i < all.size(); ++i) {
        right += argmax(oos.row(i)) == labels[i] ? 1 : 0;
    }
    CHECK(right > 100);
    CHECK(crossValidate(x, targets, all, setup).row(7)[1] == oos.row(7)[1]); // deterministic

    TrainingSet set;
    set.labels = names;
    set.texts = texts;
    set.targets = targets;
    set.keys.resize(texts.size());
    set.ids.resize(texts.size());
    set.sources.assign(texts.size(), LabelSource::Gold);
    SearchGrid grid = SearchGrid::defaults(features);
    grid.l2 = {1e-4, 1e-2};
    const SearchResult search = searchSettings(set, grid, TrainOptions{}, 3, 1);
    CHECK(search.points.size() == 6);
    CHECK(search.points[search.best].macroF1 > 0.8);

    SimulationOptions simulation;
    simulation.features = features;
    simulation.seedSize = 6;
    simulation.batch = 6;
    simulation.rounds = 3;
    const auto points = simulate(x, labels, names, simulation);
    CHECK(points.size() == 12); // 3 strategies × (seed round + 3)
    CHECK(points.front().labels == 6);
    CHECK(points[3].labels == 24);
    std::ostringstream csv;
    writeSimulationCsv(csv, points);
    CHECK_THAT(csv.str(), Catch::StartsWith("strategy,round,labels,accuracy,macro_f1\nentropy,0,6,"));
}
