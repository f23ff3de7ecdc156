// Holm's step-down correction of p-values for testing several hypotheses at once (here: one
// per annotator), as statsmodels' multipletests(p, method="holm") computes it.
#pragma once

#include <vector>

namespace concord::quality {

// The adjusted p-values, in the order given: with the m p-values sorted ascending, the j-th
// (from 0) becomes min(1, max over i <= j of (m - i) · p(i)). Rejecting where the adjusted
// value is below alpha keeps the chance of any false rejection at most alpha.
std::vector<double> holmAdjusted(const std::vector<double>& pValues);

} // namespace concord::quality
