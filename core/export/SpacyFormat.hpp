// spaCy-style JSON Lines: {"text", "spans":[{"start","end","label"}], "meta":{"id",...}} with
// offsets in code points, as Python's str (and so spaCy's Doc.char_span) counts them. Single-
// and multi-label records carry "cats" ({label: 1.0 or 0.0}, as Doc.cats holds them) instead
// of "spans"; rating projects have no spaCy form. A raw record's annotator is meta.annotator;
// the record's metadata (when asked for) joins meta.
#pragma once

#include "core/export/ExportRecord.hpp"

#include <istream>
#include <ostream>
#include <string>
#include <vector>

namespace concord::exporting {

struct SpacyOptions
{
    bool includeMetadata = false;
};

void writeSpacy(const std::vector<ExportRecord>& records, const ExportSchema& schema, std::ostream& out,
                const SpacyOptions& options = {});
std::vector<ExportRecord> readSpacy(std::istream& input, const ExportSchema& schema,
                                    const std::string& sourceName = "input");

} // namespace concord::exporting
