#include "core/quality/leaderboard/PairCounts.hpp"

namespace concord::quality {

PairCounts countPairs(const ComparisonSet& set)
{
    PairCounts counts(set.models.size());
    for (const Comparison& comparison : set.comparisons) {
        counts.add(comparison);
    }
    return counts;
}

std::vector<ModelTally> tallyModels(const PairCounts& counts)
{
    const std::size_t n = counts.models;
    std::vector<ModelTally> tallies(n);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            tallies[i].wins += counts.wins[i * n + j];
            tallies[i].losses += counts.wins[j * n + i];
            tallies[i].ties += counts.ties[i * n + j];
        }
        tallies[i].games = tallies[i].wins + tallies[i].losses + tallies[i].ties;
    }
    return tallies;
}

} // namespace concord::quality
