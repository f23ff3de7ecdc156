// Light's kappa; see LightKappa.hpp and docs/agreement.md.
#include "core/quality/agreement/LightKappa.hpp"

#include "core/quality/agreement/AgreementBreakdown.hpp"
#include "core/quality/agreement/ItemGroups.hpp"

#include <algorithm>
#include <string>

namespace concord::quality {

Coefficient lightKappa(const RatingTable& table)
{
    Coefficient result;
    const ItemGroups groups = groupByItem(table);
    for (std::uint32_t item = 0; item < groups.itemCount(); ++item) {
        const std::uint32_t m = groups.size(item);
        result.items += m >= 2 ? 1 : 0;
        result.ratings += m >= 2 ? m : 0;
        result.excludedItems += m == 1 ? 1 : 0;
    }
    if (table.ratings.empty()) {
        result.undefined = Undefined::NoRatings;
        return result;
    }
    std::vector<bool> rated(table.annotators.size(), false);
    for (const Rating& rating : table.ratings) {
        rated[rating.annotator] = true;
    }
    const auto annotators = static_cast<std::size_t>(std::count(rated.begin(), rated.end(), true));
    const std::size_t allPairs = annotators * (annotators - 1) / 2;
    double sum = 0.0;
    std::size_t used = 0;
    bool noVariation = false;
    for (const PairAgreement& pair : pairwiseKappa(table, KappaWeights::None)) {
        if (pair.kappa.defined()) {
            sum += pair.kappa.value;
            ++used;
        } else {
            noVariation = noVariation || pair.kappa.undefined == Undefined::NoVariation;
        }
    }
    if (used == 0) {
        result.undefined = noVariation ? Undefined::NoVariation : Undefined::NoPairableItems;
        return result;
    }
    result.undefined = Undefined::No;
    result.value = sum / static_cast<double>(used);
    if (used < allPairs) {
        result.note = "the mean over " + std::to_string(used) + " of " + std::to_string(allPairs) +
                      " annotator pairs; the others have no item in common or an undefined kappa";
    }
    return result;
}

} // namespace concord::quality
