// The Levenshtein distance between texts as sequences of Unicode code points, by the
// bit-parallel algorithm of Myers (1999) in Hyyrö's (2003) formulation: one pass over the text
// per 64 code points of the pattern, instead of a cell per pair of code points. A pattern is
// prepared once and compared with many texts, which is what alpha's expected disagreement does.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace concord::quality {

// The code points of UTF-8 text; a byte that does not start a valid sequence counts as one
// code point of its own, so that any bytes have a length.
std::u32string codePoints(std::string_view utf8);

class EditPattern
{
public:
    explicit EditPattern(std::u32string_view pattern);

    // The Levenshtein distance (insertions, deletions and substitutions of one code point each
    // cost 1) between the pattern and `text`.
    std::size_t distance(std::u32string_view text) const;
    std::size_t size() const { return m_length; }

private:
    // The bit masks of the positions of `c` in the pattern, one word per 64 positions; nullptr
    // when `c` does not occur in it.
    const std::uint64_t* positions(char32_t c) const;

    std::size_t m_length = 0;
    std::size_t m_words = 0;
    std::vector<std::uint64_t> m_ascii; // 128 x m_words
    std::unordered_map<char32_t, std::vector<std::uint64_t>> m_other;
};

// distance / max(|a|, |b|) in code points, 0 when both are empty: 0 for equal texts, 1 for
// texts that share nothing in place.
double normalizedEditDistance(const EditPattern& a, std::u32string_view b);

} // namespace concord::quality
