// Stratified k-fold assignment. Fold sizes differ by at most one (the first N mod k folds get
// one more), and each fold's count of each label is its exact share (fold size × the label's
// overall share) rounded down or up — so within one sample of it. The counts come from a
// controlled rounding of the shares (a small max-flow keeps both every label's total and every
// fold's size); then each label's samples, shuffled from the seed, are dealt accordingly.
// Leave-one-out is k = n.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace concord::learn {

// The fold (0..k-1) of each item, from its stratum (its label). Throws InputError when k < 2
// or k > the number of items.
std::vector<std::uint32_t> stratifiedFolds(std::span<const std::uint32_t> strata, std::size_t k, std::uint64_t seed);

// How many items of each stratum go to each fold: counts[s][f], as described above.
std::vector<std::vector<std::size_t>> foldCounts(const std::vector<std::size_t>& strataSizes, std::size_t k);

} // namespace concord::learn
