// Alpha with the normalized edit distance; see EditAlpha.hpp and docs/agreement.md.
#include "core/quality/agreement/EditAlpha.hpp"

#include "core/quality/agreement/EditDistance.hpp"
#include "core/quality/agreement/ItemGroups.hpp"

#include <random>
#include <string>

namespace concord::quality {

namespace {

// sum_ck n_c n_k d_ck over ordered pairs of the used values, every pair computed.
double exactExpected(const std::vector<std::u32string>& texts, const std::vector<std::uint32_t>& used,
                     const std::vector<double>& marginal)
{
    double sum = 0.0;
    for (std::size_t a = 0; a < used.size(); ++a) {
        const EditPattern pattern(texts[used[a]]);
        for (std::size_t b = a + 1; b < used.size(); ++b) {
            sum += 2.0 * marginal[used[a]] * marginal[used[b]] * normalizedEditDistance(pattern, texts[used[b]]);
        }
    }
    return sum;
}

// The same sum estimated: it is n (n - 1) times the mean distance between two different
// pairable ratings, and that mean is taken over `pairs` random ones.
double sampledExpected(const std::vector<std::u32string>& texts, const std::vector<std::uint32_t>& pairable,
                       const EditAlphaLimits& limits)
{
    std::mt19937_64 random(limits.seed);
    const std::uint64_t n = pairable.size();
    double sum = 0.0;
    for (std::size_t s = 0; s < limits.sampledPairs; ++s) {
        // Modulo draws: the bias is below n / 2^64, far under the sampling error.
        const std::uint64_t i = random() % n;
        const std::uint64_t j = (i + 1 + random() % (n - 1)) % n; // any other rating
        const std::uint32_t c = pairable[i];
        const std::uint32_t k = pairable[j];
        if (c != k) {
            sum += normalizedEditDistance(EditPattern(texts[c]), texts[k]);
        }
    }
    const double nd = static_cast<double>(n);
    return sum / static_cast<double>(limits.sampledPairs) * nd * (nd - 1.0);
}

} // namespace

Coefficient editAlpha(const RatingTable& table, const EditAlphaLimits& limits)
{
    Coefficient result;
    const ItemGroups groups = groupByItem(table);
    std::vector<double> marginal(table.values.size(), 0.0);
    std::vector<std::uint32_t> pairable; // the value of every pairable rating
    for (std::uint32_t item = 0; item < groups.itemCount(); ++item) {
        const std::uint32_t m = groups.size(item);
        if (m < 2) {
            result.excludedItems += m == 1 ? 1 : 0;
            continue;
        }
        ++result.items;
        for (const std::uint32_t r : groups.of(item)) {
            marginal[table.ratings[r].value] += 1.0;
            pairable.push_back(table.ratings[r].value);
        }
    }
    result.ratings = pairable.size();
    if (result.items == 0) {
        result.undefined = table.ratings.empty() ? Undefined::NoRatings : Undefined::NoPairableItems;
        return result;
    }
    std::vector<std::u32string> texts(table.values.size());
    std::vector<std::uint32_t> used;
    for (std::uint32_t v = 0; v < table.values.size(); ++v) {
        if (marginal[v] > 0) {
            texts[v] = codePoints(table.values[v]);
            used.push_back(v);
        }
    }
    // Observed: each item's ordered pairs of different values, weighted 1/(m - 1).
    double observed = 0.0;
    ValueCounter counts(table.values.size());
    for (std::uint32_t item = 0; item < groups.itemCount(); ++item) {
        const std::uint32_t m = groups.size(item);
        if (m < 2) {
            continue;
        }
        counts.count(table, groups.of(item));
        const auto& values = counts.values();
        for (std::size_t a = 0; a < values.size(); ++a) {
            const EditPattern pattern(texts[values[a]]);
            for (std::size_t b = a + 1; b < values.size(); ++b) {
                observed += 2.0 * counts[values[a]] * counts[values[b]] *
                            normalizedEditDistance(pattern, texts[values[b]]) / (m - 1.0);
            }
        }
    }
    const bool exact = used.size() <= limits.exactValues;
    const double expected = exact ? exactExpected(texts, used, marginal) : sampledExpected(texts, pairable, limits);
    if (!(expected > 0.0)) {
        result.undefined = Undefined::NoVariation;
        return result;
    }
    const double n = static_cast<double>(pairable.size());
    result.undefined = Undefined::No;
    result.value = 1.0 - (n - 1.0) * observed / expected;
    if (!exact) {
        result.note = "expected disagreement estimated from " + std::to_string(limits.sampledPairs) +
                      " random pairs of ratings (seed " + std::to_string(limits.seed) +
                      "): " + std::to_string(used.size()) + " distinct values, more than the " +
                      std::to_string(limits.exactValues) + " computed exactly";
    }
    return result;
}

} // namespace concord::quality
