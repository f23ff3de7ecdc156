// Out-of-sample probabilities by stratified k-fold cross-validation (or leave-one-out): each
// labeled sample is predicted by a model trained from scratch on the other folds. Hashed
// features need no fitting, so the vectors are computed once and no fold sees another's data.
#pragma once

#include "core/learn/LinearModel.hpp"
#include "core/learn/Probabilities.hpp"
#include "core/learn/SparseRows.hpp"
#include "core/util/Progress.hpp"

#include <functional>
#include <span>
#include <string>
#include <vector>

namespace concord::learn {

struct CrossValidationSetup
{
    ModelKind kind = ModelKind::Softmax;
    std::vector<std::string> labels;
    FeatureOptions features;
    TrainOptions training;
    std::size_t folds = 5; // the number of rows for leave-one-out
    std::uint64_t seed = 1;
};

// Probabilities for `rows` (in their order), each from the model that did not see it.
// `x` and `targets` cover all samples; only `rows` are used. `progress` hears of each fold once
// its model has predicted its rows (done = 1..folds); its report may throw to stop.
Probabilities crossValidate(const SparseRows& x, std::span<const LabelSet> targets,
                            const std::vector<std::size_t>& rows, const CrossValidationSetup& setup,
                            const Progress& progress = {});

// The fold (0..folds-1) crossValidate puts each of `rows` in, for per-fold scores.
std::vector<std::uint32_t> foldsOf(std::span<const LabelSet> targets, const std::vector<std::size_t>& rows,
                                   const CrossValidationSetup& setup);

// The stratum of each row for fold dealing: its label (single), or its lowest label
// (multi-label; labels.size() for a sample with none).
std::vector<std::uint32_t> strataOf(std::span<const LabelSet> targets, const std::vector<std::size_t>& rows,
                                    std::size_t labelCount);

} // namespace concord::learn
