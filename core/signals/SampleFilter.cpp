// See SampleFilter.hpp.
#include "core/signals/SampleFilter.hpp"

namespace concord::signals {

namespace {

// 'it''s': the SQL literal of a text. NUL would end the statement's text early, so it goes.
std::string quoted(std::string_view text)
{
    std::string literal = "'";
    for (const char c : text) {
        if (c == '\'') {
            literal += "''";
        } else if (c != '\0') {
            literal += c;
        }
    }
    return literal + "'";
}

std::string_view trimmed(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

} // namespace

std::optional<std::string> searchExpression(std::string_view search)
{
    const std::string_view needle = trimmed(search);
    if (needle.empty()) {
        return std::nullopt;
    }
    const std::string literal = "lower(" + quoted(needle) + ")";
    return "instr(lower(text), " + literal + ") > 0 OR instr(lower(id), " + literal + ") > 0";
}

std::optional<std::string> filterExpression(const std::optional<std::string>& signalExpression, std::string_view search)
{
    const auto searched = searchExpression(search);
    if (signalExpression && searched) {
        // The newline ends a trailing "--" comment in the signal before the parenthesis.
        return "(" + *signalExpression + "\n) AND (" + *searched + ")";
    }
    return signalExpression ? signalExpression : searched;
}

} // namespace concord::signals
