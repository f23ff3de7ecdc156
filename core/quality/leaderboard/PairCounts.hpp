// The votes between each ordered pair of models, summed: what the Bradley–Terry fit, the
// existence check and the win-rate matrix read. Counts are doubles so that a bootstrap resample
// (a record drawn k times counts k times) and the prior's fractional games fit the same form.
#pragma once

#include "core/quality/leaderboard/Comparisons.hpp"

#include <cstddef>
#include <vector>

namespace concord::quality {

struct PairCounts
{
    std::size_t models = 0;
    std::vector<double> wins; // [i * models + j]: games i won against j (ties not included)
    std::vector<double> ties; // [i * models + j] == [j * models + i]: ties between i and j

    explicit PairCounts(std::size_t modelCount = 0)
        : models(modelCount), wins(modelCount * modelCount, 0.0), ties(modelCount * modelCount, 0.0)
    {}

    // What the fit counts as i's score against j: wins and half the ties.
    double score(std::size_t i, std::size_t j) const { return wins[i * models + j] + 0.5 * ties[i * models + j]; }
    double games(std::size_t i, std::size_t j) const
    {
        return wins[i * models + j] + wins[j * models + i] + ties[i * models + j];
    }

    // Adds `weight` times the comparison.
    void add(const Comparison& comparison, double weight = 1.0)
    {
        const std::size_t ab = std::size_t{comparison.a} * models + comparison.b;
        const std::size_t ba = std::size_t{comparison.b} * models + comparison.a;
        switch (comparison.outcome) {
        case Outcome::AWins:
            wins[ab] += weight;
            break;
        case Outcome::BWins:
            wins[ba] += weight;
            break;
        case Outcome::Tie:
            ties[ab] += weight;
            ties[ba] += weight;
            break;
        }
    }
};

PairCounts countPairs(const ComparisonSet& set);

// Per model: games played, won, tied and lost (a tie is neither won nor lost here).
struct ModelTally
{
    double games = 0;
    double wins = 0;
    double ties = 0;
    double losses = 0;
};

std::vector<ModelTally> tallyModels(const PairCounts& counts);

} // namespace concord::quality
