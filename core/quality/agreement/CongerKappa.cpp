// Conger's kappa; see CongerKappa.hpp and docs/agreement.md.
#include "core/quality/agreement/CongerKappa.hpp"

#include "core/quality/agreement/MultiRaterAgreement.hpp"

#include <algorithm>

namespace concord::quality {

Coefficient congerKappa(const RatingTable& table)
{
    Coefficient result = percentAgreement(table);
    if (!result.defined()) {
        return result;
    }
    const std::size_t q = table.values.size();
    // Each annotator's value counts, then shares.
    std::vector<double> counts(table.annotators.size() * q, 0.0);
    std::vector<double> total(table.annotators.size(), 0.0);
    for (const Rating& rating : table.ratings) {
        counts[rating.annotator * q + rating.value] += 1.0;
        total[rating.annotator] += 1.0;
    }
    std::vector<double> shareSum(q, 0.0);
    std::vector<double> squareSum(q, 0.0);
    double r = 0.0;
    for (std::size_t g = 0; g < table.annotators.size(); ++g) {
        if (total[g] == 0.0) {
            continue;
        }
        r += 1.0;
        for (std::size_t k = 0; k < q; ++k) {
            const double share = counts[g * q + k] / total[g];
            shareSum[k] += share;
            squareSum[k] += share * share;
        }
    }
    double chance = 0.0;
    for (std::size_t k = 0; k < q; ++k) {
        chance += shareSum[k] * shareSum[k] - squareSum[k];
    }
    chance /= r * (r - 1.0);
    if (!(chance < 1.0)) {
        result.undefined = Undefined::NoVariation;
        return result;
    }
    result.value = (result.value - chance) / (1.0 - chance);
    return result;
}

} // namespace concord::quality
