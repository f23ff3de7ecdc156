// Light's kappa (Light 1971): the mean of Cohen's kappa over every pair of annotators, the
// multi-annotator kappa R's irr::kappam.light computes.
#pragma once

#include "core/quality/agreement/Coefficient.hpp"
#include "core/quality/agreement/RatingTable.hpp"

namespace concord::quality {

// The mean of the unweighted Cohen's kappas of the annotator pairs, each over the items both
// rated. A pair with no item in common, or whose kappa is undefined, is left out of the mean and
// the note says how many were. `items`, `ratings` count the items rated two or more times;
// `excludedItems` those rated once. Undefined when no pair's kappa is defined.
Coefficient lightKappa(const RatingTable& table);

} // namespace concord::quality
