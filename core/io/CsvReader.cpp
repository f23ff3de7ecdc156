// CSV reading; see CsvReader.hpp. A record is parsed line by line with a small state
// machine; a quoted field still open at the end of a line pulls in the next line.
#include "core/io/CsvReader.hpp"

#include "core/text/Utf8.hpp"
#include "core/util/Error.hpp"

#include <unordered_set>

namespace concord::io {

namespace {

enum class State
{
    FieldStart,
    Unquoted,
    Quoted,
    QuoteInQuoted // a quote inside a quoted field: the closing one, or the first of ""
};

ReadProblem problemFor(std::size_t line, std::string message, std::string raw)
{
    return ReadProblem{line, std::move(message), std::move(raw)};
}

} // namespace

CsvReader::CsvReader(std::istream& input, char delimiter, std::size_t chunkSize)
    : m_lines(input, chunkSize), m_delimiter(delimiter)
{
    if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
        throw InputError("a CSV delimiter cannot be a quote or a line break");
    }
}

bool CsvReader::readRecord()
{
    auto line = m_lines.next();
    // Blank lines between records are no records (a trailing one is common); RFC 4180 has
    // no use for them except in a one-column file, where an empty value is rare.
    while (line && line->text.empty()) {
        line = m_lines.next();
    }
    if (!line) {
        return false;
    }
    Record& record = m_record;
    record.line = line->number;
    record.raw.clear();
    record.fields.clear();
    record.error.reset();
    const auto fail = [&](const char* message) {
        if (!record.error) {
            record.error = message;
        }
    };

    std::string field;
    State state = State::FieldStart;
    for (;;) {
        record.raw += line->text;
        for (const char c : line->text) {
            switch (state) {
            case State::FieldStart:
                if (c == '"') {
                    state = State::Quoted;
                } else if (c == m_delimiter) {
                    record.fields.push_back(std::move(field));
                    field.clear();
                } else {
                    field += c;
                    state = State::Unquoted;
                }
                break;
            case State::Unquoted:
                if (c == m_delimiter) {
                    record.fields.push_back(std::move(field));
                    field.clear();
                    state = State::FieldStart;
                } else {
                    if (c == '"') {
                        fail("stray quote in unquoted field");
                    }
                    field += c;
                }
                break;
            case State::Quoted:
                if (c == '"') {
                    state = State::QuoteInQuoted;
                } else {
                    field += c;
                }
                break;
            case State::QuoteInQuoted:
                if (c == '"') {
                    field += '"';
                    state = State::Quoted;
                } else if (c == m_delimiter) {
                    record.fields.push_back(std::move(field));
                    field.clear();
                    state = State::FieldStart;
                } else {
                    // Kept as text so that the record still ends at this line's end.
                    fail("text after the closing quote of a quoted field");
                    field += c;
                    state = State::Unquoted;
                }
                break;
            }
        }
        if (state != State::Quoted) {
            break;
        }
        // The line break belongs to the quoted field, byte for byte.
        const std::string terminator(line->terminator);
        line = m_lines.next();
        if (!line) {
            // Overrides an earlier error: this one explains why the record ran to the end.
            record.error = "unterminated quoted field";
            break;
        }
        field += terminator;
        record.raw += terminator;
    }
    record.fields.push_back(std::move(field));
    return true;
}

std::optional<ReadProblem> CsvReader::readHeader()
{
    if (!readRecord()) {
        return std::nullopt;
    }
    const Record& record = m_record;
    const auto problem = [&](std::string message) { return problemFor(record.line, std::move(message), record.raw); };
    if (record.error) {
        return problem("in the header: " + *record.error);
    }
    std::unordered_set<std::string_view> seen;
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
        const std::string& name = record.fields[i];
        const std::string column = "(column " + std::to_string(i + 1) + ")";
        if (name.empty()) {
            return problem("empty field name in the header " + column);
        }
        if (!utf8::isValid(name)) {
            return problem("invalid UTF-8 in the header " + column);
        }
        if (!seen.insert(name).second) {
            return problem("duplicate field name '" + name + "' in the header " + column);
        }
    }
    m_header = record.fields;
    return std::nullopt;
}

ReadResult CsvReader::toResult()
{
    Record& record = m_record;
    if (record.error) {
        return problemFor(record.line, *record.error, std::move(record.raw));
    }
    if (record.fields.size() != m_header.size()) {
        return problemFor(record.line,
                          "expected " + std::to_string(m_header.size()) + " fields (as in the header), found " +
                              std::to_string(record.fields.size()),
                          std::move(record.raw));
    }
    nlohmann::json fields = nlohmann::json::object();
    for (std::size_t i = 0; i < m_header.size(); ++i) {
        if (!utf8::isValid(record.fields[i])) {
            return problemFor(record.line, "invalid UTF-8 in field '" + m_header[i] + "'", std::move(record.raw));
        }
        fields[m_header[i]] = std::move(record.fields[i]);
    }
    return SourceRecord{record.line, std::move(fields), std::move(record.raw)};
}

std::optional<ReadResult> CsvReader::next()
{
    if (m_finished) {
        return std::nullopt;
    }
    if (!m_headerRead) {
        m_headerRead = true;
        if (auto problem = readHeader()) {
            m_finished = true;
            return std::move(*problem);
        }
        if (m_header.empty()) {
            m_finished = true; // empty input: no header, so no records either
            return std::nullopt;
        }
    }
    if (!readRecord()) {
        m_finished = true;
        return std::nullopt;
    }
    return toResult();
}

} // namespace concord::io
