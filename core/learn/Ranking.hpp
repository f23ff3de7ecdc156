// Active-learning ranking: scores unlabeled samples by how much labeling them should teach the
// model, and picks a batch, optionally keeping near duplicates out of it. Higher scores come
// first; equal scores go by row order, so a ranking is reproducible.
//
// Single-label scores from a probability row p (sorted descending p1 >= p2 >= ...):
//   least-confidence  1 - p1
//   margin            1 - (p1 - p2)          (small margins first; it separates samples that
//                                             least confidence ties)
//   entropy           -sum p ln p
//   random            uniform in [0, 1) from the seed
// Committee scores from M members' rows p_m with consensus q = mean of p_m:
//   vote-entropy      entropy of the members' argmax votes
//   kl                mean over members of KL(p_m || q)
// Multi-label (one sigmoid per label): each label is a two-way choice (p, 1-p); least
// confidence and entropy average over labels, margin takes the label closest to 0.5.
#pragma once

#include "core/learn/LinearModel.hpp"
#include "core/learn/Probabilities.hpp"
#include "core/learn/SparseRows.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace concord::learn {

enum class Strategy
{
    LeastConfidence,
    Margin,
    Entropy,
    VoteEntropy,
    KlDivergence,
    Random
};

std::string_view toString(Strategy strategy);
// "least-confidence", "margin", "entropy", "vote-entropy", "kl", "random"; throws InputError.
Strategy strategyFromString(std::string_view name);
bool isCommittee(Strategy strategy);

struct RankOptions
{
    Strategy strategy = Strategy::Entropy;
    std::size_t batch = 10;
    // Above 0: a candidate whose cosine similarity to a sample already in the batch exceeds
    // this is skipped (the vectors are L2-normalised, so cosine is their dot product).
    double diversityThreshold = 0.0;
    std::uint64_t seed = 1; // for Strategy::Random
    ModelKind kind = ModelKind::Softmax;
};

struct Ranked
{
    std::size_t row = 0; // index into the probabilities' rows
    double score = 0.0;
};

// One score per row for the single-model strategies (not the committee ones).
std::vector<double> uncertaintyScores(const Probabilities& probabilities, Strategy strategy, ModelKind kind,
                                      std::uint64_t seed = 1);
// One score per row from several members' probabilities over the same rows and labels.
std::vector<double> committeeScores(std::span<const Probabilities> members, Strategy strategy, ModelKind kind);

// The best `batch` rows by score; with a threshold and vectors (parallel to the scores), near
// duplicates of an already chosen row are passed over.
std::vector<Ranked> selectBatch(std::span<const double> scores, std::size_t batch, const SparseRows* vectors = nullptr,
                                double diversityThreshold = 0.0);

// uncertaintyScores + selectBatch.
std::vector<Ranked> rankSamples(const Probabilities& probabilities, const RankOptions& options,
                                const SparseRows* vectors = nullptr);

} // namespace concord::learn
