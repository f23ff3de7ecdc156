// Per value, per pair and per annotator agreement; see AgreementBreakdown.hpp.
#include "core/quality/agreement/AgreementBreakdown.hpp"

#include "core/quality/agreement/ItemGroups.hpp"

#include <algorithm>
#include <map>

namespace concord::quality {

std::vector<ValueAgreement> perValueAlpha(const RatingTable& table, const Coincidence& coincidence)
{
    const std::size_t values = table.values.size();
    std::vector<ValueAgreement> result(values);
    for (const Rating& rating : table.ratings) {
        ++result[rating.value].uses;
    }
    const double n = coincidence.total;
    for (std::uint32_t v = 0; v < values; ++v) {
        ValueAgreement& entry = result[v];
        entry.value = v;
        Coefficient& alpha = entry.alpha;
        alpha.items = coincidence.pairableItems;
        alpha.ratings = coincidence.pairableRatings;
        alpha.excludedItems = coincidence.excludedItems;
        if (coincidence.pairableItems == 0) {
            alpha.undefined = table.ratings.empty() ? Undefined::NoRatings : Undefined::NoPairableItems;
            continue;
        }
        const double inValue = coincidence.marginal[v];
        const double rest = n - inValue;
        if (inValue == 0.0 || rest == 0.0) {
            alpha.undefined = Undefined::NoVariation;
            continue;
        }
        double mixed = 0.0; // o(v, not v): pairs that split between this value and another
        for (std::size_t k = 0; k < values; ++k) {
            mixed += k == v ? 0.0 : coincidence.at(v, k);
        }
        alpha.undefined = Undefined::No;
        alpha.value = 1.0 - (n - 1.0) * mixed / (inValue * rest);
    }
    return result;
}

std::vector<PairAgreement> pairwiseKappa(const RatingTable& table, KappaWeights weights)
{
    const ItemGroups groups = groupByItem(table);
    const std::size_t values = table.values.size();
    std::vector<std::size_t> ratedBy(table.annotators.size(), 0);
    for (const Rating& rating : table.ratings) {
        ++ratedBy[rating.annotator];
    }
    // Only pairs that meet on some item get a cross table, so a large crowd with sparse overlap
    // costs what its overlap costs.
    std::map<std::pair<std::uint32_t, std::uint32_t>, CrossTable> crosses;
    for (std::uint32_t item = 0; item < groups.itemCount(); ++item) {
        const auto ratings = groups.of(item);
        for (std::size_t i = 0; i < ratings.size(); ++i) {
            for (std::size_t j = i + 1; j < ratings.size(); ++j) {
                const Rating* a = &table.ratings[ratings[i]];
                const Rating* b = &table.ratings[ratings[j]];
                if (a->annotator > b->annotator) {
                    std::swap(a, b);
                }
                CrossTable& cross = crosses[{a->annotator, b->annotator}];
                if (cross.counts.empty()) {
                    cross.values = values;
                    cross.counts.assign(values * values, 0);
                }
                ++cross.counts[a->value * values + b->value];
                ++cross.items;
            }
        }
    }
    const std::vector<double> points = scalePoints(table);
    std::vector<PairAgreement> result;
    result.reserve(crosses.size());
    for (auto& [pair, cross] : crosses) {
        cross.excludedItems = ratedBy[pair.first] + ratedBy[pair.second] - 2 * cross.items;
        result.push_back(PairAgreement{pair.first, pair.second, cohenKappa(cross, points, weights)});
    }
    return result;
}

std::vector<AnnotatorAgreement> annotatorVersusRest(const RatingTable& table, KappaWeights weights)
{
    const ItemGroups groups = groupByItem(table);
    const std::size_t values = table.values.size();
    std::vector<AnnotatorAgreement> entries(table.annotators.size());
    std::vector<CrossTable> crosses(table.annotators.size());
    for (auto& cross : crosses) {
        cross.values = values;
        cross.counts.assign(values * values, 0);
    }
    ValueCounter counts(values);
    for (std::uint32_t item = 0; item < groups.itemCount(); ++item) {
        counts.count(table, groups.of(item));
        for (const std::uint32_t r : groups.of(item)) {
            const Rating& rating = table.ratings[r];
            AnnotatorAgreement& entry = entries[rating.annotator];
            ++entry.ratings;
            if (groups.size(item) < 2) {
                ++entry.alone;
                continue;
            }
            // The others' plurality: this item's counts without this rating.
            std::uint32_t best = 0;
            std::uint32_t bestValue = 0;
            bool tie = false;
            for (const std::uint32_t c : counts.values()) {
                const std::uint32_t n = counts[c] - (c == rating.value ? 1 : 0);
                if (n > best) {
                    best = n;
                    bestValue = c;
                    tie = false;
                } else if (n == best && n > 0) {
                    tie = true;
                }
            }
            if (tie) {
                ++entry.ties;
                continue;
            }
            CrossTable& cross = crosses[rating.annotator];
            ++cross.counts[rating.value * values + bestValue];
            ++cross.items;
        }
    }
    const std::vector<double> points = scalePoints(table);
    std::vector<AnnotatorAgreement> result;
    for (std::uint32_t a = 0; a < entries.size(); ++a) {
        AnnotatorAgreement& entry = entries[a];
        if (entry.ratings == 0) {
            continue;
        }
        entry.annotator = a;
        CrossTable& cross = crosses[a];
        cross.excludedItems = entry.alone + entry.ties;
        entry.kappa = cohenKappa(cross, points, weights);
        if (cross.items > 0) {
            std::uint64_t matches = 0;
            for (std::size_t v = 0; v < values; ++v) {
                matches += cross.at(v, v);
            }
            entry.agreesWithOthers = static_cast<double>(matches) / static_cast<double>(cross.items);
        }
        result.push_back(entry);
    }
    return result;
}

} // namespace concord::quality
