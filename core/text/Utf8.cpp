#include "core/text/Utf8.hpp"

#include <cstdint>

namespace concord::utf8 {

namespace {

// Length of the valid sequence starting at text[i], or 0 when it is invalid.
std::size_t sequenceLength(std::string_view text, std::size_t i)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80) {
        return 1;
    }
    const std::size_t remaining = text.size() - i;
    const auto cont = [&](std::size_t k) { return (byte(i + k) & 0xC0) == 0x80; };
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        return remaining >= 2 && cont(1) ? 2 : 0;
    }
    if (b0 >= 0xE0 && b0 <= 0xEF) {
        if (remaining < 3 || !cont(1) || !cont(2)) {
            return 0;
        }
        const unsigned char b1 = byte(i + 1);
        if (b0 == 0xE0 && b1 < 0xA0) {
            return 0; // overlong
        }
        if (b0 == 0xED && b1 >= 0xA0) {
            return 0; // UTF-16 surrogate
        }
        return 3;
    }
    if (b0 >= 0xF0 && b0 <= 0xF4) {
        if (remaining < 4 || !cont(1) || !cont(2) || !cont(3)) {
            return 0;
        }
        const unsigned char b1 = byte(i + 1);
        if (b0 == 0xF0 && b1 < 0x90) {
            return 0; // overlong
        }
        if (b0 == 0xF4 && b1 >= 0x90) {
            return 0; // above U+10FFFF
        }
        return 4;
    }
    return 0;
}

bool isContinuation(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

} // namespace

std::optional<std::size_t> firstInvalidByte(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        // Fast path over ASCII, eight bytes at a time.
        while (i + 8 <= text.size()) {
            std::uint64_t chunk;
            __builtin_memcpy(&chunk, text.data() + i, 8);
            if ((chunk & 0x8080808080808080ULL) != 0) {
                break;
            }
            i += 8;
        }
        if (i >= text.size()) {
            break;
        }
        const std::size_t length = sequenceLength(text, i);
        if (length == 0) {
            return i;
        }
        i += length;
    }
    return std::nullopt;
}

std::size_t codePointCount(std::string_view text)
{
    std::size_t count = 0;
    for (char c : text) {
        count += isContinuation(c) ? 0 : 1;
    }
    return count;
}

std::optional<std::size_t> byteOffsetOfCodePoint(std::string_view text, std::size_t index)
{
    std::size_t seen = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!isContinuation(text[i])) {
            if (seen == index) {
                return i;
            }
            ++seen;
        }
    }
    if (seen == index) {
        return text.size();
    }
    return std::nullopt;
}

std::optional<std::size_t> codePointAtByte(std::string_view text, std::size_t byte)
{
    if (byte > text.size()) {
        return std::nullopt;
    }
    if (byte < text.size() && isContinuation(text[byte])) {
        return std::nullopt;
    }
    return codePointCount(text.substr(0, byte));
}

std::string_view slice(std::string_view text, std::size_t begin, std::size_t end)
{
    const std::size_t from = byteOffsetOfCodePoint(text, begin).value_or(text.size());
    const std::size_t to = byteOffsetOfCodePoint(text, end).value_or(text.size());
    return to > from ? text.substr(from, to - from) : std::string_view{};
}

std::string sanitized(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t length = sequenceLength(text, i);
        if (length == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else {
            out.append(text.substr(i, length));
            i += length;
        }
    }
    return out;
}

} // namespace concord::utf8
