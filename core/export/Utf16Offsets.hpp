// Conversion between the code point offsets Concord stores and the UTF-16 code units that
// Label Studio (and JavaScript) count. A character outside the Basic Multilingual Plane
// ("😀", "🇫") is one code point but two UTF-16 units, so offsets after it differ.
#pragma once

#include <cstdint>
#include <string_view>

namespace concord::exporting {

// Length of valid UTF-8 `text` in UTF-16 code units.
std::int64_t utf16Length(std::string_view text);

// The UTF-16 offset of code point offset `codePoint`. Throws InputError when the offset is
// negative or past the end of the text.
std::int64_t codePointToUtf16(std::string_view text, std::int64_t codePoint);

// The code point offset of UTF-16 offset `unit`. Throws InputError when the offset is
// negative, past the end of the text, or between the two halves of a surrogate pair.
std::int64_t utf16ToCodePoint(std::string_view text, std::int64_t unit);

} // namespace concord::exporting
