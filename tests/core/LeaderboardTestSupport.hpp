// Builds comparison sets for the Bradley–Terry tests from counts per pair, one record per vote.
#pragma once

#include "core/quality/leaderboard/BradleyTerry.hpp"
#include "core/quality/leaderboard/Comparisons.hpp"
#include "core/quality/leaderboard/PairCounts.hpp"

#include <map>
#include <string>
#include <vector>

namespace concord::test {

struct PairVotes
{
    std::string a;
    std::string b;
    int aWins = 0;
    int bWins = 0;
    int ties = 0;
};

inline quality::ComparisonSet comparisonsFrom(const std::vector<PairVotes>& pairs)
{
    quality::ComparisonSetBuilder builder;
    for (const auto& pair : pairs) {
        for (int k = 0; k < pair.aWins; ++k) {
            builder.add(builder.newRecord(), pair.a, pair.b, quality::Outcome::AWins);
        }
        for (int k = 0; k < pair.bWins; ++k) {
            builder.add(builder.newRecord(), pair.a, pair.b, quality::Outcome::BWins);
        }
        for (int k = 0; k < pair.ties; ++k) {
            builder.add(builder.newRecord(), pair.a, pair.b, quality::Outcome::Tie);
        }
    }
    return builder.build();
}

// The fitted log-strength of each model, by name.
inline std::map<std::string, double> fittedLogStrengths(const quality::ComparisonSet& set,
                                                        quality::FitOptions options = {})
{
    const quality::FitResult fit = quality::fitBradleyTerry(quality::countPairs(set), options);
    std::map<std::string, double> out;
    for (std::size_t i = 0; i < set.models.size(); ++i) {
        out[set.models[i]] = fit.logStrength[i];
    }
    return out;
}

} // namespace concord::test
