// The exact two-sided binomial test, as scipy.stats.binomtest computes it: the probability,
// under the null hypothesis, of every outcome no more likely than the one observed.
#pragma once

#include <cstdint>

namespace concord::quality {

// The p-value of k successes in n trials against a success probability p (0 < p < 1):
// the sum of P(X = i) over every i with P(X = i) <= P(X = k) · (1 + 1e-7), the relative
// tolerance scipy uses so that outcomes as likely as k up to rounding count as "as extreme".
// 1 when n is 0 or k is exactly n·p. Throws InputError when k > n or p is outside (0, 1).
double binomialTestTwoSided(std::uint64_t k, std::uint64_t n, double p = 0.5);

} // namespace concord::quality
