// Likely label errors, in the manner of confident learning (Northcutt et al., 2021): from
// out-of-sample probabilities, each label j gets a threshold t_j, the mean probability of j
// over the samples labeled j (its average self-confidence). A sample labeled y is flagged when
// p_y < t_y and some other label j has p_j >= t_j; the suggestion is the most probable such j.
// Flagged samples are ranked with the most suspicious first: by self-confidence p_y
// (ascending) or by normalised margin p_y - max_{j != y} p_j (ascending).
#pragma once

#include "core/learn/Probabilities.hpp"

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace concord::learn {

enum class ErrorRanking
{
    SelfConfidence,
    NormalizedMargin
};

// "self-confidence" or "margin"; throws InputError.
ErrorRanking errorRankingFromString(std::string_view name);

struct LabelIssue
{
    std::size_t row = 0; // index into the given labels
    std::uint32_t given = 0;
    std::uint32_t suggested = 0;
    double selfConfidence = 0.0; // p of the given label
    double margin = 0.0;         // p_given - max other p
};

struct LabelErrorReport
{
    std::vector<double> thresholds; // per label; NaN for a label no sample has
    std::vector<LabelIssue> issues; // most suspicious first
};

LabelErrorReport findLabelErrors(std::span<const std::uint32_t> given, const Probabilities& probabilities,
                                 ErrorRanking ranking);

} // namespace concord::learn
