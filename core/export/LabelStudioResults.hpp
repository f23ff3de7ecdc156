// One Label Studio annotation's result list read into a record's value (the Label Studio
// reader's inner part; see LabelStudioFormat.hpp for the shapes).
#pragma once

#include "core/export/ExportRecord.hpp"
#include "core/export/FormatSupport.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <map>
#include <string>

namespace concord::exporting::detail {

// The result type a project of this kind takes: "labels", "choices" or "rating".
std::string labelStudioResultType(TaskKind kind);

// Adds the value that `annotation`'s results hold for a project of `schema`'s kind to `record`
// (whose text is set): spans in code points with value.text checked, choices, or stars mapped
// back to the rating. An empty result list, or an empty choices list, is an empty answer in a
// multi-label or spans project. Results of other types are counted in `notTaken` by type.
// Throws InputError naming `path` and the field at fault.
void readLabelStudioResults(const nlohmann::json& annotation, const ExportSchema& schema, ExportRecord& record,
                            const Where& where, const std::string& path, std::map<std::string, std::size_t>& notTaken);

} // namespace concord::exporting::detail
