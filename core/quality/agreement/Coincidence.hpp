// Krippendorff's coincidence matrix: o[c][k] counts the ordered pairs of values (c, k) that
// two different annotators gave to the same item, each item's pairs weighted 1/(m - 1) where m
// is the number of ratings it has. Items rated once cannot be paired and are left out. Every
// alpha (any metric, per label, bootstrap) is computed from it, so the cost of alpha is one
// pass over the ratings plus work on a values x values matrix, never over pairs of ratings
// across items.
#pragma once

#include "core/quality/agreement/ItemGroups.hpp"
#include "core/quality/agreement/RatingTable.hpp"

#include <cstddef>
#include <vector>

namespace concord::quality {

struct Coincidence
{
    std::size_t values = 0;
    std::vector<double> matrix;   // values x values, row-major: o[c][k] = matrix[c * values + k]
    std::vector<double> marginal; // n_c: the pairable ratings with value c (whole numbers)
    double total = 0.0;           // n: all pairable ratings

    std::size_t pairableItems = 0;   // items with two or more ratings
    std::size_t pairableRatings = 0; // their ratings (equals `total`)
    std::size_t excludedItems = 0;   // items with fewer than two ratings
    std::size_t allRatings = 0;      // every rating in the table, pairable or not

    double at(std::size_t c, std::size_t k) const { return matrix[c * values + k]; }
};

// The dense matrix is refused (InputError) beyond this many distinct values, where it would
// take hundreds of megabytes: such data is not categorical and wants another statistic.
inline constexpr std::size_t kMaxCoincidenceValues = 4096;

Coincidence coincidence(const RatingTable& table, const ItemGroups& groups);
inline Coincidence coincidence(const RatingTable& table)
{
    return coincidence(table, groupByItem(table));
}

// Adds one item's pairs, given its distinct values and their counts (m = their sum >= 2), to
// `matrix` with weight `times` (the bootstrap adds an item as often as it was drawn).
void addItemPairs(std::vector<double>& matrix, std::size_t values, const ValueCounter& counts, double times = 1.0);

} // namespace concord::quality
