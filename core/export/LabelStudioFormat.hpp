// Label Studio JSON: one JSON array of tasks, the layout Label Studio's "JSON" export gives and
// its import takes:
//   {"id": n, "data": {"text": ..., "id": sample id}, "meta": {...metadata, when asked},
//    "annotations": [{"completed_by": {"email": annotator}, "ground_truth": bool,
//                     "was_cancelled": false, "result": [...]}]}
// Results, for the labeling config labelStudioConfig() gives (a Text named "text", a control
// named "label"):
//   spans:  {"type":"labels", "value":{"start","end","text","labels":[name]}}, start and end in
//           Unicode code points, Concord's own unit: Label Studio converts the browser's UTF-16
//           selection to code points (label-studio PR #1559 "Store code points instead of js
//           length", label-studio-frontend #308, charsToCodePoints in src/utils/html.js);
//   single/multi: {"type":"choices", "value":{"choices":[names]}}, an empty list for an empty
//           multi-label answer;
//   rating: {"type":"rating", "value":{"rating":stars}}, Label Studio's Rating counting 1..N
//           stars: rating r is r - min + 1 stars (see labelStudioStars).
// Records with the same id become one task with one annotation each (raw exports); a record
// without a value gives a task without annotations, an empty answer an annotation with an
// empty result (spans) or an empty choices result (multi-label).
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

// Reads Label Studio's JSON export (LabelStudioReader.cpp). Each annotation is a record: its
// annotator from completed_by (a string, {"email"}, or the integer user id as its digits), its
// value from the results of the project's kind; the task's other `data` keys and its `meta` are
// the metadata; a ground_truth annotation is a record with source "gold". A span's value.text,
// when present, must be the text its offsets cover as Label Studio shows it (see
// LabelStudioText.hpp). Cancelled annotations are skipped; of two annotations by one user on a
// task the later (updated_at, else created_at, else file order) is kept. What was skipped or
// replaced, and results of other types with their counts, are added to `notes` when given.
// Throws InputError naming the task, record and field at fault.
std::vector<ExportRecord> readLabelStudio(std::istream& input, const ExportSchema& schema,
                                          const std::string& sourceName = "input",
                                          std::vector<std::string>* notes = nullptr);

// Label Studio's Rating is 1..maxRating stars (0 is "not rated"), so a scale min..max becomes
// 1..max-min+1 stars: rating r is r - min + 1 stars, and back.
int labelStudioStarCount(const ExportSchema& schema);
int labelStudioStars(int rating, const ExportSchema& schema);
int ratingOfLabelStudioStars(int stars, const ExportSchema& schema);

// The labeling config (XML) that matches what writeLabelStudio writes, for the Label Studio
// project the file is imported into; the dataset export writes it as label_config.xml.
std::string labelStudioConfig(const ExportSchema& schema);

// The dataset card's section (Markdown) on using the export in Label Studio: the config, the
// task files, the offset unit and the rating scale.
std::string labelStudioCardSection(const ExportSchema& schema, const std::vector<std::string>& taskFiles);

} // namespace concord::exporting
