// Classification metrics, computed as scikit-learn computes them (tests compare with its
// output within 1e-9; tests/reference/make_learn_expected.py makes the expected values):
// accuracy, the confusion matrix, precision/recall/F1 per label with macro and micro averages,
// AUC-ROC (binary, and one-vs-rest macro) and log loss.
#pragma once

#include "core/learn/Probabilities.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace concord::learn {

// [true label][predicted label] counts.
using ConfusionMatrix = std::vector<std::vector<std::int64_t>>;

struct LabelScores
{
    double precision = 0.0;
    double recall = 0.0;
    double f1 = 0.0;
    std::int64_t support = 0; // samples whose true label it is
};

struct PrecisionRecall
{
    std::vector<LabelScores> perLabel; // one per label, in label order
    // Averages over the labels that occur in the truth or the predictions (scikit-learn's
    // default label set); a label with no predictions has precision 0, as with
    // zero_division=0. macro.f1 is the mean of the per-label F1s, as in scikit-learn.
    LabelScores macro;
    LabelScores micro;
};

double accuracy(std::span<const std::uint32_t> truth, std::span<const std::uint32_t> predicted);
ConfusionMatrix confusionMatrix(std::span<const std::uint32_t> truth, std::span<const std::uint32_t> predicted,
                                std::size_t labels);
PrecisionRecall precisionRecallF1(const ConfusionMatrix& confusion);

// Area under the ROC curve of `scores` for the samples where `positive` is true; ties count
// one half (the Mann-Whitney statistic, equal to the trapezoidal area). nullopt when all
// samples are of one kind.
std::optional<double> rocAuc(std::span<const bool> positive, std::span<const double> scores);
// Binary (two labels): the AUC of the second label's probability. More labels: the mean of each
// label's one-vs-rest AUC, over the labels for which it is defined (scikit-learn refuses when
// one is not; we skip it, so that a rare label missing from a fold does not void the rest).
std::optional<double> rocAucMacro(std::span<const std::uint32_t> truth, const Probabilities& probabilities);

// Mean negative log-likelihood of the true labels, with probabilities clipped to
// [eps, 1 - eps] (eps = 2^-52) and each row renormalised, as scikit-learn's log_loss does.
double logLoss(std::span<const std::uint32_t> truth, const Probabilities& probabilities);

// The predicted label of each row (its argmax).
std::vector<std::uint32_t> predictedLabels(const Probabilities& probabilities);

} // namespace concord::learn
