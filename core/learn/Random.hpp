// A small seeded random generator (SplitMix64) with its own uniform draws, so that shuffles,
// folds and bootstrap samples are the same for a seed on every platform and standard library
// (std::shuffle and the std distributions are implementation-defined).
#pragma once

#include <cstdint>
#include <span>
#include <utility>

namespace concord::learn {

class Random
{
public:
    explicit Random(std::uint64_t seed) : m_state(seed) {}

    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    // Uniform in [0, bound) for bound < 2^32: the high half of a 32×32 product (Lemire), whose
    // bias (below 2^-32 × bound) is far below what a shuffle of labeled samples could show.
    std::uint64_t below(std::uint64_t bound) { return ((next() >> 32) * bound) >> 32; }

    // Uniform in [0, 1) with 53 random bits.
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    template <typename T> void shuffle(std::span<T> items)
    {
        for (std::size_t i = items.size(); i > 1; --i) {
            std::swap(items[i - 1], items[below(i)]);
        }
    }

private:
    std::uint64_t m_state;
};

} // namespace concord::learn
