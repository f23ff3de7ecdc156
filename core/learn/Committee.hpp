// A committee of built-in models for disagreement-based ranking (vote entropy, KL): members
// trained on bootstrap resamples (drawn with replacement, from the seed) of the labeled
// samples, so that they differ where the labels leave the model unsure.
#pragma once

#include "core/learn/LinearModel.hpp"
#include "core/learn/Probabilities.hpp"
#include "core/learn/SparseRows.hpp"

#include <span>
#include <vector>

namespace concord::learn {

// Each member's probabilities for every row of `candidates`.
std::vector<Probabilities> bootstrapCommittee(const SparseRows& x, std::span<const LabelSet> targets,
                                              const std::vector<std::size_t>& labeledRows, const SparseRows& candidates,
                                              ModelKind kind, const std::vector<std::string>& labels,
                                              const FeatureOptions& features, const TrainOptions& training,
                                              std::size_t members);

} // namespace concord::learn
