// Label Studio JSON: one JSON array of tasks, the layout Label Studio's "JSON" export gives and
// its import takes:
//   {"id": n, "data": {"text": ..., "id": sample id}, "meta": {...metadata, when asked},
//    "annotations": [{"completed_by": {"email": annotator}, "ground_truth": bool,
//                     "was_cancelled": false, "result": [...]}]}
// Results, for a labeling config whose control is named "label" and whose Text is "text":
//   spans:  {"type":"labels", "value":{"start","end","text","labels":[name]}} with start and
//           end in UTF-16 code units (converted from and to code points);
//   single/multi: {"type":"choices", "value":{"choices":[names]}};
//   rating: {"type":"rating", "value":{"rating":n}}.
// Records with the same id become one task with one annotation each (raw exports); a record
// without a value gives a task without annotations. On reading, each annotation is a record
// (its annotator from completed_by: a string, {"email"} or an integer user id), cancelled
// annotations are skipped, results of other types are ignored, and a span's "text", when
// present, must be the text its offsets cover.
#pragma once

#include "core/export/ExportRecord.hpp"

#include <istream>
#include <ostream>
#include <string>
#include <vector>

namespace concord::exporting {

struct LabelStudioOptions
{
    bool includeMetadata = false; // the record's metadata as the task's "meta"
};

void writeLabelStudio(const std::vector<ExportRecord>& records, const ExportSchema& schema, std::ostream& out,
                      const LabelStudioOptions& options = {});
std::vector<ExportRecord> readLabelStudio(std::istream& input, const ExportSchema& schema,
                                          const std::string& sourceName = "input");

// The labeling config (XML) that matches what writeLabelStudio writes, for creating the
// Label Studio project the file is imported into.
std::string labelStudioConfig(const ExportSchema& schema);

} // namespace concord::exporting
