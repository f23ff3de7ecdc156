#include "core/io/JsonWriter.hpp"

#include <cstdint>
#include <cstring>

namespace concord::io {

namespace json_writer {

bool needsEscape(unsigned char c)
{
    return c < 0x20 || c == '"' || c == '\\';
}

// Whether any of the eight bytes at `bytes` is below 0x20, '"' or '\\' (the classic zero-byte
// test: a byte of `x` is zero exactly when the high bit of the expression is set for it).
bool anyNeedsEscape(const char* bytes)
{
    std::uint64_t x;
    std::memcpy(&x, bytes, sizeof x);
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    const auto zeroIn = [](std::uint64_t v) { return (v - ones) & ~v & highs; };
    const std::uint64_t below20 = (x - ones * 0x20) & ~x & highs;
    return (below20 | zeroIn(x ^ (ones * '"')) | zeroIn(x ^ (ones * '\\'))) != 0;
}

template <typename Json> void append(std::string& out, const Json& value)
{
    switch (value.type()) {
    case nlohmann::json::value_t::object: {
        out += '{';
        bool first = true;
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (!first) {
                out += ',';
            }
            first = false;
            appendJsonString(out, it.key());
            out += ':';
            append(out, it.value());
        }
        out += '}';
        return;
    }
    case nlohmann::json::value_t::array: {
        out += '[';
        bool first = true;
        for (const auto& element : value) {
            if (!first) {
                out += ',';
            }
            first = false;
            append(out, element);
        }
        out += ']';
        return;
    }
    case nlohmann::json::value_t::string:
        appendJsonString(out, value.template get_ref<const std::string&>());
        return;
    default: // numbers, booleans, null: dump() writes them, so the digits are its own
        out += value.dump();
        return;
    }
}

} // namespace json_writer

void appendJsonString(std::string& out, std::string_view text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    std::size_t run = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        // Eight bytes at a time while none of them needs an escape: most text needs none.
        while (i + 8 <= text.size() && !json_writer::anyNeedsEscape(text.data() + i)) {
            i += 8;
        }
        if (i >= text.size()) {
            break;
        }
        const auto c = static_cast<unsigned char>(text[i]);
        if (!json_writer::needsEscape(c)) {
            continue;
        }
        out.append(text.data() + run, i - run);
        run = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        }
    }
    out.append(text.data() + run, text.size() - run);
    out += '"';
}

void appendJson(std::string& out, const nlohmann::ordered_json& value)
{
    json_writer::append(out, value);
}

void appendJson(std::string& out, const nlohmann::json& value)
{
    json_writer::append(out, value);
}

} // namespace concord::io
