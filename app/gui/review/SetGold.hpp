// Storing a reviewer's gold value, as both review screens do: Project::resolve, with a failure
// phrased for the screen ("The gold value of 'r7' was not set: ...").
#pragma once

#include <QString>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace concord {
class Project;
}

namespace concord::gui {

// Returns the failure's message, or nullopt when the value was stored. `question`: empty for
// the project's first.
std::optional<QString> setGold(Project& project, const std::string& recordId, const std::string& reviewer,
                               const nlohmann::json& value, const std::string& note, const std::string& question = {});

} // namespace concord::gui
