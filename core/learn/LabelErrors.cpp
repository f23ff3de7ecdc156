// Confident-learning thresholds and flags (see LabelErrors.hpp).
#include "core/learn/LabelErrors.hpp"

#include "core/util/Error.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace concord::learn {

ErrorRanking errorRankingFromString(std::string_view name)
{
    if (name == "self-confidence") {
        return ErrorRanking::SelfConfidence;
    }
    if (name == "margin") {
        return ErrorRanking::NormalizedMargin;
    }
    throw InputError("unknown ranking '" + std::string(name) + "' (expected self-confidence or margin)");
}

LabelErrorReport findLabelErrors(std::span<const std::uint32_t> given, const Probabilities& probabilities,
                                 ErrorRanking ranking)
{
    const std::size_t k = probabilities.cols();
    LabelErrorReport report;
    std::vector<double> sums(k, 0.0);
    std::vector<double> counts(k, 0.0);
    for (std::size_t i = 0; i < given.size(); ++i) {
        sums[given[i]] += probabilities(i, given[i]);
        counts[given[i]] += 1.0;
    }
    report.thresholds.resize(k);
    for (std::size_t c = 0; c < k; ++c) {
        report.thresholds[c] = counts[c] > 0 ? sums[c] / counts[c] : std::nan("");
    }
    for (std::size_t i = 0; i < given.size(); ++i) {
        const std::uint32_t y = given[i];
        const double self = probabilities(i, y);
        if (!(self < report.thresholds[y])) {
            continue;
        }
        double bestOther = 0.0;
        double bestAbove = -1.0;
        std::uint32_t suggestion = y;
        for (std::uint32_t c = 0; c < k; ++c) {
            if (c == y) {
                continue;
            }
            const double p = probabilities(i, c);
            bestOther = std::max(bestOther, p);
            // A label no sample has gets no threshold, and so never a suggestion.
            if (p >= report.thresholds[c] && p > bestAbove) {
                bestAbove = p;
                suggestion = c;
            }
        }
        if (suggestion != y) {
            report.issues.push_back({i, y, suggestion, self, self - bestOther});
        }
    }
    std::stable_sort(report.issues.begin(), report.issues.end(), [&](const LabelIssue& a, const LabelIssue& b) {
        return ranking == ErrorRanking::SelfConfidence ? a.selfConfidence < b.selfConfidence : a.margin < b.margin;
    });
    return report;
}

} // namespace concord::learn
