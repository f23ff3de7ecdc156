// Ready schemas for the common shapes of feedback data, so that a new project starts in one
// command (`concord-cli init --template NAME`).
#pragma once

#include "core/feedback/RecordContent.hpp"
#include "core/feedback/RecordSchema.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace concord {

std::vector<std::string> templateNames();
// The template's schema in the new form; throws SettingError("template") naming the templates.
nlohmann::json templateSchema(std::string_view name);

// A record that fills every field of `schema` with a short example of its kind (a prompt, a
// markdown response with a list and code, a three-turn chat), for a preview of the annotate
// screen before any data is imported.
RecordContent exampleRecord(const RecordSchema& schema);

} // namespace concord
