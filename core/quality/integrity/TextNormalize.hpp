// How the duplicate checks see a text: whitespace collapsed, ASCII letters lower-cased, and
// split into words. Non-ASCII letters are compared as they are ("É" and "é" differ): Unicode
// case folding needs tables (ICU) that core does not carry, and for duplicate detection the
// ASCII fold catches the common case of "Great!" against "great!".
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace concord::quality {

// Length in bytes of the whitespace character at text[i], or 0 when there is none: ASCII
// whitespace, and the Unicode spaces that pasted web text carries (no-break space U+00A0,
// U+1680, U+2000–U+200A, line and paragraph separators, U+202F, U+205F, U+3000).
std::size_t whitespaceAt(std::string_view text, std::size_t i);

// True when the text is empty or only whitespace.
bool isBlank(std::string_view text);

// The text with leading and trailing whitespace removed, every run of whitespace turned into
// one space and ASCII letters lower-cased: two texts are exact duplicates when these agree.
std::string normalizeForDuplicates(std::string_view text);

// A 64-bit hash of each word, in order. Words are the runs between whitespace and ASCII
// punctuation, hashed with ASCII letters lower-cased, so "Great," and "great" are one word.
// Text without spaces between words (Chinese, Japanese) is one word per run.
std::vector<std::uint64_t> wordHashes(std::string_view text);

// A fast 64-bit mixer (the finaliser of SplitMix64), used to spread hashes over all bits.
inline std::uint64_t mix64(std::uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

} // namespace concord::quality
