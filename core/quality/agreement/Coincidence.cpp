// Building the coincidence matrix; see Coincidence.hpp.
#include "core/quality/agreement/Coincidence.hpp"

#include "core/util/Error.hpp"

#include <string>

namespace concord::quality {

void addItemPairs(std::vector<double>& matrix, std::size_t values, const ValueCounter& counts, double times)
{
    double m = 0.0;
    for (const std::uint32_t c : counts.values()) {
        m += counts[c];
    }
    // Each of the m(m-1) ordered pairs of this item's ratings adds 1/(m-1): every rating
    // contributes exactly one unit to its row, so the row sums are the value counts.
    const double weight = times / (m - 1.0);
    for (const std::uint32_t c : counts.values()) {
        const double nc = counts[c];
        for (const std::uint32_t k : counts.values()) {
            const double pairs = c == k ? nc * (nc - 1.0) : nc * counts[k];
            matrix[c * values + k] += pairs * weight;
        }
    }
}

Coincidence coincidence(const RatingTable& table, const ItemGroups& groups)
{
    Coincidence result;
    result.values = table.values.size();
    if (result.values > kMaxCoincidenceValues) {
        throw InputError("alpha needs a coincidence matrix of values x values, and there are " +
                         std::to_string(result.values) + " distinct values (at most " +
                         std::to_string(kMaxCoincidenceValues) + " are supported)");
    }
    result.matrix.assign(result.values * result.values, 0.0);
    result.marginal.assign(result.values, 0.0);
    ValueCounter counts(result.values);
    for (std::uint32_t item = 0; item < groups.itemCount(); ++item) {
        const std::uint32_t m = groups.size(item);
        if (m < 2) {
            ++result.excludedItems;
            continue;
        }
        counts.count(table, groups.of(item));
        addItemPairs(result.matrix, result.values, counts);
        for (const std::uint32_t c : counts.values()) {
            result.marginal[c] += counts[c];
        }
        ++result.pairableItems;
        result.pairableRatings += m;
    }
    result.total = static_cast<double>(result.pairableRatings);
    result.allRatings = table.ratings.size();
    return result;
}

} // namespace concord::quality
