// The export and interchange formats by name, and one entry point to write or read records in
// any of them. Each format lives in its own file (HuggingFaceFormat, CsvFormat, ConllFormat,
// SpacyFormat, LabelStudioFormat, ProdigyFormat); this dispatches to them.
#pragma once

#include "core/export/ExportRecord.hpp"

#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace concord::exporting {

enum class RecordFormat
{
    HuggingFace, // "hf": JSON Lines
    Csv,         // "csv"
    Conll,       // "conll": BIO tags, span projects only
    Spacy,       // "spacy": JSON Lines
    LabelStudio, // "labelstudio": one JSON list
    Prodigy      // "prodigy": JSON Lines
};

// "hf", "csv", "conll", "spacy", "labelstudio", "prodigy".
std::string_view toString(RecordFormat format);
std::optional<RecordFormat> recordFormatFromName(std::string_view name);
// Throws InputError naming the accepted names.
RecordFormat recordFormatFromString(std::string_view name);
// The usual file extension: ".jsonl", ".csv", ".conll", ".json".
std::string_view fileExtension(RecordFormat format);
// Whether the format can hold a project of this kind (CoNLL: spans only; spaCy: not rating).
bool supportsKind(RecordFormat format, TaskKind kind);

struct WriteOptions
{
    bool labelIds = false;        // hf and csv: integer label ids instead of names
    bool includeMetadata = false; // hf, csv, spacy, prodigy, labelstudio: the sample's metadata
};

// Throws InputError when the format cannot hold the schema's kind or a record (overlapping
// spans in CoNLL, a span outside its text).
void writeRecords(RecordFormat format, const std::vector<ExportRecord>& records, const ExportSchema& schema,
                  std::ostream& out, const WriteOptions& options = {});

// Throws InputError naming the file (sourceName), line or task, record and field at fault. What
// a reader left out or settled on its own (Label Studio: results of other types, a user's
// earlier annotation of a task) is added to `notes` when given, one line each.
std::vector<ExportRecord> readRecords(RecordFormat format, std::istream& input, const ExportSchema& schema,
                                      const std::string& sourceName = "input",
                                      std::vector<std::string>* notes = nullptr);

} // namespace concord::exporting
