// Gwet's AC1 and AC2; see GwetAgreement.hpp and docs/agreement.md.
#include "core/quality/agreement/GwetAgreement.hpp"

#include "core/quality/agreement/ItemGroups.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace concord::quality {

std::vector<double> agreementWeights(const RatingTable& table, KappaWeights weights, WeightScale scale)
{
    const std::size_t q = table.values.size();
    std::vector<double> w(q * q, 0.0);
    for (std::size_t k = 0; k < q; ++k) {
        w[k * q + k] = 1.0;
    }
    if (weights == KappaWeights::None || q < 2) {
        return w;
    }
    const std::vector<double> points = scalePoints(table, scale);
    const auto [low, high] = std::minmax_element(points.begin(), points.end());
    const double range = *high - *low;
    if (!(range > 0.0)) {
        return w; // every value at one point ("1" and "1.0"): nothing to weigh
    }
    for (std::size_t k = 0; k < q; ++k) {
        for (std::size_t l = 0; l < q; ++l) {
            const double d = std::abs(points[k] - points[l]) / range;
            w[k * q + l] = weights == KappaWeights::Linear ? 1.0 - d : 1.0 - d * d;
        }
    }
    return w;
}

Coefficient gwetAgreement(const RatingTable& table, KappaWeights weights, WeightScale scale)
{
    Coefficient result;
    const std::size_t q = table.values.size();
    if (table.ratings.empty()) {
        result.undefined = Undefined::NoRatings;
        return result;
    }
    if (q < 2) {
        result.undefined = Undefined::OneCategory;
        return result;
    }
    const std::vector<double> w = agreementWeights(table, weights, scale);
    const ItemGroups groups = groupByItem(table);
    ValueCounter counts(q);
    std::vector<double> pi(q, 0.0);
    double agreement = 0.0;
    std::size_t rated = 0;
    for (std::uint32_t item = 0; item < groups.itemCount(); ++item) {
        const std::uint32_t r = groups.size(item);
        if (r == 0) {
            continue;
        }
        ++rated;
        counts.count(table, groups.of(item));
        for (const std::uint32_t k : counts.values()) {
            pi[k] += static_cast<double>(counts[k]) / r;
        }
        if (r < 2) {
            ++result.excludedItems;
            continue;
        }
        double sum = 0.0;
        for (const std::uint32_t k : counts.values()) {
            double weighted = 0.0; // r*_ik
            for (const std::uint32_t l : counts.values()) {
                weighted += w[k * q + l] * counts[l];
            }
            sum += counts[k] * (weighted - 1.0);
        }
        agreement += sum / (static_cast<double>(r) * (r - 1.0));
        ++result.items;
        result.ratings += r;
    }
    if (result.items == 0) {
        result.undefined = Undefined::NoPairableItems;
        return result;
    }
    double spread = 0.0;
    for (double& share : pi) {
        share /= static_cast<double>(rated);
        spread += share * (1.0 - share);
    }
    double totalWeight = 0.0;
    for (const double weight : w) {
        totalWeight += weight;
    }
    const double qd = static_cast<double>(q);
    const double pa = agreement / static_cast<double>(result.items);
    const double pe = totalWeight / (qd * (qd - 1.0)) * spread;
    if (!(pe < 1.0)) {
        result.undefined = Undefined::NoVariation;
        return result;
    }
    result.undefined = Undefined::No;
    result.value = (pa - pe) / (1.0 - pe);
    if (weights != KappaWeights::None) {
        result.note = std::string(weights == KappaWeights::Linear ? "linear" : "quadratic") + " weights on the " +
                      (scale == WeightScale::Rank ? "ranks" : "values");
    }
    return result;
}

} // namespace concord::quality
