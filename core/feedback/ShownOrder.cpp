#include "core/feedback/ShownOrder.hpp"

#include <utility>

namespace concord {

namespace {

// FNV-1a over the parts, each followed by a zero byte so that ("ab","c") and ("a","bc") differ.
std::uint64_t hashParts(std::uint64_t seed, std::initializer_list<std::string_view> parts)
{
    std::uint64_t hash = 1469598103934665603ULL ^ seed;
    for (auto part : parts) {
        for (unsigned char c : part) {
            hash = (hash ^ c) * 1099511628211ULL;
        }
        hash = (hash ^ 0u) * 1099511628211ULL;
    }
    return hash;
}

// splitmix64: a well-mixed stream from one 64-bit state.
std::uint64_t nextRandom(std::uint64_t& state)
{
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

} // namespace

std::vector<std::string> shownOrder(std::uint64_t seed, std::string_view recordId, std::string_view annotator,
                                    const Question& question)
{
    std::vector<std::string> order = question.fields;
    std::uint64_t state = hashParts(seed, {recordId, annotator, question.name});
    // Fisher–Yates; the modulo bias over at most 256 fields is below 2^-50.
    for (std::size_t i = order.size(); i > 1; --i) {
        const std::size_t j = static_cast<std::size_t>(nextRandom(state) % i);
        std::swap(order[i - 1], order[j]);
    }
    return order;
}

} // namespace concord
