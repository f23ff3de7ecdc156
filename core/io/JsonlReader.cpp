// JSON Lines reading; see JsonlReader.hpp.
#include "core/io/JsonlReader.hpp"

#include "core/io/BoundedJson.hpp"

namespace concord::io {

namespace {

std::string jsonTypeInWords(const nlohmann::json& value)
{
    switch (value.type()) {
    case nlohmann::json::value_t::null:
        return "null";
    case nlohmann::json::value_t::boolean:
        return "a boolean";
    case nlohmann::json::value_t::string:
        return "a string";
    case nlohmann::json::value_t::array:
        return "an array";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float:
        return "a number";
    default:
        return "a non-object value";
    }
}

// nlohmann's message reads "[json.exception.parse_error.101] parse error at line 1, column 7:
// syntax error ...; last read: '<token>'; expected ...". The line is always 1 (we parse one
// line) and the token can be as long as the line, so keep only the reason and the column.
// Number overflow ("1e999") comes as out_of_range.406 without a position.
std::string shortParseMessage(const nlohmann::json::exception& error)
{
    std::string what = error.what();
    if (what.starts_with("[json.exception.")) {
        if (const auto close = what.find("] "); close != std::string::npos) {
            what.erase(0, close + 2);
        }
    }
    std::string column;
    std::string reason = what;
    if (const auto at = what.find(", column "); what.starts_with("parse error at ") && at != std::string::npos) {
        const auto colon = what.find(": ", at);
        if (colon != std::string::npos) {
            column = what.substr(at + 9, colon - at - 9);
            reason = what.substr(colon + 2);
        }
    }
    if (const auto lastRead = reason.find("; last read: "); lastRead != std::string::npos) {
        const auto expected = reason.rfind("; expected ");
        if (expected != std::string::npos && expected > lastRead) {
            reason.erase(lastRead, expected - lastRead);
        } else {
            reason.erase(lastRead);
        }
    }
    return "invalid JSON: " + reason + (column.empty() ? "" : " (column " + column + ")");
}

} // namespace

JsonlReader::JsonlReader(std::istream& input, std::size_t chunkSize, int maxDepth)
    : m_lines(input, chunkSize), m_maxDepth(maxDepth)
{}

std::optional<ReadResult> JsonlReader::next()
{
    while (const auto line = m_lines.next()) {
        if (isBlankLine(line->text)) {
            continue;
        }
        // Checked before parsing: the parser would also reject bad bytes, but only inside
        // strings and with a message about a token rather than the encoding.
        if (auto problem = invalidUtf8InLine(line->text)) {
            return ReadProblem{line->number, std::move(*problem), std::string(line->text)};
        }
        if (nestsDeeperThan(line->text, m_maxDepth)) {
            return ReadProblem{line->number, "the record nests deeper than " + std::to_string(m_maxDepth) + " levels",
                               std::string(line->text)};
        }
        const char* first = line->text.data();
        const char* last = first + line->text.size();
        nlohmann::json value;
        try {
            value = nlohmann::json::parse(first, last);
        } catch (const nlohmann::json::exception& error) {
            return ReadProblem{line->number, shortParseMessage(error), std::string(line->text)};
        }
        if (!value.is_object()) {
            return ReadProblem{line->number, "expected a JSON object, found " + jsonTypeInWords(value),
                               std::string(line->text)};
        }
        return SourceRecord{line->number, std::move(value), std::string(line->text)};
    }
    return std::nullopt;
}

} // namespace concord::io
