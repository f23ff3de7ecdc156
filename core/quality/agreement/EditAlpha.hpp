// Krippendorff's alpha on text values with the normalized edit distance as the difference
// function: Levenshtein on code points divided by the longer length, 0 when both are empty.
// An empty text is a value like any other. The observed disagreement needs distances only
// within items; the expected one needs them between all pairs of distinct values, computed
// exactly up to `exactValues` distinct values and estimated from sampled pairs above that.
#pragma once

#include "core/quality/agreement/Coefficient.hpp"
#include "core/quality/agreement/RatingTable.hpp"

#include <cstddef>
#include <cstdint>

namespace concord::quality {

struct EditAlphaLimits
{
    // Up to this many distinct pairable values, every pair's distance enters the expected
    // disagreement (2,000 values: 2 million distances, well under a second for short texts).
    std::size_t exactValues = 2000;
    // Above it: this many pairs of different pairable ratings drawn uniformly, with this seed,
    // so that the same data gives the same value every time.
    std::size_t sampledPairs = 200000;
    std::uint64_t seed = 1;
};

// alpha = 1 - (n - 1) sum_ck o_ck d_ck / sum_ck n_c n_k d_ck, as KrippendorffAlpha.hpp, with
// d the normalized edit distance (not squared). When the expected disagreement is estimated the
// note says from how many pairs and with which seed. Undefined as alpha is.
Coefficient editAlpha(const RatingTable& table, const EditAlphaLimits& limits = {});

} // namespace concord::quality
