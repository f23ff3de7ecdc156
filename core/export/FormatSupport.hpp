// Helpers the format readers and writers share: messages that name the file, line, record and
// field at fault, typed access to JSON fields, span and label checks, and JSON Lines reading.
#pragma once

#include "core/export/ExportRecord.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace concord::exporting::detail {

// Where a problem is: "FILE:LINE", then "(record 'ID')" once the record's id is known.
class Where
{
public:
    Where(std::string source, std::size_t line) : m_source(std::move(source)), m_line(line) {}

    void setId(std::string id) { m_id = std::move(id); }
    void setLine(std::size_t line) { m_line = line; }
    std::string prefix() const;

    // Throws InputError "FILE:LINE (record 'ID'): field 'FIELD': REASON".
    [[noreturn]] void fail(std::string_view field, const std::string& reason) const;
    // Throws InputError "FILE:LINE (record 'ID'): REASON".
    [[noreturn]] void fail(const std::string& reason) const;

private:
    std::string m_source;
    std::size_t m_line = 0;
    std::string m_id;
};

// "a string", "an array", ... for messages.
std::string describeType(const nlohmann::json& value);

// The field `name` of `object` (an object: checked), which must be present. `path` names the
// object in messages ("" for the record itself, "spans[2]" for a nested one).
const nlohmann::json& requireField(const nlohmann::json& object, std::string_view name, const Where& where,
                                   std::string_view path = "");
std::string requireString(const nlohmann::json& object, std::string_view name, const Where& where,
                          std::string_view path = "");
std::int64_t requireInteger(const nlohmann::json& object, std::string_view name, const Where& where,
                            std::string_view path = "");
// An id: a non-empty string, or an integer written in decimal.
std::string idFrom(const nlohmann::json& value, std::string_view field, const Where& where);
std::string joinPath(std::string_view path, std::string_view name);

// A label given by name or (when ids are allowed) by its integer id; checked against the schema.
std::string labelFrom(const nlohmann::json& value, const ExportSchema& schema, std::string_view field,
                      const Where& where);
// The label as written: its name, or its id when `labelIds`.
nlohmann::json labelOut(const std::string& name, const ExportSchema& schema, bool labelIds);

// Throws naming `path`.start or `path`.end unless 0 <= start < end <= the text's length in code
// points.
void checkOffsets(std::int64_t start, std::int64_t end, std::string_view text, std::string_view path,
                  const Where& where);

// A span object {"start","end","label"} in code points, checked against the text.
ExportSpan spanFrom(const nlohmann::json& object, std::string_view text, const ExportSchema& schema,
                    std::string_view path, const Where& where);
// Spans as written by every JSON format: [{"start","end","label"}].
nlohmann::json spansOut(const std::vector<ExportSpan>& spans);
// Throws InputError naming the record and span when a span lies outside the record's text.
void checkSpansFit(const ExportRecord& record);

void sortSpans(std::vector<ExportSpan>& spans);
// Labels reordered into the schema's order (ExportRecord keeps them so).
void sortLabels(std::vector<std::string>& labels, const ExportSchema& schema);

// Calls `visit` with each non-blank line of JSON Lines input, parsed (a UTF-8 BOM and CRLF
// are accepted). Invalid JSON or a line that is not an object throws InputError naming it.
void forEachJsonLine(std::istream& input, const std::string& source,
                     const std::function<void(const nlohmann::json&, Where&)>& visit);

} // namespace concord::exporting::detail
