// Alpha's difference functions; see AlphaMetric.hpp. The formulas are Krippendorff's (2011),
// section "Difference functions"; docs/agreement.md repeats them.
#include "core/quality/agreement/AlphaMetric.hpp"

#include "core/util/Error.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace concord::quality {

namespace {

void requireNumbers(const RatingTable& table, AlphaMetric metric)
{
    for (std::size_t v = 0; v < table.values.size(); ++v) {
        if (std::isnan(table.numeric[v])) {
            throw InputError("alpha-" + std::string(toString(metric)) + " needs numeric values, and '" +
                             table.values[v] + "' is not a number");
        }
        if (metric == AlphaMetric::Ratio && table.numeric[v] < 0) {
            throw InputError("alpha-ratio needs values of zero or more, and '" + table.values[v] + "' is negative");
        }
    }
}

} // namespace

std::string_view toString(AlphaMetric metric)
{
    switch (metric) {
    case AlphaMetric::Nominal:
        return "nominal";
    case AlphaMetric::Ordinal:
        return "ordinal";
    case AlphaMetric::Interval:
        return "interval";
    case AlphaMetric::Ratio:
        return "ratio";
    }
    return "nominal";
}

std::vector<double> metricDistances(const RatingTable& table, const std::vector<double>& marginal, AlphaMetric metric)
{
    const std::size_t values = table.values.size();
    std::vector<double> distance(values * values, 0.0);
    if (metric == AlphaMetric::Interval || metric == AlphaMetric::Ratio) {
        requireNumbers(table, metric);
    }
    // Ordinal: cumulative counts, so that the sum of n_g for g from c to k is one subtraction.
    std::vector<double> below(values + 1, 0.0);
    for (std::size_t g = 0; g < values; ++g) {
        below[g + 1] = below[g] + marginal[g];
    }
    for (std::size_t c = 0; c < values; ++c) {
        for (std::size_t k = 0; k < values; ++k) {
            if (c == k) {
                continue;
            }
            double d = 0.0;
            switch (metric) {
            case AlphaMetric::Nominal:
                d = 1.0;
                break;
            case AlphaMetric::Ordinal: {
                const std::size_t low = std::min(c, k);
                const std::size_t high = std::max(c, k);
                const double span = below[high + 1] - below[low] - (marginal[c] + marginal[k]) / 2.0;
                d = span * span;
                break;
            }
            case AlphaMetric::Interval: {
                const double difference = table.numeric[c] - table.numeric[k];
                d = difference * difference;
                break;
            }
            case AlphaMetric::Ratio: {
                const double sum = table.numeric[c] + table.numeric[k];
                const double ratio = sum == 0.0 ? 0.0 : (table.numeric[c] - table.numeric[k]) / sum;
                d = ratio * ratio;
                break;
            }
            }
            distance[c * values + k] = d;
        }
    }
    return distance;
}

} // namespace concord::quality
