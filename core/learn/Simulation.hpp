// Simulated annotation from a fully labeled data set, to show whether active learning saves
// labels on the user's data: a stratified test share is held out; every strategy starts from
// the same random seed set of the remaining pool; each round trains a fresh model on the
// labels so far, scores it on the test set, and "labels" the next batch the strategy picks
// (random picks from the same seed). Single-label tasks; the single-model strategies and
// random.
#pragma once

#include "core/learn/LinearModel.hpp"
#include "core/learn/Ranking.hpp"
#include "core/learn/SparseRows.hpp"

#include <ostream>
#include <span>
#include <vector>

namespace concord::learn {

struct SimulationOptions
{
    std::vector<Strategy> strategies = {Strategy::Entropy, Strategy::Margin, Strategy::Random};
    std::size_t seedSize = 20;
    std::size_t batch = 20;
    std::size_t rounds = 10;
    double testShare = 0.2;
    std::uint64_t seed = 1;
    FeatureOptions features;
    TrainOptions training;
};

struct SimulationPoint
{
    Strategy strategy = Strategy::Random;
    std::size_t round = 0;
    std::size_t labels = 0; // labeled samples the model was trained on
    double accuracy = 0.0;
    double macroF1 = 0.0;
};

// `x` holds every sample's vector, `labels` its label (0..labelNames.size()-1).
std::vector<SimulationPoint> simulate(const SparseRows& x, std::span<const std::uint32_t> labels,
                                      const std::vector<std::string>& labelNames, const SimulationOptions& options);

// CSV with a header: strategy,round,labels,accuracy,macro_f1
void writeSimulationCsv(std::ostream& out, const std::vector<SimulationPoint>& points);

} // namespace concord::learn
