// Whitespace, case and word splitting for the duplicate checks; see TextNormalize.hpp.
#include "core/quality/integrity/TextNormalize.hpp"

namespace concord::quality {

namespace {

bool isAsciiSpace(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

bool isAsciiPunctuation(unsigned char c)
{
    return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E);
}

char lowerAscii(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

} // namespace

std::size_t whitespaceAt(std::string_view text, std::size_t i)
{
    const auto byte = [&](std::size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0; };
    const unsigned char b0 = byte(0);
    if (b0 < 0x80) {
        return isAsciiSpace(b0) ? 1 : 0;
    }
    if (b0 == 0xC2 && byte(1) == 0xA0) {
        return 2; // U+00A0 no-break space
    }
    if (b0 == 0xE1 && byte(1) == 0x9A && byte(2) == 0x80) {
        return 3; // U+1680 ogham space mark
    }
    if (b0 == 0xE2 && byte(1) == 0x80) {
        const unsigned char b2 = byte(2);
        // U+2000–U+200A spaces, U+2028 line and U+2029 paragraph separators, U+202F narrow no-break space
        if ((b2 >= 0x80 && b2 <= 0x8A) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF) {
            return 3;
        }
    }
    if (b0 == 0xE2 && byte(1) == 0x81 && byte(2) == 0x9F) {
        return 3; // U+205F medium mathematical space
    }
    if (b0 == 0xE3 && byte(1) == 0x80 && byte(2) == 0x80) {
        return 3; // U+3000 ideographic space
    }
    return 0;
}

bool isBlank(std::string_view text)
{
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t space = whitespaceAt(text, i);
        if (space == 0) {
            return false;
        }
        i += space;
    }
    return true;
}

std::string normalizeForDuplicates(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    bool pendingSpace = false;
    for (std::size_t i = 0; i < text.size();) {
        if (const std::size_t space = whitespaceAt(text, i); space > 0) {
            pendingSpace = !out.empty();
            i += space;
            continue;
        }
        if (pendingSpace) {
            out += ' ';
            pendingSpace = false;
        }
        out += lowerAscii(text[i]);
        ++i;
    }
    return out;
}

std::vector<std::uint64_t> wordHashes(std::string_view text)
{
    // FNV-1a over the lower-cased bytes of each word, then mixed: FNV alone leaves the high
    // bits of short words poorly spread.
    constexpr std::uint64_t kOffset = 0xcbf29ce484222325ULL;
    constexpr std::uint64_t kPrime = 0x100000001b3ULL;
    std::vector<std::uint64_t> hashes;
    std::uint64_t hash = kOffset;
    bool inWord = false;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t separator = whitespaceAt(text, i);
        if (separator == 0 && c < 0x80 && isAsciiPunctuation(c)) {
            separator = 1;
        }
        if (separator > 0) {
            if (inWord) {
                hashes.push_back(mix64(hash));
                hash = kOffset;
                inWord = false;
            }
            i += separator;
            continue;
        }
        hash = (hash ^ static_cast<unsigned char>(lowerAscii(text[i]))) * kPrime;
        inWord = true;
        ++i;
    }
    if (inWord) {
        hashes.push_back(mix64(hash));
    }
    return hashes;
}

} // namespace concord::quality
