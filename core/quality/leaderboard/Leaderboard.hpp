// The leaderboard of the models that wrote the compared responses: a Bradley–Terry fit over
// every vote, an Elo-like rating, bootstrap confidence intervals over records, the win-rate
// matrix and each model's record of games. docs/leaderboard.md describes each number.
#pragma once

#include "core/quality/leaderboard/BradleyTerry.hpp"
#include "core/quality/leaderboard/Comparisons.hpp"
#include "core/quality/leaderboard/Existence.hpp"
#include "core/quality/leaderboard/PairCounts.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace concord::quality {

// More resamples than this are refused: the draws are kept, rounds x models of them.
inline constexpr std::size_t kMaxBootstrapRounds = 10000;

struct LeaderboardOptions
{
    FitOptions fit;
    std::size_t rounds = 200; // bootstrap resamples of the records; 0: no intervals
    std::uint64_t seed = 1;
    double level = 0.95;
};

struct ModelStanding
{
    std::string model;
    double logStrength = 0.0; // natural log of the strength; the mean over models is zero
    double rating = 0.0;      // 1000 + 400 log10(strength)
    double ratingLower = 0.0; // the bootstrap's percentile interval (the estimate's own value
    double ratingUpper = 0.0; // when there are no usable rounds)
    double logStrengthLower = 0.0;
    double logStrengthUpper = 0.0;
    ModelTally tally;
    double winRate = 0.0; // (wins + ties / 2) / games
};

struct Leaderboard
{
    std::vector<ModelStanding> standings; // best rating first; ties in rating by name
    std::vector<std::string> models;      // matrix order: the standings' order
    // [i * models + j] for i != j, in matrix order: i's wins plus half its ties against j over
    // their games (NaN when they never played), and the number of those games.
    std::vector<double> winRate;
    std::vector<double> games;
    std::size_t comparisons = 0;
    std::size_t records = 0;
    int iterations = 0;
    bool converged = false;
    double prior = 0.0;
    std::size_t rounds = 0;     // resamples drawn
    std::size_t usedRounds = 0; // resamples on which the estimate existed (all of them with a prior)
    std::uint64_t seed = 0;
    double level = 0.95;
};

// 1000 + 400 log10(e^logStrength).
double ratingOf(double logStrength);

// Throws SettingError("prior", ...) naming the models that keep the estimate from existing
// (describeProblems) when it does not exist and no prior is given; InputError when there are
// fewer than two models or the options are out of range (a level outside (0, 1), more than
// kMaxBootstrapRounds rounds).
Leaderboard buildLeaderboard(const ComparisonSet& set, const LeaderboardOptions& options);

} // namespace concord::quality
