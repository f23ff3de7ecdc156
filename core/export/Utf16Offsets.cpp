#include "core/export/Utf16Offsets.hpp"

#include "core/text/Utf8.hpp"
#include "core/util/Error.hpp"

#include <string>

namespace concord::exporting {

std::int64_t utf16Length(std::string_view text)
{
    std::int64_t units = 0;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte & 0xC0) != 0x80) {
            units += byte >= 0xF0 ? 2 : 1;
        }
    }
    return units;
}

std::int64_t codePointToUtf16(std::string_view text, std::int64_t codePoint)
{
    const auto length = static_cast<std::int64_t>(utf8::codePointCount(text));
    if (codePoint < 0 || codePoint > length) {
        throw InputError("offset " + std::to_string(codePoint) + " is outside the text (" + std::to_string(length) +
                         " characters)");
    }
    return static_cast<std::int64_t>(*utf8::utf16OffsetOfCodePoint(text, static_cast<std::size_t>(codePoint)));
}

std::int64_t utf16ToCodePoint(std::string_view text, std::int64_t unit)
{
    const std::int64_t length = utf16Length(text);
    if (unit < 0 || unit > length) {
        throw InputError("UTF-16 offset " + std::to_string(unit) + " is outside the text (" + std::to_string(length) +
                         " UTF-16 units)");
    }
    const auto point = utf8::codePointAtUtf16(text, static_cast<std::size_t>(unit));
    if (!point) {
        // The offset before it is the start of the character it cuts in two.
        const auto before = *utf8::codePointAtUtf16(text, static_cast<std::size_t>(unit - 1));
        throw InputError(
            "UTF-16 offset " + std::to_string(unit) + " falls between the two halves of a surrogate pair (inside '" +
            std::string(utf8::slice(text, before, before + 1)) + "', character " + std::to_string(before) + ")");
    }
    return static_cast<std::int64_t>(*point);
}

} // namespace concord::exporting
