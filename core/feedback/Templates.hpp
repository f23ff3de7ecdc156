// Ready schemas for the common shapes of feedback data, so that a new project starts in one
// command (`concord-cli init --template NAME`).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace concord {

std::vector<std::string> templateNames();
// The template's schema in the new form; throws SettingError("template") naming the templates.
nlohmann::json templateSchema(std::string_view name);

} // namespace concord
