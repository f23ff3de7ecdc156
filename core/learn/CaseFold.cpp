// The lower-casing table described in CaseFold.hpp.
#include "core/learn/CaseFold.hpp"

namespace concord::learn {

namespace {

// In Latin Extended-A and the Cyrillic extensions most letters come in (upper, lower) pairs
// at (even, odd) or (odd, even) code points.
char32_t pairLower(char32_t c, bool upperIsEven)
{
    const bool even = (c % 2) == 0;
    return even == upperIsEven ? c + 1 : c;
}

} // namespace

char32_t lowerCodePoint(char32_t c)
{
    if (c < 0x80) {
        return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    }
    if (c < 0x100) { // Latin-1: À..Þ except ×
        return (c >= 0xC0 && c <= 0xDE && c != 0xD7) ? c + 32 : c;
    }
    if (c < 0x180) { // Latin Extended-A
        if (c == 0x130) {
            return U'i'; // İ: its simple lower-case mapping
        }
        if (c == 0x178) {
            return 0xFF; // Ÿ → ÿ
        }
        if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) {
            return pairLower(c, true);
        }
        if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) {
            return pairLower(c, false);
        }
        return c;
    }
    if (c >= 0x370 && c < 0x400) { // Greek
        if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) {
            return c + 32;
        }
        switch (c) {
        case 0x386:
            return 0x3AC;
        case 0x388:
            return 0x3AD;
        case 0x389:
            return 0x3AE;
        case 0x38A:
            return 0x3AF;
        case 0x38C:
            return 0x3CC;
        case 0x38E:
            return 0x3CD;
        case 0x38F:
            return 0x3CE;
        case 0x3C2:
            return 0x3C3; // final sigma folds to sigma
        default:
            return c;
        }
    }
    if (c >= 0x400 && c < 0x530) { // Cyrillic and Cyrillic Supplement
        if (c < 0x410) {
            return c + 80; // Ѐ..Џ → ѐ..џ
        }
        if (c < 0x430) {
            return c + 32; // А..Я → а..я
        }
        if ((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF) || (c >= 0x4D0 && c <= 0x52F)) {
            return pairLower(c, true);
        }
        if (c == 0x4C0) {
            return 0x4CF; // palochka
        }
        if (c >= 0x4C1 && c <= 0x4CE) {
            return pairLower(c, false);
        }
    }
    return c;
}

char32_t decodeUtf8(std::string_view text, std::size_t& pos)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(pos);
    if (lead < 0x80) {
        ++pos;
        return lead;
    }
    int extra = 0;
    char32_t c = 0;
    char32_t minimum = 0;
    if ((lead & 0xE0) == 0xC0) {
        extra = 1, c = lead & 0x1F, minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        extra = 2, c = lead & 0x0F, minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        extra = 3, c = lead & 0x07, minimum = 0x10000;
    } else {
        ++pos;
        return 0xFFFD;
    }
    if (pos + static_cast<std::size_t>(extra) >= text.size()) { // truncated at the end
        ++pos;
        return 0xFFFD;
    }
    for (int i = 1; i <= extra; ++i) {
        const unsigned char next = byte(pos + i);
        if ((next & 0xC0) != 0x80) {
            ++pos;
            return 0xFFFD;
        }
        c = (c << 6) | (next & 0x3F);
    }
    if (c < minimum || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
        ++pos;
        return 0xFFFD;
    }
    pos += extra + 1;
    return c;
}

void appendUtf8(char32_t c, std::string& out)
{
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (c >> 18)));
        out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

void appendLowerUtf8(std::string_view text, std::string& out)
{
    std::size_t pos = 0;
    while (pos < text.size()) {
        const unsigned char lead = static_cast<unsigned char>(text[pos]);
        if (lead < 0x80) { // the common case, without decoding
            out.push_back(static_cast<char>(lead >= 'A' && lead <= 'Z' ? lead + 32 : lead));
            ++pos;
            continue;
        }
        appendUtf8(lowerCodePoint(decodeUtf8(text, pos)), out);
    }
}

} // namespace concord::learn
