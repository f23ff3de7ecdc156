// Bit-parallel Levenshtein distance; see EditDistance.hpp. The recurrences are Hyyrö's (2003,
// "A bit-vector algorithm for computing Levenshtein and Damerau edit distances"), with Myers'
// (1999) blocks: between blocks only the horizontal delta at the boundary is carried.
#include "core/quality/agreement/EditDistance.hpp"

#include <algorithm>

namespace concord::quality {

std::u32string codePoints(std::string_view utf8)
{
    std::u32string out;
    out.reserve(utf8.size());
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(utf8[i]); };
    for (std::size_t i = 0; i < utf8.size();) {
        const unsigned char lead = byte(i);
        std::size_t length = lead < 0x80           ? 1
                             : (lead >> 5) == 0x6  ? 2
                             : (lead >> 4) == 0xE  ? 3
                             : (lead >> 3) == 0x1E ? 4
                                                   : 0;
        bool valid = length > 0 && i + length <= utf8.size();
        for (std::size_t k = 1; valid && k < length; ++k) {
            valid = (byte(i + k) & 0xC0) == 0x80;
        }
        if (!valid) {
            out.push_back(0xDC00 + lead); // a lone surrogate: never a decoded code point
            ++i;
            continue;
        }
        char32_t c = length == 1 ? lead : length == 2 ? lead & 0x1F : length == 3 ? lead & 0x0F : lead & 0x07;
        for (std::size_t k = 1; k < length; ++k) {
            c = (c << 6) | (byte(i + k) & 0x3F);
        }
        out.push_back(c);
        i += length;
    }
    return out;
}

EditPattern::EditPattern(std::u32string_view pattern)
    : m_length(pattern.size()), m_words((pattern.size() + 63) / 64), m_ascii(128 * m_words, 0)
{
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char32_t c = pattern[i];
        std::uint64_t* word = nullptr;
        if (c < 128) {
            word = &m_ascii[c * m_words];
        } else {
            auto& masks = m_other[c];
            masks.resize(m_words, 0);
            word = masks.data();
        }
        word[i / 64] |= std::uint64_t{1} << (i % 64);
    }
}

const std::uint64_t* EditPattern::positions(char32_t c) const
{
    if (c < 128) {
        return &m_ascii[c * m_words];
    }
    const auto found = m_other.find(c);
    return found == m_other.end() ? nullptr : found->second.data();
}

std::size_t EditPattern::distance(std::u32string_view text) const
{
    if (m_length == 0) {
        return text.size();
    }
    // Column j of the dynamic-programming matrix as vertical deltas: bit i of VP (VN) is set
    // when D[i+1][j] - D[i][j] is +1 (-1). Column 0 is 0, 1, ..., m: all +1.
    std::vector<std::uint64_t> vp(m_words, ~std::uint64_t{0});
    std::vector<std::uint64_t> vn(m_words, 0);
    std::size_t score = m_length;
    const std::size_t lastBit = (m_length - 1) % 64;
    for (const char32_t c : text) {
        const std::uint64_t* match = positions(c);
        // Row 0 grows by one per column: the horizontal delta entering the first block is +1.
        std::uint64_t hpCarry = 1;
        std::uint64_t hnCarry = 0;
        for (std::size_t w = 0; w < m_words; ++w) {
            const std::uint64_t x = (match ? match[w] : 0) | hnCarry;
            const std::uint64_t d0 = (((x & vp[w]) + vp[w]) ^ vp[w]) | x | vn[w];
            std::uint64_t hp = vn[w] | ~(d0 | vp[w]);
            std::uint64_t hn = d0 & vp[w];
            if (w + 1 == m_words) {
                score += (hp >> lastBit) & 1;
                score -= (hn >> lastBit) & 1;
            }
            const std::uint64_t hpOut = hp >> 63;
            const std::uint64_t hnOut = hn >> 63;
            hp = (hp << 1) | hpCarry;
            hn = (hn << 1) | hnCarry;
            hpCarry = hpOut;
            hnCarry = hnOut;
            vp[w] = hn | ~(d0 | hp);
            vn[w] = hp & d0;
        }
    }
    return score;
}

double normalizedEditDistance(const EditPattern& a, std::u32string_view b)
{
    const std::size_t longer = std::max(a.size(), b.size());
    return longer == 0 ? 0.0 : static_cast<double>(a.distance(b)) / static_cast<double>(longer);
}

} // namespace concord::quality
