// Stratified folds by controlled rounding (see Folds.hpp).
#include "core/learn/Folds.hpp"

#include "core/learn/Random.hpp"
#include "core/util/Error.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <numeric>
#include <stdexcept>

namespace concord::learn {

std::vector<std::vector<std::size_t>> foldCounts(const std::vector<std::size_t>& strataSizes, std::size_t k)
{
    const std::size_t strata = strataSizes.size();
    const std::size_t n = std::accumulate(strataSizes.begin(), strataSizes.end(), std::size_t{0});
    std::vector<std::size_t> foldSize(k, n / k);
    for (std::size_t f = 0; f < n % k; ++f) {
        ++foldSize[f];
    }
    // Start from the shares rounded down; what is left is at most one item per (stratum, fold)
    // whose share has a fraction. Moving those is a flow problem from strata (their missing
    // items) to folds (their missing places); the fractional shares are a feasible fractional
    // flow, so an integral one exists and augmenting paths find it.
    std::vector<std::vector<std::size_t>> counts(strata, std::vector<std::size_t>(k, 0));
    std::vector<std::vector<bool>> fractional(strata, std::vector<bool>(k, false));
    std::vector<std::size_t> strataNeed(strata, 0);
    std::vector<std::size_t> foldNeed(foldSize);
    for (std::size_t s = 0; s < strata; ++s) {
        strataNeed[s] = strataSizes[s];
        for (std::size_t f = 0; f < k; ++f) {
            const std::size_t product = foldSize[f] * strataSizes[s];
            counts[s][f] = product / n;
            fractional[s][f] = product % n != 0;
            strataNeed[s] -= counts[s][f];
            foldNeed[f] -= counts[s][f];
        }
    }
    std::vector<std::vector<bool>> extra(strata, std::vector<bool>(k, false));
    constexpr std::size_t kNone = SIZE_MAX;
    while (true) {
        // BFS over strata (from those still missing items) and folds; a stratum reaches a fold
        // by an unused fractional edge, a fold goes back to a stratum that gave it an extra item.
        std::vector<std::size_t> parentOfFold(k, kNone);
        std::vector<std::size_t> parentOfStratum(strata, kNone);
        std::deque<std::size_t> queue;
        for (std::size_t s = 0; s < strata; ++s) {
            if (strataNeed[s] > 0) {
                parentOfStratum[s] = s; // a root
                queue.push_back(s);
            }
        }
        std::size_t end = kNone;
        while (!queue.empty() && end == kNone) {
            const std::size_t s = queue.front();
            queue.pop_front();
            for (std::size_t f = 0; f < k && end == kNone; ++f) {
                if (!fractional[s][f] || extra[s][f] || parentOfFold[f] != kNone) {
                    continue;
                }
                parentOfFold[f] = s;
                if (foldNeed[f] > 0) {
                    end = f;
                    break;
                }
                for (std::size_t back = 0; back < strata; ++back) {
                    if (extra[back][f] && parentOfStratum[back] == kNone) {
                        parentOfStratum[back] = f + strata; // reached from fold f
                        queue.push_back(back);
                    }
                }
            }
        }
        if (end == kNone) {
            break;
        }
        --foldNeed[end];
        std::size_t f = end;
        while (true) {
            const std::size_t s = parentOfFold[f];
            extra[s][f] = true;
            if (parentOfStratum[s] == s) {
                --strataNeed[s];
                break;
            }
            f = parentOfStratum[s] - strata;
            extra[s][f] = false;
        }
    }
    for (std::size_t s = 0; s < strata; ++s) {
        if (strataNeed[s] != 0) {
            throw std::logic_error("stratified folds: the rounding found no assignment");
        }
        for (std::size_t f = 0; f < k; ++f) {
            counts[s][f] += extra[s][f] ? 1 : 0;
        }
    }
    return counts;
}

std::vector<std::uint32_t> stratifiedFolds(std::span<const std::uint32_t> strata, std::size_t k, std::uint64_t seed)
{
    const std::size_t n = strata.size();
    if (k < 2 || k > n) {
        throw InputError("cross-validation needs from 2 folds to as many folds as labeled samples (" +
                         std::to_string(n) + "), not " + std::to_string(k));
    }
    Random random(seed);
    std::vector<std::uint32_t> folds(n);
    if (k == n) { // leave-one-out: every item alone, in a shuffled order
        std::vector<std::uint32_t> order(n);
        std::iota(order.begin(), order.end(), std::uint32_t{0});
        random.shuffle(std::span<std::uint32_t>(order));
        for (std::size_t i = 0; i < n; ++i) {
            folds[order[i]] = static_cast<std::uint32_t>(i);
        }
        return folds;
    }
    std::map<std::uint32_t, std::vector<std::size_t>> members; // ordered: the result does not depend on hashing
    for (std::size_t i = 0; i < n; ++i) {
        members[strata[i]].push_back(i);
    }
    std::vector<std::size_t> sizes;
    for (const auto& [stratum, items] : members) {
        sizes.push_back(items.size());
    }
    const auto counts = foldCounts(sizes, k);
    std::size_t s = 0;
    for (auto& [stratum, items] : members) {
        random.shuffle(std::span<std::size_t>(items));
        std::size_t next = 0;
        for (std::size_t f = 0; f < k; ++f) {
            for (std::size_t c = 0; c < counts[s][f]; ++c) {
                folds[items[next++]] = static_cast<std::uint32_t>(f);
            }
        }
        ++s;
    }
    return folds;
}

} // namespace concord::learn
