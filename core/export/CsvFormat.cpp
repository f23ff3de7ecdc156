#include "core/export/CsvFormat.hpp"

#include "core/export/FormatSupport.hpp"
#include "core/io/BoundedJson.hpp"
#include "core/io/CsvReader.hpp"
#include "core/model/RecordLimits.hpp"
#include "core/util/Error.hpp"

#include <algorithm>

namespace concord::exporting {

using nlohmann::json;

namespace {

std::string valueColumn(TaskKind kind)
{
    switch (kind) {
    case TaskKind::Single:
        return "label";
    case TaskKind::Multi:
        return "labels";
    case TaskKind::Spans:
        return "spans";
    case TaskKind::Rating:
        return "rating";
    }
    return "label";
}

std::string labelCell(const std::string& name, const ExportSchema& schema, bool labelIds)
{
    const json out = detail::labelOut(name, schema, labelIds);
    return out.is_string() ? out.get<std::string>() : out.dump();
}

// A label cell: a name, or (when it is no name) a label id in decimal.
std::string labelFromCell(const std::string& cell, const ExportSchema& schema, const std::string& field,
                          const detail::Where& where)
{
    const bool known = std::find(schema.labels.begin(), schema.labels.end(), cell) != schema.labels.end();
    const bool digits =
        !cell.empty() && std::all_of(cell.begin(), cell.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!known && digits && cell.size() < 10) {
        return detail::labelFrom(json(std::stoll(cell)), schema, field, where);
    }
    return detail::labelFrom(json(cell), schema, field, where);
}

} // namespace

std::string csvField(const std::string& value)
{
    if (value.find_first_of(",\"\r\n") == std::string::npos) {
        return value;
    }
    std::string out = "\"";
    for (const char c : value) {
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return out + "\"";
}

void writeCsv(const std::vector<ExportRecord>& records, const ExportSchema& schema, std::ostream& out,
              const CsvOptions& options)
{
    const bool annotators = std::any_of(records.begin(), records.end(),
                                        [](const ExportRecord& record) { return !record.annotator.empty(); });
    out << "id,text," << valueColumn(schema.kind) << (annotators ? ",annotator" : "")
        << (options.includeMetadata ? ",metadata" : "") << '\n';
    for (const auto& record : records) {
        std::string value;
        switch (schema.kind) {
        case TaskKind::Single:
            value = record.labels.empty() ? "" : labelCell(record.labels.front(), schema, options.labelIds);
            break;
        case TaskKind::Multi:
            for (const auto& name : record.labels) {
                if (name.find('|') != std::string::npos) {
                    throw InputError("label '" + name +
                                     "' contains '|', which separates labels in the CSV labels column");
                }
                value += (value.empty() ? "" : "|") + labelCell(name, schema, options.labelIds);
            }
            break;
        case TaskKind::Spans:
            detail::checkSpansFit(record);
            value = record.spans.empty() ? "" : detail::spansOut(record.spans).dump();
            break;
        case TaskKind::Rating:
            value = record.rating ? std::to_string(*record.rating) : "";
            break;
        }
        out << csvField(record.id) << ',' << csvField(record.text) << ',' << csvField(value);
        if (annotators) {
            out << ',' << csvField(record.annotator);
        }
        if (options.includeMetadata) {
            out << ',' << csvField(record.metadata.dump());
        }
        out << '\n';
    }
}

std::vector<ExportRecord> readCsv(std::istream& input, const ExportSchema& schema, const std::string& sourceName)
{
    io::CsvReader reader(input);
    std::vector<ExportRecord> records;
    const std::string column = valueColumn(schema.kind);
    while (auto result = reader.next()) {
        if (const auto* problem = std::get_if<io::ReadProblem>(&*result)) {
            throw InputError(sourceName + ":" + std::to_string(problem->line) + ": " + problem->message);
        }
        const auto& source = std::get<io::SourceRecord>(*result);
        detail::Where where(sourceName, source.line);
        const json& fields = source.fields;
        ExportRecord record;
        record.id = detail::idFrom(detail::requireField(fields, "id", where), "id", where);
        where.setId(record.id);
        record.text = detail::requireString(fields, "text", where);
        const std::string cell = detail::requireString(fields, column, where);
        if (!cell.empty()) {
            switch (schema.kind) {
            case TaskKind::Single:
                record.labels.push_back(labelFromCell(cell, schema, column, where));
                break;
            case TaskKind::Multi: {
                std::size_t begin = 0;
                for (std::size_t index = 0;; ++index) {
                    const std::size_t bar = cell.find('|', begin);
                    const std::string part =
                        cell.substr(begin, bar == std::string::npos ? std::string::npos : bar - begin);
                    record.labels.push_back(
                        labelFromCell(part, schema, column + " (label " + std::to_string(index + 1) + ")", where));
                    if (bar == std::string::npos) {
                        break;
                    }
                    begin = bar + 1;
                }
                detail::sortLabels(record.labels, schema);
                break;
            }
            case TaskKind::Spans: {
                json spans;
                try {
                    spans = io::parseBoundedJson(cell, limits::kFileJsonDepth);
                } catch (const json::exception& error) { // also a number too large for a double
                    where.fail(column, std::string("invalid JSON: ") + error.what());
                } catch (const InputError& error) { // nested too deep
                    where.fail(column, error.what());
                }
                if (!spans.is_array()) {
                    where.fail(column, "is " + detail::describeType(spans) + ", expected a JSON list of spans");
                }
                for (std::size_t i = 0; i < spans.size(); ++i) {
                    record.spans.push_back(
                        detail::spanFrom(spans[i], record.text, schema, "spans[" + std::to_string(i) + "]", where));
                }
                detail::sortSpans(record.spans);
                break;
            }
            case TaskKind::Rating:
                try {
                    std::size_t used = 0;
                    record.rating = std::stoi(cell, &used);
                    if (used != cell.size()) {
                        throw std::invalid_argument(cell);
                    }
                } catch (const std::exception&) {
                    where.fail(column, "'" + cell + "' is not an integer");
                }
                break;
            }
        }
        if (const auto annotator = fields.find("annotator"); annotator != fields.end() && annotator->is_string()) {
            record.annotator = annotator->get<std::string>();
        }
        if (const auto metadata = fields.find("metadata");
            metadata != fields.end() && metadata->is_string() && !metadata->get<std::string>().empty()) {
            try {
                record.metadata = io::parseBoundedJson(metadata->get<std::string>(), limits::kFileJsonDepth);
            } catch (const json::exception& error) { // also a number too large for a double
                where.fail("metadata", std::string("invalid JSON: ") + error.what());
            } catch (const InputError& error) { // nested too deep
                where.fail("metadata", error.what());
            }
            if (!record.metadata.is_object()) {
                where.fail("metadata", "is " + detail::describeType(record.metadata) + ", expected a JSON object");
            }
        }
        records.push_back(std::move(record));
    }
    return records;
}

} // namespace concord::exporting
