// CSV (RFC 4180 quoting: a field holding a comma, a quote or a line break is quoted, quotes
// doubled; lines end in LF) with the header id,text and, by task kind, label (single: the name
// or its id), labels (multi: names joined with '|'), spans (a JSON list of
// {"start","end","label"}, code points) or rating; then "annotator" when any record has one,
// and "metadata" (a JSON object) when asked for. An empty cell is "no value".
#pragma once

#include "core/export/ExportRecord.hpp"

#include <istream>
#include <ostream>
#include <string>
#include <vector>

namespace concord::exporting {

struct CsvOptions
{
    bool labelIds = false;
    bool includeMetadata = false;
};

// Throws InputError when a multi-label name contains '|', which the labels cell cannot hold.
void writeCsv(const std::vector<ExportRecord>& records, const ExportSchema& schema, std::ostream& out,
              const CsvOptions& options = {});
std::vector<ExportRecord> readCsv(std::istream& input, const ExportSchema& schema,
                                  const std::string& sourceName = "input");

// One CSV field, quoted when it needs to be.
std::string csvField(const std::string& value);

} // namespace concord::exporting
