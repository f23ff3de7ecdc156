#include "core/feedback/StoredFields.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>

namespace concord {

namespace stored_fields {

// The end of a JSON string whose text starts at `at` (after the opening quote): the index of
// the closing quote, or npos. `escaped` says whether a backslash came before it.
std::size_t stringEnd(std::string_view text, std::size_t at, bool& escaped)
{
    const char* const begin = text.data();
    const char* const end = begin + text.size();
    const char* p = begin + at;
    escaped = false;
    for (;;) {
        const auto* quote = static_cast<const char*>(std::memchr(p, '"', static_cast<std::size_t>(end - p)));
        if (quote == nullptr) {
            return std::string_view::npos;
        }
        if (std::memchr(p, '\\', static_cast<std::size_t>(quote - p)) == nullptr) {
            return static_cast<std::size_t>(quote - begin);
        }
        // A backslash before the quote: walk escape by escape to see whether it ends here.
        escaped = true;
        for (; p < quote; ++p) {
            if (*p == '\\') {
                ++p; // the escaped character, which may be the quote itself
            }
        }
        if (p == quote) {
            return static_cast<std::size_t>(quote - begin);
        }
        p = quote + 1; // the quote was escaped
    }
}

// Sets `text` to a JSON string's body (between its quotes) with its one-character escapes
// undone; false for any other escape (\u), which the JSON parser undoes.
bool unescape(std::string_view body, std::string& text)
{
    text.clear();
    std::size_t at = 0;
    for (;;) {
        const std::size_t slash = body.find('\\', at);
        text.append(body.substr(at, slash - at));
        if (slash == std::string_view::npos) {
            return true;
        }
        if (slash + 1 >= body.size()) {
            return false;
        }
        switch (body[slash + 1]) {
        case '"':
        case '\\':
        case '/':
            text += body[slash + 1];
            break;
        case 'b':
            text += '\b';
            break;
        case 'f':
            text += '\f';
            break;
        case 'n':
            text += '\n';
            break;
        case 'r':
            text += '\r';
            break;
        case 't':
            text += '\t';
            break;
        default:
            return false;
        }
        at = slash + 2;
    }
}

} // namespace stored_fields

bool pickStoredStrings(std::string_view stored, const std::vector<std::string>& names, std::vector<std::string>& values)
{
    values.resize(names.size());
    for (std::string& value : values) {
        value.clear(); // keeps its buffer for the next record
    }
    static constexpr std::string_view opening = "{\"fields\":{";
    if (stored.substr(0, opening.size()) != opening) {
        return false;
    }
    std::size_t at = opening.size();
    if (at < stored.size() && stored[at] == '}') {
        return true; // no fields
    }
    // Every field to the end of the object, not only up to the wanted ones: a name met twice
    // is read as the JSON parser reads it, the last one.
    for (;;) {
        // "name":
        if (at >= stored.size() || stored[at] != '"') {
            return false;
        }
        const std::size_t nameEnd = stored.find('"', at + 1);
        if (nameEnd == std::string_view::npos || nameEnd + 2 >= stored.size() || stored[nameEnd + 1] != ':') {
            return false;
        }
        const std::string_view name = stored.substr(at + 1, nameEnd - at - 1);
        if (name.find('\\') != std::string_view::npos) {
            return false;
        }
        at = nameEnd + 2;
        // "text"
        if (stored[at] != '"') {
            return false; // a chat, or not a record of Concord's
        }
        bool escaped = false;
        const std::size_t end = stored_fields::stringEnd(stored, at + 1, escaped);
        if (end == std::string_view::npos) {
            return false;
        }
        const auto named = std::find(names.begin(), names.end(), name);
        if (named != names.end()) {
            std::string& value = values[static_cast<std::size_t>(named - names.begin())];
            const std::string_view body = stored.substr(at + 1, end - at - 1);
            if (!escaped) {
                value.assign(body);
            } else if (!stored_fields::unescape(body, value)) {
                const auto parsed = nlohmann::json::parse(stored.substr(at, end - at + 1), nullptr, false);
                if (!parsed.is_string()) {
                    return false;
                }
                value = parsed.get<std::string>();
            }
        }
        at = end + 1;
        if (at >= stored.size()) {
            return false;
        }
        if (stored[at] == '}') {
            return true;
        }
        if (stored[at] != ',') {
            return false;
        }
        ++at;
    }
}

} // namespace concord
