// The Label Studio writer; see LabelStudioFormat.hpp.
#include "core/export/LabelStudioFormat.hpp"

#include "core/export/FormatSupport.hpp"
#include "core/text/Utf8.hpp"
#include "core/util/Error.hpp"

#include <map>

namespace concord::exporting {

using nlohmann::json;

namespace {

json resultItem(std::string type, json value, std::size_t index)
{
    return {{"id", "r" + std::to_string(index)}, {"from_name", "label"},      {"to_name", "text"},
            {"type", std::move(type)},           {"value", std::move(value)}, {"origin", "manual"}};
}

int starsOf(const ExportRecord& record, const ExportSchema& schema)
{
    if (*record.rating < schema.ratingMin || *record.rating > schema.ratingMax) {
        throw InputError("record '" + record.id + "': rating " + std::to_string(*record.rating) + " is off the scale " +
                         std::to_string(schema.ratingMin) + ".." + std::to_string(schema.ratingMax));
    }
    return labelStudioStars(*record.rating, schema);
}

json annotationOf(const ExportRecord& record, const ExportSchema& schema)
{
    json result = json::array();
    switch (schema.kind) {
    case TaskKind::Spans:
        detail::checkSpansFit(record);
        for (const auto& span : record.spans) {
            // Code points are Label Studio's unit too: the offsets go out as they are.
            json value = {{"start", span.start},
                          {"end", span.end},
                          {"text", std::string(utf8::slice(record.text, static_cast<std::size_t>(span.start),
                                                           static_cast<std::size_t>(span.end)))},
                          {"labels", {span.label}}};
            result.push_back(resultItem("labels", std::move(value), result.size() + 1));
        }
        break;
    case TaskKind::Single:
    case TaskKind::Multi:
        result.push_back(resultItem("choices", {{"choices", record.labels}}, 1));
        break;
    case TaskKind::Rating:
        result.push_back(resultItem("rating", {{"rating", starsOf(record, schema)}}, 1));
        break;
    }
    json annotation = {
        {"result", std::move(result)}, {"was_cancelled", false}, {"ground_truth", record.source == "gold"}};
    if (!record.annotator.empty()) {
        annotation["completed_by"] = {{"email", record.annotator}};
    }
    return annotation;
}

} // namespace

void writeLabelStudio(const std::vector<ExportRecord>& records, const ExportSchema& schema, std::ostream& out,
                      const LabelStudioOptions& options)
{
    // Tasks in the order their ids first appear; each record with a value is one annotation.
    std::vector<json> tasks;
    std::map<std::string, std::size_t> taskOf;
    for (const auto& record : records) {
        auto [found, added] = taskOf.try_emplace(record.id, tasks.size());
        if (added) {
            json task = {{"id", static_cast<std::int64_t>(tasks.size()) + 1},
                         {"data", {{"text", record.text}, {"id", record.id}}},
                         {"annotations", json::array()}};
            if (options.includeMetadata && record.metadata.is_object() && !record.metadata.empty()) {
                task["meta"] = record.metadata;
            }
            tasks.push_back(std::move(task));
        } else if (tasks[found->second]["data"]["text"] != record.text) {
            throw InputError("record '" + record.id + "' appears twice with different texts");
        }
        if (hasValue(record, schema.kind)) {
            tasks[found->second]["annotations"].push_back(annotationOf(record, schema));
        }
    }
    out << "[\n";
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        out << tasks[i].dump() << (i + 1 < tasks.size() ? ",\n" : "\n");
    }
    out << "]\n";
}

} // namespace concord::exporting
