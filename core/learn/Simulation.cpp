// Simulated annotation rounds (see Simulation.hpp).
#include "core/learn/Simulation.hpp"

#include "core/learn/Folds.hpp"
#include "core/learn/Metrics.hpp"
#include "core/learn/Random.hpp"
#include "core/util/Error.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>

namespace concord::learn {

std::vector<SimulationPoint> simulate(const SparseRows& x, std::span<const std::uint32_t> labels,
                                      const std::vector<std::string>& labelNames, const SimulationOptions& options)
{
    if (!(options.testShare > 0.0 && options.testShare <= 0.5)) {
        throw InputError("the test share must be above 0 and at most 0.5");
    }
    if (options.seedSize < 2 || options.batch < 1) {
        throw InputError("the seed set needs at least 2 samples and a batch at least 1");
    }
    for (Strategy strategy : options.strategies) {
        if (isCommittee(strategy)) {
            throw InputError("the simulation runs single-model strategies and random, not " +
                             std::string(toString(strategy)));
        }
    }
    const auto folds =
        stratifiedFolds(labels, static_cast<std::size_t>(std::lround(1.0 / options.testShare)), options.seed);
    std::vector<std::size_t> test;
    std::vector<std::size_t> pool;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        (folds[i] == 0 ? test : pool).push_back(i);
    }
    if (pool.size() < options.seedSize) {
        throw InputError("the seed set is larger than the pool of samples to label");
    }
    Random random(options.seed);
    random.shuffle(std::span<std::size_t>(pool));
    std::vector<LabelSet> targets;
    targets.reserve(labels.size());
    for (std::uint32_t label : labels) {
        targets.push_back({label});
    }
    std::vector<std::uint32_t> truth;
    SparseRows testX;
    for (std::size_t row : test) {
        truth.push_back(labels[row]);
        testX.append(x.row(row));
    }

    std::vector<SimulationPoint> points;
    for (Strategy strategy : options.strategies) {
        std::vector<std::size_t> labeled(pool.begin(), pool.begin() + static_cast<std::ptrdiff_t>(options.seedSize));
        std::vector<std::size_t> unlabeled(pool.begin() + static_cast<std::ptrdiff_t>(options.seedSize), pool.end());
        for (std::size_t round = 0; round <= options.rounds; ++round) {
            LinearModel model(ModelKind::Softmax, labelNames, options.features);
            model.train(x, targets, labeled, options.training);
            const auto predicted = predictedLabels(model.predictAll(testX));
            const auto scores = precisionRecallF1(confusionMatrix(truth, predicted, labelNames.size()));
            points.push_back({strategy, round, labeled.size(), accuracy(truth, predicted), scores.macro.f1});
            if (round == options.rounds || unlabeled.empty()) {
                break;
            }
            SparseRows candidates;
            for (std::size_t row : unlabeled) {
                candidates.append(x.row(row));
            }
            const auto uncertainty =
                uncertaintyScores(model.predictAll(candidates), strategy, ModelKind::Softmax, options.seed + round + 1);
            auto chosen = selectBatch(uncertainty, options.batch);
            // Remove from the back so earlier positions stay valid.
            std::sort(chosen.begin(), chosen.end(), [](const Ranked& a, const Ranked& b) { return a.row > b.row; });
            for (const Ranked& pick : chosen) {
                labeled.push_back(unlabeled[pick.row]);
                unlabeled.erase(unlabeled.begin() + static_cast<std::ptrdiff_t>(pick.row));
            }
        }
    }
    return points;
}

void writeSimulationCsv(std::ostream& out, const std::vector<SimulationPoint>& points)
{
    out << "strategy,round,labels,accuracy,macro_f1\n";
    for (const auto& point : points) {
        out << toString(point.strategy) << ',' << point.round << ',' << point.labels << ',' << std::fixed
            << std::setprecision(6) << point.accuracy << ',' << point.macroF1 << '\n';
    }
}

} // namespace concord::learn
