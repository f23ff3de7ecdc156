// Metric definitions matching scikit-learn's (see Metrics.hpp).
#include "core/learn/Metrics.hpp"

#include "core/util/Error.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <numeric>

namespace concord::learn {

double accuracy(std::span<const std::uint32_t> truth, std::span<const std::uint32_t> predicted)
{
    if (truth.empty()) {
        return 0.0;
    }
    std::size_t right = 0;
    for (std::size_t i = 0; i < truth.size(); ++i) {
        right += truth[i] == predicted[i] ? 1 : 0;
    }
    return static_cast<double>(right) / static_cast<double>(truth.size());
}

ConfusionMatrix confusionMatrix(std::span<const std::uint32_t> truth, std::span<const std::uint32_t> predicted,
                                std::size_t labels)
{
    ConfusionMatrix matrix(labels, std::vector<std::int64_t>(labels, 0));
    for (std::size_t i = 0; i < truth.size(); ++i) {
        if (truth[i] >= labels || predicted[i] >= labels) {
            throw InputError("confusion matrix: a label index is out of range");
        }
        ++matrix[truth[i]][predicted[i]];
    }
    return matrix;
}

namespace {

LabelScores scoresOf(double tp, double fp, double fn)
{
    LabelScores s;
    s.precision = tp + fp > 0 ? tp / (tp + fp) : 0.0;
    s.recall = tp + fn > 0 ? tp / (tp + fn) : 0.0;
    s.f1 = s.precision + s.recall > 0 ? 2.0 * s.precision * s.recall / (s.precision + s.recall) : 0.0;
    return s;
}

} // namespace

PrecisionRecall precisionRecallF1(const ConfusionMatrix& confusion)
{
    const std::size_t k = confusion.size();
    PrecisionRecall result;
    double tpSum = 0.0;
    double fpSum = 0.0;
    double fnSum = 0.0;
    std::size_t present = 0;
    for (std::size_t label = 0; label < k; ++label) {
        double tp = static_cast<double>(confusion[label][label]);
        double fp = 0.0;
        double fn = 0.0;
        for (std::size_t other = 0; other < k; ++other) {
            if (other != label) {
                fp += static_cast<double>(confusion[other][label]);
                fn += static_cast<double>(confusion[label][other]);
            }
        }
        LabelScores scores = scoresOf(tp, fp, fn);
        scores.support = static_cast<std::int64_t>(tp + fn);
        result.perLabel.push_back(scores);
        tpSum += tp;
        fpSum += fp;
        fnSum += fn;
        if (tp + fp + fn > 0) {
            ++present;
            result.macro.precision += scores.precision;
            result.macro.recall += scores.recall;
            result.macro.f1 += scores.f1;
            result.macro.support += scores.support;
        }
    }
    if (present > 0) {
        result.macro.precision /= static_cast<double>(present);
        result.macro.recall /= static_cast<double>(present);
        result.macro.f1 /= static_cast<double>(present);
    }
    result.micro = scoresOf(tpSum, fpSum, fnSum);
    result.micro.support = static_cast<std::int64_t>(tpSum + fnSum);
    return result;
}

std::optional<double> rocAuc(std::span<const bool> positive, std::span<const double> scores)
{
    const std::size_t n = scores.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] < scores[b]; });
    double positives = 0.0;
    double rankSum = 0.0;
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        while (j < n && scores[order[j]] == scores[order[i]]) {
            ++j;
        }
        const double averageRank = (static_cast<double>(i) + static_cast<double>(j) + 1.0) / 2.0; // 1-based
        for (std::size_t t = i; t < j; ++t) {
            if (positive[order[t]]) {
                positives += 1.0;
                rankSum += averageRank;
            }
        }
        i = j;
    }
    const double negatives = static_cast<double>(n) - positives;
    if (positives == 0.0 || negatives == 0.0) {
        return std::nullopt;
    }
    return (rankSum - positives * (positives + 1.0) / 2.0) / (positives * negatives);
}

std::optional<double> rocAucMacro(std::span<const std::uint32_t> truth, const Probabilities& probabilities)
{
    const std::size_t k = probabilities.cols();
    const std::size_t n = truth.size();
    std::vector<double> scores(n);
    const auto aucOf = [&](std::size_t label) {
        std::unique_ptr<bool[]> positive(new bool[n]);
        for (std::size_t i = 0; i < n; ++i) {
            positive[i] = truth[i] == label;
            scores[i] = probabilities(i, label);
        }
        return rocAuc(std::span<const bool>(positive.get(), n), scores);
    };
    if (k == 2) {
        return aucOf(1);
    }
    double sum = 0.0;
    std::size_t defined = 0;
    for (std::size_t label = 0; label < k; ++label) {
        if (const auto auc = aucOf(label)) {
            sum += *auc;
            ++defined;
        }
    }
    if (defined == 0) {
        return std::nullopt;
    }
    return sum / static_cast<double>(defined);
}

double logLoss(std::span<const std::uint32_t> truth, const Probabilities& probabilities)
{
    const double eps = std::numeric_limits<double>::epsilon();
    double total = 0.0;
    for (std::size_t i = 0; i < truth.size(); ++i) {
        double rowSum = 0.0;
        for (double p : probabilities.row(i)) {
            rowSum += std::clamp(p, eps, 1.0 - eps);
        }
        const double p = std::clamp(probabilities(i, truth[i]), eps, 1.0 - eps) / rowSum;
        total -= std::log(p);
    }
    return truth.empty() ? 0.0 : total / static_cast<double>(truth.size());
}

std::vector<std::uint32_t> predictedLabels(const Probabilities& probabilities)
{
    std::vector<std::uint32_t> labels(probabilities.rows());
    for (std::size_t i = 0; i < labels.size(); ++i) {
        labels[i] = argmax(probabilities.row(i));
    }
    return labels;
}

} // namespace concord::learn
