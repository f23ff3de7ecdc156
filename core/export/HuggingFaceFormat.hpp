// Hugging Face-ready JSON Lines: one object per record that `datasets.load_dataset("json")`
// reads as it is. {"id","text"} and, by task kind, "label" (single: the name, or its integer
// id with labelIds; null when unlabeled), "labels" (multi: a list), "spans" (a list of
// {"start","end","label"} in code points) or "rating" (an integer or null); "annotator" on
// raw records; "metadata" (an object) when asked for.
#pragma once

#include "core/export/ExportRecord.hpp"

#include <nlohmann/json.hpp>

#include <istream>
#include <ostream>
#include <string>
#include <vector>

namespace concord::exporting {

struct HuggingFaceOptions
{
    bool labelIds = false;        // "label"/"labels" as integer ids (label2id) instead of names
    bool includeMetadata = false; // a "metadata" object per line
};

// One line's object.
nlohmann::json huggingFaceObject(const ExportRecord& record, const ExportSchema& schema,
                                 const HuggingFaceOptions& options = {});
void writeHuggingFace(const std::vector<ExportRecord>& records, const ExportSchema& schema, std::ostream& out,
                      const HuggingFaceOptions& options = {});

// Reads it back; labels may be names or ids. Throws InputError naming the line, record and field.
std::vector<ExportRecord> readHuggingFace(std::istream& input, const ExportSchema& schema,
                                          const std::string& sourceName = "input");

} // namespace concord::exporting
