// label_map.json: {"label2id": {"pos": 0, ...}, "id2label": {"0": "pos", ...}}, the two maps a
// Hugging Face model config (and so a Trainer) takes; id2label's keys are strings of integers
// because JSON object keys are strings. Ids are the schema's label order; for a rating project
// the labels are the ratings from the lowest ("1") to the highest.
#pragma once

#include "core/export/ExportRecord.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace concord::exporting {

// The label names in id order.
std::vector<std::string> labelNamesOf(const ExportSchema& schema);

nlohmann::ordered_json labelMap(const ExportSchema& schema);

} // namespace concord::exporting
