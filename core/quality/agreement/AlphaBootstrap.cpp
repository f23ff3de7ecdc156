// The bootstrap interval for alpha; see AlphaBootstrap.hpp.
#include "core/quality/agreement/AlphaBootstrap.hpp"

#include "core/quality/agreement/Coincidence.hpp"
#include "core/quality/agreement/KrippendorffAlpha.hpp"
#include "core/util/Error.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

namespace concord::quality {

namespace {

// What one pairable item adds to the coincidence matrix and to the value counts, kept sparse.
struct ItemContributions
{
    std::vector<std::uint32_t> start{0}; // per item: [start[i], start[i+1]) in cells/weights
    std::vector<std::uint32_t> cells;    // index into the values x values matrix
    std::vector<double> weights;         // o contribution
    std::vector<std::uint32_t> countStart{0};
    std::vector<std::uint32_t> countValues; // per item: its distinct values ...
    std::vector<std::uint32_t> counts;      // ... and how often each
};

ItemContributions contributionsOf(const RatingTable& table)
{
    const ItemGroups groups = groupByItem(table);
    const std::size_t values = table.values.size();
    ItemContributions items;
    ValueCounter counts(values);
    for (std::uint32_t item = 0; item < groups.itemCount(); ++item) {
        const std::uint32_t m = groups.size(item);
        if (m < 2) {
            continue;
        }
        counts.count(table, groups.of(item));
        for (const std::uint32_t c : counts.values()) {
            for (const std::uint32_t k : counts.values()) {
                const double nc = counts[c];
                const double pairs = c == k ? nc * (nc - 1.0) : nc * counts[k];
                if (pairs > 0) {
                    items.cells.push_back(static_cast<std::uint32_t>(c * values + k));
                    items.weights.push_back(pairs / (m - 1.0));
                }
            }
            items.countValues.push_back(c);
            items.counts.push_back(counts[c]);
        }
        items.start.push_back(static_cast<std::uint32_t>(items.cells.size()));
        items.countStart.push_back(static_cast<std::uint32_t>(items.countValues.size()));
    }
    return items;
}

// A uniform index below `bound` without modulo bias (rejection sampling).
std::size_t uniformIndex(std::mt19937_64& random, std::size_t bound)
{
    const std::uint64_t range = bound;
    const std::uint64_t limit =
        std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % range;
    std::uint64_t draw = 0;
    do {
        draw = random();
    } while (draw >= limit);
    return static_cast<std::size_t>(draw % range);
}

// Hyndman and Fan's type 7: linear between the order statistics around (n - 1) p.
double percentile(const std::vector<double>& sorted, double p)
{
    const double position = (static_cast<double>(sorted.size()) - 1.0) * p;
    const auto below = static_cast<std::size_t>(std::floor(position));
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    return sorted[below] + (position - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}

} // namespace

BootstrapInterval bootstrapAlpha(const RatingTable& table, AlphaMetric metric, std::size_t replicates,
                                 std::uint64_t seed, double level)
{
    if (replicates == 0) {
        throw InputError("the bootstrap needs at least one resample");
    }
    if (!(level > 0.0 && level < 1.0)) {
        throw InputError("the confidence level must be between 0 and 1 (exclusive)");
    }
    BootstrapInterval interval;
    interval.level = level;
    interval.replicates = replicates;
    interval.seed = seed;
    // Checks the metric against the values once (numbers for interval and ratio).
    metricDistances(table, std::vector<double>(table.values.size(), 0.0), metric);

    const ItemContributions items = contributionsOf(table);
    const std::size_t itemCount = items.start.size() - 1;
    if (itemCount == 0) {
        return interval;
    }
    const std::size_t values = table.values.size();
    std::mt19937_64 random(seed);
    std::vector<std::uint32_t> drawn(itemCount, 0);
    std::vector<double> alphas;
    alphas.reserve(replicates);
    Coincidence sample;
    sample.values = values;
    for (std::size_t replicate = 0; replicate < replicates; ++replicate) {
        std::fill(drawn.begin(), drawn.end(), 0U);
        for (std::size_t k = 0; k < itemCount; ++k) {
            ++drawn[uniformIndex(random, itemCount)];
        }
        sample.matrix.assign(values * values, 0.0);
        sample.marginal.assign(values, 0.0);
        sample.pairableRatings = 0;
        for (std::size_t item = 0; item < itemCount; ++item) {
            const double times = drawn[item];
            if (times == 0) {
                continue;
            }
            for (std::uint32_t j = items.start[item]; j < items.start[item + 1]; ++j) {
                sample.matrix[items.cells[j]] += times * items.weights[j];
            }
            for (std::uint32_t j = items.countStart[item]; j < items.countStart[item + 1]; ++j) {
                sample.marginal[items.countValues[j]] += times * items.counts[j];
                sample.pairableRatings += drawn[item] * items.counts[j];
            }
        }
        sample.total = static_cast<double>(sample.pairableRatings);
        sample.pairableItems = itemCount;
        sample.allRatings = sample.pairableRatings;
        const Coefficient alpha = alphaFromCoincidence(sample, metricDistances(table, sample.marginal, metric));
        if (alpha.defined()) {
            alphas.push_back(alpha.value);
        }
    }
    interval.used = alphas.size();
    if (alphas.empty()) {
        return interval;
    }
    std::sort(alphas.begin(), alphas.end());
    interval.lower = percentile(alphas, (1.0 - level) / 2.0);
    interval.upper = percentile(alphas, (1.0 + level) / 2.0);
    return interval;
}

} // namespace concord::quality
