#include "core/export/LabelStudioFormat.hpp"

#include "core/export/FormatSupport.hpp"
#include "core/export/Utf16Offsets.hpp"
#include "core/text/Utf8.hpp"
#include "core/util/Error.hpp"

#include <map>

namespace concord::exporting {

using nlohmann::json;

namespace {

bool hasValue(const ExportRecord& record, TaskKind kind)
{
    switch (kind) {
    case TaskKind::Spans:
        return !record.spans.empty();
    case TaskKind::Rating:
        return record.rating.has_value();
    default:
        return !record.labels.empty();
    }
}

json resultItem(std::string type, json value, std::size_t index)
{
    return {{"id", "r" + std::to_string(index)}, {"from_name", "label"},      {"to_name", "text"},
            {"type", std::move(type)},           {"value", std::move(value)}, {"origin", "manual"}};
}

json annotationOf(const ExportRecord& record, const ExportSchema& schema)
{
    json result = json::array();
    switch (schema.kind) {
    case TaskKind::Spans:
        detail::checkSpansFit(record);
        for (const auto& span : record.spans) {
            json value = {{"start", codePointToUtf16(record.text, span.start)},
                          {"end", codePointToUtf16(record.text, span.end)},
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
        result.push_back(resultItem("rating", {{"rating", *record.rating}}, 1));
        break;
    }
    json annotation = {
        {"result", std::move(result)}, {"was_cancelled", false}, {"ground_truth", record.source == "gold"}};
    if (!record.annotator.empty()) {
        annotation["completed_by"] = {{"email", record.annotator}};
    }
    return annotation;
}

std::string annotatorOf(const json& annotation, const detail::Where& where, const std::string& path)
{
    const auto found = annotation.find("completed_by");
    if (found == annotation.end() || found->is_null()) {
        return {};
    }
    if (found->is_string()) {
        return found->get<std::string>();
    }
    if (found->is_number_integer()) {
        return found->dump(); // Label Studio's user id
    }
    if (found->is_object()) {
        if (const auto email = found->find("email"); email != found->end() && email->is_string()) {
            return email->get<std::string>();
        }
        if (const auto id = found->find("id"); id != found->end() && id->is_number_integer()) {
            return id->dump();
        }
    }
    where.fail(path + ".completed_by",
               "is " + detail::describeType(*found) + ", expected a user name, a user id or an object with \"email\"");
}

// Adds the annotation's results to the record; throws naming the field at fault.
void readResults(const json& annotation, const ExportSchema& schema, ExportRecord& record, const detail::Where& where,
                 const std::string& path)
{
    const json& result = detail::requireField(annotation, "result", where, path);
    if (!result.is_array()) {
        where.fail(path + ".result", "is " + detail::describeType(result) + ", expected a list");
    }
    for (std::size_t i = 0; i < result.size(); ++i) {
        const std::string itemPath = path + ".result[" + std::to_string(i) + "]";
        const json& item = result[i];
        const std::string type = detail::requireString(item, "type", where, itemPath);
        const std::string valuePath = itemPath + ".value";
        if (type == "labels" && schema.kind == TaskKind::Spans) {
            const json& value = detail::requireField(item, "value", where, itemPath);
            const std::int64_t start16 = detail::requireInteger(value, "start", where, valuePath);
            const std::int64_t end16 = detail::requireInteger(value, "end", where, valuePath);
            std::int64_t start = 0;
            std::int64_t end = 0;
            try {
                start = utf16ToCodePoint(record.text, start16);
            } catch (const InputError& error) {
                where.fail(valuePath + ".start", error.what());
            }
            try {
                end = utf16ToCodePoint(record.text, end16);
            } catch (const InputError& error) {
                where.fail(valuePath + ".end", error.what());
            }
            if (end <= start) {
                where.fail(valuePath + ".end",
                           "offset " + std::to_string(end16) + " is not after start " + std::to_string(start16));
            }
            const std::string covered(
                utf8::slice(record.text, static_cast<std::size_t>(start), static_cast<std::size_t>(end)));
            if (const auto text = value.find("text"); text != value.end() && text->is_string() && *text != covered) {
                where.fail(valuePath + ".text", "is '" + text->get<std::string>() + "' but UTF-16 offsets " +
                                                    std::to_string(start16) + ".." + std::to_string(end16) +
                                                    " cover '" + covered + "'");
            }
            const json& labels = detail::requireField(value, "labels", where, valuePath);
            if (!labels.is_array() || labels.empty()) {
                where.fail(valuePath + ".labels", "is " + labels.dump() + ", expected a list of label names");
            }
            for (std::size_t j = 0; j < labels.size(); ++j) {
                record.spans.push_back(
                    {start, end,
                     detail::labelFrom(labels[j], schema, valuePath + ".labels[" + std::to_string(j) + "]", where)});
            }
        } else if (type == "choices" && (schema.kind == TaskKind::Single || schema.kind == TaskKind::Multi)) {
            const json& value = detail::requireField(item, "value", where, itemPath);
            const json& choices = detail::requireField(value, "choices", where, valuePath);
            if (!choices.is_array()) {
                where.fail(valuePath + ".choices", "is " + detail::describeType(choices) + ", expected a list");
            }
            for (std::size_t j = 0; j < choices.size(); ++j) {
                record.labels.push_back(
                    detail::labelFrom(choices[j], schema, valuePath + ".choices[" + std::to_string(j) + "]", where));
            }
        } else if (type == "rating" && schema.kind == TaskKind::Rating) {
            const json& value = detail::requireField(item, "value", where, itemPath);
            const auto rating = detail::requireInteger(value, "rating", where, valuePath);
            record.rating = static_cast<int>(rating);
        }
        // Results of other controls (a text area, a relation, another kind) are not ours.
    }
    detail::sortSpans(record.spans);
    detail::sortLabels(record.labels, schema);
    if (schema.kind == TaskKind::Single && record.labels.size() > 1) {
        where.fail(path + ".result", "more than one choice in a single-label project");
    }
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

std::vector<ExportRecord> readLabelStudio(std::istream& input, const ExportSchema& schema,
                                          const std::string& sourceName)
{
    json tasks;
    try {
        tasks = json::parse(input);
    } catch (const json::parse_error& error) {
        throw InputError(sourceName + ": invalid JSON: " + error.what());
    }
    if (!tasks.is_array()) {
        throw InputError(sourceName + ": a Label Studio export is a JSON list of tasks, not " +
                         detail::describeType(tasks));
    }
    std::vector<ExportRecord> records;
    for (std::size_t t = 0; t < tasks.size(); ++t) {
        // Label Studio's file is one JSON value; the task's position stands in for a line.
        detail::Where where(sourceName + " task " + std::to_string(t + 1), 0);
        const json& task = tasks[t];
        const json& data = detail::requireField(task, "data", where);
        ExportRecord base;
        if (const auto id = data.is_object() ? data.find("id") : data.end(); id != data.end()) {
            base.id = detail::idFrom(*id, "data.id", where);
        } else {
            base.id = detail::idFrom(detail::requireField(task, "id", where), "id", where);
        }
        where.setId(base.id);
        base.text = detail::requireString(data, "text", where, "data");
        if (const auto meta = task.find("meta"); meta != task.end() && !meta->is_null()) {
            if (!meta->is_object()) {
                where.fail("meta", "is " + detail::describeType(*meta) + ", expected an object");
            }
            base.metadata = *meta;
        }
        std::size_t added = 0;
        if (const auto annotations = task.find("annotations"); annotations != task.end() && !annotations->is_null()) {
            if (!annotations->is_array()) {
                where.fail("annotations", "is " + detail::describeType(*annotations) + ", expected a list");
            }
            for (std::size_t a = 0; a < annotations->size(); ++a) {
                const json& annotation = (*annotations)[a];
                const std::string path = "annotations[" + std::to_string(a) + "]";
                if (!annotation.is_object()) {
                    where.fail(path, "is " + detail::describeType(annotation) + ", expected an object");
                }
                if (annotation.value("was_cancelled", false)) {
                    continue;
                }
                ExportRecord record = base;
                record.annotator = annotatorOf(annotation, where, path);
                readResults(annotation, schema, record, where, path);
                if (annotation.value("ground_truth", false) && record.annotator.empty()) {
                    record.source = "gold";
                }
                records.push_back(std::move(record));
                ++added;
            }
        }
        if (added == 0) {
            records.push_back(std::move(base));
        }
    }
    return records;
}

std::string labelStudioConfig(const ExportSchema& schema)
{
    const auto escape = [](const std::string& text) {
        std::string out;
        for (const char c : text) {
            switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
            }
        }
        return out;
    };
    std::string xml = "<View>\n  <Text name=\"text\" value=\"$text\"/>\n";
    switch (schema.kind) {
    case TaskKind::Spans:
        xml += "  <Labels name=\"label\" toName=\"text\">\n";
        for (const auto& label : schema.labels) {
            xml += "    <Label value=\"" + escape(label) + "\"/>\n";
        }
        xml += "  </Labels>\n";
        break;
    case TaskKind::Single:
    case TaskKind::Multi:
        xml += std::string("  <Choices name=\"label\" toName=\"text\" choice=\"") +
               (schema.kind == TaskKind::Single ? "single" : "multiple") + "\">\n";
        for (const auto& label : schema.labels) {
            xml += "    <Choice value=\"" + escape(label) + "\"/>\n";
        }
        xml += "  </Choices>\n";
        break;
    case TaskKind::Rating:
        xml += "  <Rating name=\"label\" toName=\"text\" maxRating=\"" + std::to_string(schema.ratingMax) + "\"/>\n";
        break;
    }
    return xml + "</View>\n";
}

} // namespace concord::exporting
