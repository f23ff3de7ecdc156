// Puts records read from an interchange file (Label Studio, Prodigy, spaCy, CoNLL, CSV, HF)
// into a project: each record's sample (added when new; an existing sample with the same id
// must have the same text) and its value as an annotation by the record's annotator, or by
// `annotator` when the record names none. A gold record (Label Studio's ground truth) sets the
// sample's gold value, its reviewer the record's annotator (else `annotator`), and stays that
// annotator's annotation when the file names one. Every value passes LabelSchema::validate.
// All of it happens in one transaction: any problem throws InputError naming the record and
// field, and the project is left as it was.
#pragma once

#include "core/export/ExportRecord.hpp"
#include "core/export/Formats.hpp"

#include <cstddef>
#include <istream>
#include <string>
#include <vector>

namespace concord {
class Project;
}

namespace concord::exporting {

struct RecordImportOptions
{
    std::string sourceName = "input"; // the file, in messages
    std::string annotator;            // for records that name no annotator
    // Use the file's annotator names as they are (false: every annotation goes to `annotator`).
    bool keepAnnotators = true;
};

struct RecordImportReport
{
    std::size_t records = 0;
    std::size_t samplesAdded = 0;
    std::size_t samplesExisting = 0; // already in the project with the same text
    std::size_t annotations = 0;
    std::size_t gold = 0;           // gold values set
    std::vector<std::string> notes; // what the reader left out or settled (readRecords), one line each
};

// The stored value ({"labels"}, {"spans"} or {"rating"}) of a record, or null when it carries
// none (no label, no span, no rating, and not an empty answer).
nlohmann::json valueOfRecord(const ExportRecord& record, TaskKind kind);

// The ExportSchema that reading a file for this project uses.
ExportSchema recordSchemaOf(const LabelSchema& schema);

RecordImportReport importRecords(Project& project, const std::vector<ExportRecord>& records,
                                 const RecordImportOptions& options);

// Reads `input` in `format` with the project's schema, then imports it as above.
RecordImportReport importRecordFile(Project& project, RecordFormat format, std::istream& input,
                                    const RecordImportOptions& options);

} // namespace concord::exporting
