// UTF-8 validation, code point counting and slicing. Concord stores span offsets as Unicode
// code points, as every interchange format it reads and writes counts them (Label Studio
// included); byte offsets convert here for the tools that count bytes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace concord::utf8 {

// Byte offset of the first invalid sequence (overlong forms, surrogates and values above
// U+10FFFF are invalid), or nullopt when the whole text is valid UTF-8.
std::optional<std::size_t> firstInvalidByte(std::string_view text);
inline bool isValid(std::string_view text)
{
    return !firstInvalidByte(text).has_value();
}

// Number of code points in valid UTF-8 text.
std::size_t codePointCount(std::string_view text);

// Byte offset of code point `index` (index == count gives text.size()); nullopt past the end.
std::optional<std::size_t> byteOffsetOfCodePoint(std::string_view text, std::size_t index);

// Code point index at byte offset `byte`; nullopt when the offset is past the end or falls
// inside a multi-byte sequence.
std::optional<std::size_t> codePointAtByte(std::string_view text, std::size_t byte);

// The substring between two code point offsets (clamped to the text).
std::string_view slice(std::string_view text, std::size_t begin, std::size_t end);

// A copy with each invalid sequence replaced by U+FFFD, for showing bad input in messages.
std::string sanitized(std::string_view text);

} // namespace concord::utf8
