// Coefficients for two annotators: Cohen's kappa (unweighted, linear and quadratic weights) and
// Scott's pi, from the cross table of the items both of them rated. Items only one of the two
// rated cannot be paired: they are left out and counted.
#pragma once

#include "core/quality/agreement/Coefficient.hpp"
#include "core/quality/agreement/RatingTable.hpp"

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace concord::quality {

enum class KappaWeights
{
    None,     // a disagreement costs 1
    Linear,   // costs |x_i - x_j|
    Quadratic // costs (x_i - x_j)^2
};

// Where weighted kappa puts each value on the scale.
enum class WeightScale
{
    Value, // its number (ratings), else its position in the value order: Concord's default
    Rank   // its position among the values seen, as scikit-learn, statsmodels and R's irr do
};

struct CrossTable
{
    std::size_t values = 0;
    std::vector<std::uint64_t> counts; // values x values: row = the first annotator's value
    std::size_t items = 0;             // items both rated
    std::size_t excludedItems = 0;     // items only one of the two rated

    std::uint64_t at(std::size_t row, std::size_t column) const { return counts[row * values + column]; }
};

// The two annotators' cross table over the items both rated; O(ratings + items).
CrossTable crossTable(const RatingTable& table, std::uint32_t first, std::uint32_t second);

// Where each value sits on the scale for weighted kappa: its number when every value is a
// number (ratings), else its position in the value order (0, 1, 2, ...).
std::vector<double> scalePoints(const RatingTable& table);
// With WeightScale::Rank: every value's position in the value order (0, 1, 2, ...).
std::vector<double> scalePoints(const RatingTable& table, WeightScale scale);
// Each value's position among the values the cross table holds (a row or a column total above
// zero); values it does not hold keep their place after the last one seen below them.
std::vector<double> rankPoints(const CrossTable& cross);

// kappa_w = 1 - sum w_ij o_ij / sum w_ij e_ij, e_ij = row_i * column_j / N. Undefined without
// common items, and when chance agreement is perfect (both used one and the same value).
Coefficient cohenKappa(const CrossTable& cross, const std::vector<double>& points, KappaWeights weights);
// pi = (p_o - p_e) / (1 - p_e), p_e from the two annotators' pooled value shares.
Coefficient scottPi(const CrossTable& cross);

// The table's two annotators (those with at least one rating); InputError naming `metric` and
// the annotators when there are not exactly two.
std::pair<std::uint32_t, std::uint32_t> twoAnnotators(const RatingTable& table, std::string_view metric);

// With WeightScale::Rank the weights use rankPoints of the two annotators' cross table, the
// distances scikit-learn's cohen_kappa_score uses; the note then says so.
Coefficient cohenKappa(const RatingTable& table, KappaWeights weights, WeightScale scale = WeightScale::Value);
Coefficient scottPi(const RatingTable& table);

} // namespace concord::quality
