// Cohen's kappa and Scott's pi; see PairwiseAgreement.hpp and docs/agreement.md.
#include "core/quality/agreement/PairwiseAgreement.hpp"

#include "core/util/Error.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace concord::quality {

namespace {

constexpr std::uint32_t kNone = UINT32_MAX;

Coefficient withCounts(const CrossTable& cross)
{
    Coefficient result;
    result.items = cross.items;
    result.ratings = 2 * cross.items;
    result.excludedItems = cross.excludedItems;
    result.undefined = cross.items == 0 ? Undefined::NoPairableItems : Undefined::No;
    return result;
}

} // namespace

CrossTable crossTable(const RatingTable& table, std::uint32_t first, std::uint32_t second)
{
    std::vector<std::uint32_t> firstValue(table.items.size(), kNone);
    std::vector<std::uint32_t> secondValue(table.items.size(), kNone);
    for (const Rating& rating : table.ratings) {
        if (rating.annotator == first) {
            firstValue[rating.item] = rating.value;
        } else if (rating.annotator == second) {
            secondValue[rating.item] = rating.value;
        }
    }
    CrossTable cross;
    cross.values = table.values.size();
    cross.counts.assign(cross.values * cross.values, 0);
    for (std::size_t item = 0; item < table.items.size(); ++item) {
        const bool hasFirst = firstValue[item] != kNone;
        const bool hasSecond = secondValue[item] != kNone;
        if (hasFirst && hasSecond) {
            ++cross.counts[firstValue[item] * cross.values + secondValue[item]];
            ++cross.items;
        } else if (hasFirst || hasSecond) {
            ++cross.excludedItems;
        }
    }
    return cross;
}

std::vector<double> scalePoints(const RatingTable& table)
{
    if (table.allNumeric()) {
        return table.numeric;
    }
    std::vector<double> points(table.values.size());
    for (std::size_t v = 0; v < points.size(); ++v) {
        points[v] = static_cast<double>(v);
    }
    return points;
}

std::vector<double> scalePoints(const RatingTable& table, WeightScale scale)
{
    if (scale == WeightScale::Value) {
        return scalePoints(table);
    }
    std::vector<double> points(table.values.size());
    for (std::size_t v = 0; v < points.size(); ++v) {
        points[v] = static_cast<double>(v);
    }
    return points;
}

std::vector<double> rankPoints(const CrossTable& cross)
{
    std::vector<double> points(cross.values, 0.0);
    double rank = -1.0;
    for (std::size_t v = 0; v < cross.values; ++v) {
        std::uint64_t total = 0;
        for (std::size_t other = 0; other < cross.values; ++other) {
            total += cross.at(v, other) + cross.at(other, v);
        }
        rank += total > 0 ? 1.0 : 0.0;
        points[v] = std::max(rank, 0.0);
    }
    return points;
}

Coefficient cohenKappa(const CrossTable& cross, const std::vector<double>& points, KappaWeights weights)
{
    Coefficient result = withCounts(cross);
    if (!result.defined()) {
        return result;
    }
    const std::size_t values = cross.values;
    std::vector<double> rows(values, 0.0);
    std::vector<double> columns(values, 0.0);
    for (std::size_t i = 0; i < values; ++i) {
        for (std::size_t j = 0; j < values; ++j) {
            rows[i] += static_cast<double>(cross.at(i, j));
            columns[j] += static_cast<double>(cross.at(i, j));
        }
    }
    const double n = static_cast<double>(cross.items);
    double observed = 0.0;
    double expected = 0.0;
    for (std::size_t i = 0; i < values; ++i) {
        for (std::size_t j = 0; j < values; ++j) {
            if (i == j) {
                continue;
            }
            double w = 1.0;
            if (weights == KappaWeights::Linear) {
                w = std::abs(points[i] - points[j]);
            } else if (weights == KappaWeights::Quadratic) {
                w = (points[i] - points[j]) * (points[i] - points[j]);
            }
            observed += w * static_cast<double>(cross.at(i, j));
            expected += w * rows[i] * columns[j] / n;
        }
    }
    if (!(expected > 0.0)) {
        result.undefined = Undefined::NoVariation;
        return result;
    }
    result.value = 1.0 - observed / expected;
    return result;
}

Coefficient scottPi(const CrossTable& cross)
{
    Coefficient result = withCounts(cross);
    if (!result.defined()) {
        return result;
    }
    const std::size_t values = cross.values;
    const double n = static_cast<double>(cross.items);
    double agreed = 0.0;
    double chance = 0.0;
    std::size_t used = 0;
    for (std::size_t v = 0; v < values; ++v) {
        agreed += static_cast<double>(cross.at(v, v));
        double pooled = 0.0;
        for (std::size_t other = 0; other < values; ++other) {
            pooled += static_cast<double>(cross.at(v, other) + cross.at(other, v));
        }
        const double share = pooled / (2.0 * n);
        chance += share * share;
        used += pooled > 0 ? 1 : 0;
    }
    if (used < 2) {
        result.undefined = Undefined::NoVariation;
        return result;
    }
    result.value = (agreed / n - chance) / (1.0 - chance);
    return result;
}

std::pair<std::uint32_t, std::uint32_t> twoAnnotators(const RatingTable& table, std::string_view metric)
{
    std::vector<bool> rated(table.annotators.size(), false);
    for (const Rating& rating : table.ratings) {
        rated[rating.annotator] = true;
    }
    std::vector<std::uint32_t> found;
    std::string names;
    for (std::uint32_t a = 0; a < rated.size(); ++a) {
        if (rated[a]) {
            found.push_back(a);
            if (found.size() <= 5) {
                names += (names.empty() ? "" : ", ") + table.annotators[a];
            }
        }
    }
    if (found.size() != 2) {
        if (found.size() > 5) {
            names += ", ...";
        }
        throw InputError(std::string(metric) + " needs exactly two annotators, and there " +
                         (found.size() == 1 ? "is 1" : "are " + std::to_string(found.size())) +
                         (names.empty() ? "" : " (" + names + ")") +
                         (found.size() > 2 ? "; see the annotator pairs, or use alpha or Fleiss' kappa" : ""));
    }
    return {found[0], found[1]};
}

Coefficient cohenKappa(const RatingTable& table, KappaWeights weights, WeightScale scale)
{
    const auto [first, second] = twoAnnotators(table, "Cohen's kappa");
    const CrossTable cross = crossTable(table, first, second);
    if (scale == WeightScale::Value || weights == KappaWeights::None) {
        return cohenKappa(cross, scalePoints(table), weights);
    }
    Coefficient result = cohenKappa(cross, rankPoints(cross), weights);
    if (result.defined()) {
        result.note = "weights on the ranks among the values seen";
    }
    return result;
}

Coefficient scottPi(const RatingTable& table)
{
    const auto [first, second] = twoAnnotators(table, "Scott's pi");
    return scottPi(crossTable(table, first, second));
}

} // namespace concord::quality
