// binomialTestTwoSided(): both tails summed from the outcome where they start, outward, with
// the ratio of neighbouring probabilities; the terms shrink geometrically past the start, so a
// tail of a million trials costs a few hundred terms, not a million.
#include "core/quality/bias/BinomialTest.hpp"

#include "core/util/Error.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace concord::quality {

namespace binomial_test {

struct Binomial
{
    double n = 0.0;
    double p = 0.5;

    double logPmf(double i) const
    {
        return std::lgamma(n + 1.0) - std::lgamma(i + 1.0) - std::lgamma(n - i + 1.0) + i * std::log(p) +
               (n - i) * std::log1p(-p);
    }

    // P(X <= k), summed from k downward (for k at or below the mode: the terms then fall).
    double lowerTail(double k) const
    {
        double term = std::exp(logPmf(k));
        double sum = term;
        for (double i = k; i > 0.0 && term > sum * 1e-17; --i) {
            term *= i / (n - i + 1.0) * (1.0 - p) / p; // P(X = i - 1) from P(X = i)
            sum += term;
        }
        return sum;
    }

    // P(X >= k), summed from k upward (for k at or above the mode).
    double upperTail(double k) const
    {
        double term = std::exp(logPmf(k));
        double sum = term;
        for (double i = k; i < n && term > sum * 1e-17; ++i) {
            term *= (n - i) / (i + 1.0) * p / (1.0 - p); // P(X = i + 1) from P(X = i)
            sum += term;
        }
        return sum;
    }
};

// The first i in [low, high] at which `falls(i)` holds, for a predicate false then true.
template <typename Predicate> double firstWhere(double low, double high, Predicate falls)
{
    while (low < high) {
        const double middle = std::floor((low + high) / 2.0);
        if (falls(middle)) {
            high = middle;
        } else {
            low = middle + 1.0;
        }
    }
    return low;
}

} // namespace binomial_test

double binomialTestTwoSided(std::uint64_t k, std::uint64_t n, double p)
{
    if (k > n) {
        throw InputError("a binomial test of " + std::to_string(k) + " successes in " + std::to_string(n) +
                         " trials: there cannot be more successes than trials");
    }
    if (!(p > 0.0 && p < 1.0)) {
        throw InputError("a binomial test needs a success probability strictly between 0 and 1");
    }
    const binomial_test::Binomial binomial{static_cast<double>(n), p};
    const double observed = static_cast<double>(k);
    const double expected = p * binomial.n;
    if (n == 0 || observed == expected) {
        return 1.0;
    }
    // The log of the observed probability, with scipy's relative tolerance.
    const double limit = binomial.logPmf(observed) + std::log1p(1e-7);
    const auto noMoreLikely = [&](double i) { return binomial.logPmf(i) <= limit; };
    double pValue = 0.0;
    if (observed < expected) {
        // Every outcome below k is less likely (the probabilities rise up to the mode); above
        // the mean, the outcomes from the first one no more likely than k to n.
        const double from = std::ceil(expected);
        const double start = binomial_test::firstWhere(from, binomial.n, noMoreLikely);
        pValue = binomial.lowerTail(observed) + (noMoreLikely(start) ? binomial.upperTail(start) : 0.0);
    } else {
        const double to = std::floor(expected);
        // The last outcome at or below the mean no more likely than k: the first i in [0, to]
        // that is not, minus one.
        const double firstLikelier = binomial_test::firstWhere(0.0, to, [&](double i) { return !noMoreLikely(i); });
        const double end = noMoreLikely(firstLikelier) ? firstLikelier : firstLikelier - 1.0;
        pValue = binomial.upperTail(observed) + (end >= 0.0 ? binomial.lowerTail(end) : 0.0);
    }
    return std::min(1.0, pValue);
}

} // namespace concord::quality
