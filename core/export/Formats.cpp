#include "core/export/Formats.hpp"

#include "core/export/ConllFormat.hpp"
#include "core/export/CsvFormat.hpp"
#include "core/export/HuggingFaceFormat.hpp"
#include "core/export/LabelStudioFormat.hpp"
#include "core/export/ProdigyFormat.hpp"
#include "core/export/SpacyFormat.hpp"
#include "core/util/Error.hpp"

#include <array>

namespace concord::exporting {

namespace {

constexpr std::array<std::pair<RecordFormat, std::string_view>, 6> kNames{{
    {RecordFormat::HuggingFace, "hf"},
    {RecordFormat::Csv, "csv"},
    {RecordFormat::Conll, "conll"},
    {RecordFormat::Spacy, "spacy"},
    {RecordFormat::LabelStudio, "labelstudio"},
    {RecordFormat::Prodigy, "prodigy"},
}};

} // namespace

std::string_view toString(RecordFormat format)
{
    for (const auto& [value, name] : kNames) {
        if (value == format) {
            return name;
        }
    }
    return "hf";
}

std::optional<RecordFormat> recordFormatFromName(std::string_view name)
{
    for (const auto& [value, known] : kNames) {
        if (known == name) {
            return value;
        }
    }
    return std::nullopt;
}

RecordFormat recordFormatFromString(std::string_view name)
{
    if (auto format = recordFormatFromName(name)) {
        return *format;
    }
    throw InputError("unknown format '" + std::string(name) + "' (known: hf, csv, conll, spacy, labelstudio, prodigy)");
}

std::string_view fileExtension(RecordFormat format)
{
    switch (format) {
    case RecordFormat::Csv:
        return ".csv";
    case RecordFormat::Conll:
        return ".conll";
    case RecordFormat::LabelStudio:
        return ".json";
    default:
        return ".jsonl";
    }
}

bool supportsKind(RecordFormat format, TaskKind kind)
{
    switch (format) {
    case RecordFormat::Conll:
        return kind == TaskKind::Spans;
    case RecordFormat::Spacy:
        return kind != TaskKind::Rating;
    default:
        return true;
    }
}

void writeRecords(RecordFormat format, const std::vector<ExportRecord>& records, const ExportSchema& schema,
                  std::ostream& out, const WriteOptions& options)
{
    switch (format) {
    case RecordFormat::HuggingFace:
        writeHuggingFace(records, schema, out, {options.labelIds, options.includeMetadata});
        return;
    case RecordFormat::Csv:
        writeCsv(records, schema, out, {options.labelIds, options.includeMetadata});
        return;
    case RecordFormat::Conll:
        writeConll(records, schema, out);
        return;
    case RecordFormat::Spacy:
        writeSpacy(records, schema, out, {options.includeMetadata});
        return;
    case RecordFormat::LabelStudio:
        writeLabelStudio(records, schema, out, {options.includeMetadata});
        return;
    case RecordFormat::Prodigy:
        writeProdigy(records, schema, out, {options.includeMetadata});
        return;
    }
}

std::vector<ExportRecord> readRecords(RecordFormat format, std::istream& input, const ExportSchema& schema,
                                      const std::string& sourceName, std::vector<std::string>* notes)
{
    switch (format) {
    case RecordFormat::HuggingFace:
        return readHuggingFace(input, schema, sourceName);
    case RecordFormat::Csv:
        return readCsv(input, schema, sourceName);
    case RecordFormat::Conll:
        return readConll(input, schema, sourceName);
    case RecordFormat::Spacy:
        return readSpacy(input, schema, sourceName);
    case RecordFormat::LabelStudio:
        return readLabelStudio(input, schema, sourceName, notes);
    case RecordFormat::Prodigy:
        return readProdigy(input, schema, sourceName);
    }
    return {};
}

} // namespace concord::exporting
