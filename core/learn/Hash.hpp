// The feature hash: 64-bit FNV-1a over the bytes, then a murmur3-style finaliser so that the
// low bits (the bucket index) depend on every input byte. Fast, non-cryptographic and stable
// across platforms: a model file's buckets mean the same thing on every machine.
#pragma once

#include <cstdint>
#include <string_view>

namespace concord::learn {

inline constexpr std::uint64_t kFnvOffset = 0xCBF29CE484222325ULL;
inline constexpr std::uint64_t kFnvPrime = 0x100000001B3ULL;

// FNV-1a's low bits mix poorly for short keys; fmix64 (MurmurHash3) fixes that.
constexpr std::uint64_t mix64(std::uint64_t h)
{
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDULL;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ULL;
    h ^= h >> 33;
    return h;
}

constexpr std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h = kFnvOffset)
{
    for (char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= kFnvPrime;
    }
    return h;
}

constexpr std::uint64_t hashBytes(std::string_view bytes, std::uint64_t seed = 0)
{
    return mix64(fnv1a(bytes, kFnvOffset ^ seed));
}

// Order-sensitive combination of two hashes (for word bigrams).
constexpr std::uint64_t combineHashes(std::uint64_t a, std::uint64_t b)
{
    return mix64(a * 0x9E3779B97F4A7C15ULL + b + 0x632BE59BD9B4E019ULL);
}

} // namespace concord::learn
