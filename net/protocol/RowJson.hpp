// Answer, gold, response and suggestion rows as they travel in `changes` and in a rejected operation's
// `current`: values as JSON objects, versions as hlc + client, and the row's sequence number.
#pragma once

#include "core/model/SyncRecords.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace concord::net {

nlohmann::json annotationToJson(const AnnotationChange& row);
nlohmann::json resolutionToJson(const ResolutionChange& row);
nlohmann::json responseToJson(const ResponseChange& row);
nlohmann::json suggestionToJson(const SuggestionChange& row);
// Throw ProtocolError(BadMessage) naming the field at fault under `path`.
AnnotationChange annotationFromJson(const nlohmann::json& value, const std::string& path);
ResolutionChange resolutionFromJson(const nlohmann::json& value, const std::string& path);
ResponseChange responseFromJson(const nlohmann::json& value, const std::string& path);
SuggestionChange suggestionFromJson(const nlohmann::json& value, const std::string& path);

} // namespace concord::net
