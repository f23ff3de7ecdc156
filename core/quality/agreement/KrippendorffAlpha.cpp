// Krippendorff's alpha from the coincidence matrix; see KrippendorffAlpha.hpp.
#include "core/quality/agreement/KrippendorffAlpha.hpp"

namespace concord::quality {

Coefficient alphaFromCoincidence(const Coincidence& coincidence, const std::vector<double>& distances)
{
    Coefficient result;
    result.items = coincidence.pairableItems;
    result.ratings = coincidence.pairableRatings;
    result.excludedItems = coincidence.excludedItems;
    if (coincidence.pairableItems == 0) {
        result.undefined = coincidence.allRatings == 0 ? Undefined::NoRatings : Undefined::NoPairableItems;
        return result;
    }
    const std::size_t values = coincidence.values;
    double observed = 0.0;
    double expected = 0.0;
    for (std::size_t c = 0; c < values; ++c) {
        for (std::size_t k = 0; k < values; ++k) {
            const double d = distances[c * values + k];
            observed += coincidence.matrix[c * values + k] * d;
            expected += coincidence.marginal[c] * coincidence.marginal[k] * d;
        }
    }
    if (!(expected > 0.0)) {
        result.undefined = Undefined::NoVariation;
        return result;
    }
    result.undefined = Undefined::No;
    result.value = 1.0 - (coincidence.total - 1.0) * observed / expected;
    return result;
}

Coefficient krippendorffAlpha(const RatingTable& table, const Coincidence& coincidence, AlphaMetric metric)
{
    return alphaFromCoincidence(coincidence, metricDistances(table, coincidence.marginal, metric));
}

Coefficient krippendorffAlpha(const RatingTable& table, AlphaMetric metric)
{
    return krippendorffAlpha(table, coincidence(table), metric);
}

} // namespace concord::quality
