// Krippendorff's alpha with missing data: alpha = 1 - D_o / D_e, observed over expected
// disagreement, both read off the coincidence matrix (see Coincidence.hpp and AlphaMetric.hpp).
#pragma once

#include "core/quality/agreement/AlphaMetric.hpp"
#include "core/quality/agreement/Coefficient.hpp"
#include "core/quality/agreement/Coincidence.hpp"
#include "core/quality/agreement/RatingTable.hpp"

#include <vector>

namespace concord::quality {

// alpha = 1 - (n - 1) * sum_ck o_ck d_ck / sum_ck n_c n_k d_ck. Undefined without pairable
// items, and without variation (the expected disagreement is zero: one value only).
// `items`, `ratings` count the pairable ones; `excludedItems` the items rated fewer than twice.
Coefficient alphaFromCoincidence(const Coincidence& coincidence, const std::vector<double>& distances);

Coefficient krippendorffAlpha(const RatingTable& table, const Coincidence& coincidence, AlphaMetric metric);
Coefficient krippendorffAlpha(const RatingTable& table, AlphaMetric metric);

} // namespace concord::quality
