// Percent agreement, Bennett's S and Fleiss' kappa; see MultiRaterAgreement.hpp.
#include "core/quality/agreement/MultiRaterAgreement.hpp"

#include "core/util/Error.hpp"

#include <string>

namespace concord::quality {

namespace {

// The share of agreeing ordered pairs among the item's m(m - 1).
double itemAgreement(const ValueCounter& counts, double m)
{
    double agreeing = 0.0;
    for (const std::uint32_t c : counts.values()) {
        const double n = counts[c];
        agreeing += n * (n - 1.0);
    }
    return agreeing / (m * (m - 1.0));
}

} // namespace

Coefficient percentAgreement(const RatingTable& table, const ItemGroups& groups)
{
    Coefficient result;
    ValueCounter counts(table.values.size());
    double sum = 0.0;
    for (std::uint32_t item = 0; item < groups.itemCount(); ++item) {
        const std::uint32_t m = groups.size(item);
        if (m < 2) {
            ++result.excludedItems;
            continue;
        }
        counts.count(table, groups.of(item));
        sum += itemAgreement(counts, m);
        ++result.items;
        result.ratings += m;
    }
    if (result.items == 0) {
        result.undefined = table.ratings.empty() ? Undefined::NoRatings : Undefined::NoPairableItems;
        return result;
    }
    result.undefined = Undefined::No;
    result.value = sum / static_cast<double>(result.items);
    return result;
}

Coefficient percentAgreement(const RatingTable& table)
{
    return percentAgreement(table, groupByItem(table));
}

Coefficient bennettS(const RatingTable& table, const ItemGroups& groups)
{
    Coefficient result = percentAgreement(table, groups);
    if (!result.defined()) {
        return result;
    }
    const double q = static_cast<double>(table.values.size());
    if (table.values.size() < 2) {
        result.undefined = Undefined::OneCategory;
        return result;
    }
    result.value = (result.value - 1.0 / q) / (1.0 - 1.0 / q);
    return result;
}

Coefficient bennettS(const RatingTable& table)
{
    return bennettS(table, groupByItem(table));
}

Coefficient fleissKappa(const RatingTable& table, const ItemGroups& groups)
{
    Coefficient result;
    // The fixed number of ratings per item, from the first item that has any.
    std::uint32_t fixed = 0;
    std::uint32_t fixedItem = 0;
    for (std::uint32_t item = 0; item < groups.itemCount(); ++item) {
        const std::uint32_t m = groups.size(item);
        if (m == 0) {
            continue;
        }
        if (fixed == 0) {
            fixed = m;
            fixedItem = item;
        } else if (m != fixed) {
            throw InputError("Fleiss' kappa needs the same number of ratings for every item, but item '" +
                             table.items[item] + "' has " + std::to_string(m) + " and item '" + table.items[fixedItem] +
                             "' has " + std::to_string(fixed) + " (alpha allows missing ratings)");
        }
    }
    if (fixed == 0) {
        result.undefined = Undefined::NoRatings;
        return result;
    }
    if (fixed < 2) {
        result.undefined = Undefined::NoPairableItems;
        result.excludedItems = table.ratings.size();
        return result;
    }
    ValueCounter counts(table.values.size());
    std::vector<double> perValue(table.values.size(), 0.0);
    double sum = 0.0;
    for (std::uint32_t item = 0; item < groups.itemCount(); ++item) {
        if (groups.size(item) == 0) {
            continue;
        }
        counts.count(table, groups.of(item));
        sum += itemAgreement(counts, fixed);
        for (const std::uint32_t c : counts.values()) {
            perValue[c] += counts[c];
        }
        ++result.items;
    }
    result.ratings = result.items * fixed;
    double chance = 0.0;
    std::size_t used = 0;
    for (const double count : perValue) {
        const double share = count / static_cast<double>(result.ratings);
        chance += share * share;
        used += count > 0 ? 1 : 0;
    }
    if (used < 2) {
        result.undefined = Undefined::NoVariation;
        return result;
    }
    const double observed = sum / static_cast<double>(result.items);
    result.undefined = Undefined::No;
    result.value = (observed - chance) / (1.0 - chance);
    return result;
}

Coefficient fleissKappa(const RatingTable& table)
{
    return fleissKappa(table, groupByItem(table));
}

} // namespace concord::quality
