// The difference functions of Krippendorff's alpha (Krippendorff 2011, "Computing
// Krippendorff's Alpha-Reliability"), as squared distances between the table's values:
// nominal (same or not), ordinal (by the ranks the values' frequencies span), interval
// (squared difference of the numbers) and ratio (squared difference over the sum).
#pragma once

#include "core/quality/agreement/RatingTable.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace concord::quality {

enum class AlphaMetric
{
    Nominal,
    Ordinal,
    Interval,
    Ratio
};

std::string_view toString(AlphaMetric metric); // "nominal", ...

// delta^2 for every pair of the table's values, row-major (values x values). The ordinal
// metric depends on how often each value was used among the pairable ratings (`marginal`,
// n_c); the interval and ratio metrics on the values' numbers: they throw InputError naming a
// value that is not a number (and, for ratio, a negative one).
std::vector<double> metricDistances(const RatingTable& table, const std::vector<double>& marginal, AlphaMetric metric);

} // namespace concord::quality
