// Gwet's AC1 (nominal) and AC2 (weighted) for any number of annotators and missing ratings, as
// in Gwet (2014), "Handbook of Inter-Rater Reliability", 4th ed., chapters 2-3 (irrCAC's
// gwet.ac1.raw computes the same).
#pragma once

#include "core/quality/agreement/Coefficient.hpp"
#include "core/quality/agreement/PairwiseAgreement.hpp"
#include "core/quality/agreement/RatingTable.hpp"

#include <vector>

namespace concord::quality {

// The agreement weights w_kl in [0, 1] over the table's q values, row-major: the identity for
// KappaWeights::None, 1 - |x_k - x_l| / (x_max - x_min) for Linear, 1 - (x_k - x_l)^2 /
// (x_max - x_min)^2 for Quadratic, x the scale points (scalePoints with `scale`).
std::vector<double> agreementWeights(const RatingTable& table, KappaWeights weights, WeightScale scale);

// AC = (p_a - p_e) / (1 - p_e). p_a = mean over the items with r_i >= 2 ratings of
// sum_k r_ik (r*_ik - 1) / (r_i (r_i - 1)), r*_ik = sum_l w_kl r_il; p_e = T_w / (q (q - 1))
// sum_k pi_k (1 - pi_k), pi_k = mean over the items with any rating of r_ik / r_i, T_w =
// sum_kl w_kl, q the number of possible values (the table's value set). Items rated once enter
// pi_k only and are counted in `excludedItems`. Undefined with fewer than two values or
// without pairable items; p_e = 1 cannot occur for q >= 2.
Coefficient gwetAgreement(const RatingTable& table, KappaWeights weights, WeightScale scale = WeightScale::Value);

} // namespace concord::quality
