// Coefficients for any number of annotators that look at each item's ratings in turn: percent
// agreement, Bennett's S and Fleiss' kappa. Items rated fewer than twice cannot be paired and
// are left out (and counted in `excludedItems`); Fleiss' kappa refuses input whose items do not
// all have the same number of ratings.
#pragma once

#include "core/quality/agreement/Coefficient.hpp"
#include "core/quality/agreement/ItemGroups.hpp"
#include "core/quality/agreement/RatingTable.hpp"

namespace concord::quality {

// The mean over pairable items of the share of agreeing pairs of ratings,
// P_i = sum_c n_ic (n_ic - 1) / (m_i (m_i - 1)). For two annotators: the share of items on which
// they agree.
Coefficient percentAgreement(const RatingTable& table, const ItemGroups& groups);
Coefficient percentAgreement(const RatingTable& table);

// S = (P - 1/q) / (1 - 1/q), P the percent agreement and q the number of possible values (the
// table's value set: the schema's labels or rating scale, or the values seen). Undefined for
// q < 2.
Coefficient bennettS(const RatingTable& table, const ItemGroups& groups);
Coefficient bennettS(const RatingTable& table);

// Fleiss (1971): kappa = (P - P_e) / (1 - P_e), P the mean of P_i, P_e = sum_j p_j^2 with p_j the
// share of all ratings in value j. Every item with ratings must have the same number of them:
// otherwise InputError naming an item with a different count. Items without ratings are ignored.
Coefficient fleissKappa(const RatingTable& table, const ItemGroups& groups);
Coefficient fleissKappa(const RatingTable& table);

} // namespace concord::quality
