#include "core/quality/leaderboard/BradleyTerry.hpp"

#include "core/util/Error.hpp"

#include <algorithm>
#include <cmath>

namespace concord::quality {

FitResult fitBradleyTerry(const PairCounts& counts, const FitOptions& options, const std::vector<double>& start)
{
    if (!(options.prior >= 0.0) || !std::isfinite(options.prior)) {
        throw InputError("the prior's weight must be a finite number of games, zero or more");
    }
    const std::size_t n = counts.models;
    const bool withPrior = options.prior > 0.0;
    const std::size_t m = n + (withPrior ? 1 : 0); // the reference model, when there is one, is last

    // Games between each pair and each model's score, the prior's virtual ties included.
    std::vector<double> games(m * m, 0.0);
    std::vector<double> score(m, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            if (i != j) {
                games[i * m + j] = counts.games(i, j);
                score[i] += counts.score(i, j);
            }
        }
    }
    if (withPrior) {
        for (std::size_t i = 0; i < n; ++i) {
            games[i * m + n] = games[n * m + i] = options.prior;
            score[i] += options.prior / 2;
            score[n] += options.prior / 2;
        }
    }

    std::vector<double> theta(m, 0.0);
    if (start.size() == n) {
        std::copy(start.begin(), start.end(), theta.begin());
    }
    std::vector<double> strength(m), next(m);
    FitResult result;
    if (n == 0) {
        result.converged = true;
        return result;
    }
    for (result.iterations = 1; result.iterations <= options.maxIterations; ++result.iterations) {
        for (std::size_t i = 0; i < m; ++i) {
            strength[i] = std::exp(theta[i]);
        }
        for (std::size_t i = 0; i < m; ++i) {
            double denominator = 0.0;
            const double* row = &games[i * m];
            for (std::size_t j = 0; j < m; ++j) {
                if (row[j] > 0.0) {
                    denominator += row[j] / (strength[i] + strength[j]);
                }
            }
            next[i] = denominator > 0.0 ? std::log(score[i] / denominator) : theta[i];
        }
        // Centre on the real models: the reference's strength is relative to them.
        double mean = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            mean += next[i];
        }
        mean /= static_cast<double>(n);
        double moved = 0.0;
        for (std::size_t i = 0; i < m; ++i) {
            next[i] -= mean;
            moved = std::max(moved, std::abs(next[i] - theta[i]));
        }
        theta.swap(next);
        if (moved < options.tolerance) {
            result.converged = true;
            break;
        }
    }
    result.iterations = std::min(result.iterations, options.maxIterations);
    theta.resize(n);
    result.logStrength = std::move(theta);
    return result;
}

} // namespace concord::quality
