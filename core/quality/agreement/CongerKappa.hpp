// Conger's kappa (Conger 1980, "Integration and generalization of kappas for multiple raters"):
// Cohen's kappa generalised to several annotators, each keeping their own value shares; for two
// annotators it is Cohen's kappa. With missing ratings as irrCAC's conger.kappa.raw (Gwet 2014).
#pragma once

#include "core/quality/agreement/Coefficient.hpp"
#include "core/quality/agreement/RatingTable.hpp"

namespace concord::quality {

// kappa = (p_a - p_e) / (1 - p_e). p_a is the percent agreement (the mean over items rated two
// or more times of the share of agreeing pairs). p_e = sum_k (p.k^2 - s_k^2 / r) =
// sum_k ((sum_g p_gk)^2 - sum_g p_gk^2) / (r (r - 1)): the mean over ordered pairs of different
// annotators of sum_k p_gk p_hk, with p_gk the share of value k among annotator g's ratings and
// r the annotators with any rating. Undefined without pairable items, with fewer than two
// annotators, and when p_e = 1.
Coefficient congerKappa(const RatingTable& table);

} // namespace concord::quality
