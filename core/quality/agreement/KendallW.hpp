// Kendall's coefficient of concordance W with the correction for ties: how far several rankers
// (the annotators) agree on the order of the things they rank (the items). A value is the rank
// or the score a ranker gave a thing; each ranker's values are turned into ranks 1..n again,
// tied values sharing their average rank, so scores and ranks with gaps give the same W.
#pragma once

#include "core/quality/agreement/Coefficient.hpp"
#include "core/quality/agreement/RatingTable.hpp"

namespace concord::quality {

// W = 12 S / (m^2 (n^3 - n) - m sum_j T_j), S = sum_i (R_i - m (n + 1) / 2)^2, R_i the rank sum
// of thing i over the m rankers, T_j = sum (t^3 - t) over the groups of t tied values of ranker
// j. Complete data only: a thing some ranker did not rank is left out and counted
// (`excludedItems`), and the ranks are computed among the things kept. Undefined with fewer
// than two things or rankers, and when every ranker ties everything. InputError naming a value
// that is not a number.
Coefficient kendallW(const RatingTable& table);

} // namespace concord::quality
