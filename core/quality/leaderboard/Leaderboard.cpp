#include "core/quality/leaderboard/Leaderboard.hpp"

#include "core/learn/Parallel.hpp"
#include "core/learn/Random.hpp"
#include "core/util/Error.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace concord::quality {

namespace {

// Hyndman and Fan's type 7 (numpy's default): linear between the order statistics around (n - 1) p.
double bootstrapPercentile(const std::vector<double>& sorted, double p)
{
    const double position = (static_cast<double>(sorted.size()) - 1.0) * p;
    const auto below = static_cast<std::size_t>(std::floor(position));
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    return sorted[below] + (position - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}

struct BootstrapDraws
{
    std::vector<double> logStrength; // [round * models + model]
    std::vector<bool> used;          // per round: the estimate existed
};

// Each round draws as many records as there are, uniformly with replacement, from a generator
// seeded by the round's own seed (drawn in turn from `seed`), so rounds may run on several
// threads and still give the same draws for a seed.
BootstrapDraws drawBootstrap(const ComparisonSet& set, const LeaderboardOptions& options,
                             const std::vector<double>& estimate)
{
    const std::size_t n = set.models.size();
    const std::size_t records = set.recordCount();
    learn::Random seeds(options.seed);
    std::vector<std::uint64_t> roundSeeds(options.rounds);
    for (auto& roundSeed : roundSeeds) {
        roundSeed = seeds.next();
    }
    BootstrapDraws draws;
    draws.logStrength.assign(options.rounds * n, 0.0);
    std::vector<char> used(options.rounds, 0);
    learn::forEachChunk(options.rounds, 1, [&](std::size_t, std::size_t begin, std::size_t end) {
        std::vector<std::uint32_t> times(records);
        PairCounts counts(n);
        for (std::size_t round = begin; round < end; ++round) {
            learn::Random random(roundSeeds[round]);
            std::fill(times.begin(), times.end(), 0U);
            for (std::size_t k = 0; k < records; ++k) {
                ++times[random.below(records)];
            }
            std::fill(counts.wins.begin(), counts.wins.end(), 0.0);
            std::fill(counts.ties.begin(), counts.ties.end(), 0.0);
            for (std::size_t r = 0; r < records; ++r) {
                if (times[r] == 0) {
                    continue;
                }
                const auto weight = static_cast<double>(times[r]);
                for (std::size_t c = set.recordStart[r]; c < set.recordStart[r + 1]; ++c) {
                    counts.add(set.comparisons[c], weight);
                }
            }
            if (options.fit.prior <= 0.0 && !estimateExists(counts)) {
                continue;
            }
            const FitResult fit = fitBradleyTerry(counts, options.fit, estimate);
            std::copy(fit.logStrength.begin(), fit.logStrength.end(), draws.logStrength.begin() + round * n);
            used[round] = 1;
        }
    });
    draws.used.assign(used.begin(), used.end());
    return draws;
}

} // namespace

double ratingOf(double logStrength)
{
    return 1000.0 + 400.0 * logStrength / std::log(10.0);
}

Leaderboard buildLeaderboard(const ComparisonSet& set, const LeaderboardOptions& options)
{
    const std::size_t n = set.models.size();
    if (n < 2) {
        throw InputError("a leaderboard needs comparisons between at least two models; found " + std::to_string(n));
    }
    if (!(options.level > 0.0 && options.level < 1.0)) {
        throw InputError("the confidence level must be between 0 and 1 (exclusive)");
    }
    if (options.rounds > kMaxBootstrapRounds) {
        throw InputError("the bootstrap draws at most " + std::to_string(kMaxBootstrapRounds) + " resamples, not " +
                         std::to_string(options.rounds));
    }
    if (set.recordCount() >= std::numeric_limits<std::uint32_t>::max()) {
        throw InputError("too many records for the bootstrap");
    }
    const PairCounts counts = countPairs(set);
    if (options.fit.prior <= 0.0) {
        if (const auto problems = findExistenceProblems(counts, set.models); !problems.empty()) {
            throw SettingError("prior",
                               "the Bradley–Terry ratings do not exist (the likelihood grows without bound): " +
                                   describeProblems(problems));
        }
    }
    const FitResult fit = fitBradleyTerry(counts, options.fit);

    Leaderboard board;
    board.comparisons = set.comparisons.size();
    board.records = set.recordCount();
    board.iterations = fit.iterations;
    board.converged = fit.converged;
    board.prior = options.fit.prior;
    board.rounds = options.rounds;
    board.seed = options.seed;
    board.level = options.level;

    std::vector<std::vector<double>> samples(n);
    if (options.rounds > 0) {
        const BootstrapDraws draws = drawBootstrap(set, options, fit.logStrength);
        for (std::size_t round = 0; round < options.rounds; ++round) {
            if (!draws.used[round]) {
                continue;
            }
            ++board.usedRounds;
            for (std::size_t i = 0; i < n; ++i) {
                samples[i].push_back(draws.logStrength[round * n + i]);
            }
        }
    }

    const std::vector<ModelTally> tallies = tallyModels(counts);
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        if (fit.logStrength[x] != fit.logStrength[y]) {
            return fit.logStrength[x] > fit.logStrength[y];
        }
        return set.models[x] < set.models[y];
    });
    for (const std::size_t i : order) {
        ModelStanding standing;
        standing.model = set.models[i];
        standing.logStrength = fit.logStrength[i];
        standing.rating = ratingOf(standing.logStrength);
        standing.logStrengthLower = standing.logStrengthUpper = standing.logStrength;
        if (!samples[i].empty()) {
            std::sort(samples[i].begin(), samples[i].end());
            standing.logStrengthLower = bootstrapPercentile(samples[i], (1.0 - options.level) / 2.0);
            standing.logStrengthUpper = bootstrapPercentile(samples[i], (1.0 + options.level) / 2.0);
        }
        standing.ratingLower = ratingOf(standing.logStrengthLower);
        standing.ratingUpper = ratingOf(standing.logStrengthUpper);
        standing.tally = tallies[i];
        standing.winRate = (tallies[i].wins + tallies[i].ties / 2.0) / tallies[i].games;
        board.models.push_back(standing.model);
        board.standings.push_back(std::move(standing));
    }

    board.winRate.assign(n * n, std::numeric_limits<double>::quiet_NaN());
    board.games.assign(n * n, 0.0);
    for (std::size_t x = 0; x < n; ++x) {
        for (std::size_t y = 0; y < n; ++y) {
            const std::size_t i = order[x];
            const std::size_t j = order[y];
            if (i == j) {
                continue;
            }
            const double games = counts.games(i, j);
            board.games[x * n + y] = games;
            if (games > 0.0) {
                board.winRate[x * n + y] = counts.score(i, j) / games;
            }
        }
    }
    return board;
}

} // namespace concord::quality
