// The Bradley–Terry model fitted by maximum likelihood with Hunter's (2004) MM algorithm:
// P(i beats j) = p_i / (p_i + p_j), a tie counting as half a win for each side. Each iteration
// sets every p_i = W_i / sum_j n_ij / (p_i + p_j) from the previous p (W_i: i's wins plus half its
// ties; n_ij: games between i and j), then rescales so that the mean of log p is zero.
#pragma once

#include "core/quality/leaderboard/PairCounts.hpp"

#include <vector>

namespace concord::quality {

struct FitOptions
{
    // Stop when no log-strength moved by more than this in one iteration.
    double tolerance = 1e-10;
    int maxIterations = 10000;
    // Weight of the prior (0: none): a virtual tie of this many games between each model and a
    // virtual reference model, which then takes part in the fit and is left out of the result.
    // It makes the estimate exist whatever the votes, and pulls every rating toward the others.
    double prior = 0.0;
};

struct FitResult
{
    std::vector<double> logStrength; // per model, mean zero
    int iterations = 0;
    bool converged = false;
};

// `start`: log-strengths to start from (a bootstrap starts from the full fit); empty: all zero.
// The caller checks existence first (estimateExists) unless a prior is given: without one, a
// model that never wins drifts toward minus infinity until the iteration cap.
FitResult fitBradleyTerry(const PairCounts& counts, const FitOptions& options, const std::vector<double>& start = {});

} // namespace concord::quality
