#include "core/export/LabelStudioResults.hpp"

#include "core/export/LabelStudioFormat.hpp"
#include "core/export/LabelStudioText.hpp"
#include "core/text/Utf8.hpp"

namespace concord::exporting::detail {

using nlohmann::json;

namespace {

// {"start","end","text","labels"}: one span per label, offsets in code points as they are.
void readSpan(const json& value, const ExportSchema& schema, ExportRecord& record, const Where& where,
              const std::string& path)
{
    const std::int64_t start = requireInteger(value, "start", where, path);
    const std::int64_t end = requireInteger(value, "end", where, path);
    checkOffsets(start, end, record.text, path, where);
    const std::string covered(utf8::slice(record.text, static_cast<std::size_t>(start), static_cast<std::size_t>(end)));
    if (const auto text = value.find("text"); text != value.end() && text->is_string()) {
        if (!sameLabelStudioText(text->get_ref<const std::string&>(), covered)) {
            // Both as JSON strings, so that line breaks and escapes show as what they are.
            where.fail(path + ".text", "is " + text->dump() + " but code points " + std::to_string(start) + ".." +
                                           std::to_string(end) + " cover " + json(covered).dump());
        }
    }
    const json& labels = requireField(value, "labels", where, path);
    if (!labels.is_array() || labels.empty()) {
        where.fail(path + ".labels", "is " + labels.dump() + ", expected a list of label names");
    }
    for (std::size_t j = 0; j < labels.size(); ++j) {
        record.spans.push_back(
            {start, end, labelFrom(labels[j], schema, path + ".labels[" + std::to_string(j) + "]", where)});
    }
}

// Returns whether the list was empty (an answer with no label).
bool readChoices(const json& value, const ExportSchema& schema, ExportRecord& record, const Where& where,
                 const std::string& path)
{
    const json& choices = requireField(value, "choices", where, path);
    if (!choices.is_array()) {
        where.fail(path + ".choices", "is " + describeType(choices) + ", expected a list");
    }
    for (std::size_t j = 0; j < choices.size(); ++j) {
        record.labels.push_back(labelFrom(choices[j], schema, path + ".choices[" + std::to_string(j) + "]", where));
    }
    return choices.empty();
}

void readRating(const json& value, const ExportSchema& schema, ExportRecord& record, const Where& where,
                const std::string& path)
{
    const std::int64_t stars = requireInteger(value, "rating", where, path);
    const int count = labelStudioStarCount(schema);
    if (stars < 1 || stars > count) {
        where.fail(path + ".rating", "is " + std::to_string(stars) + " stars, off the 1.." + std::to_string(count) +
                                         " stars that stand for the ratings " + std::to_string(schema.ratingMin) +
                                         ".." + std::to_string(schema.ratingMax));
    }
    record.rating = ratingOfLabelStudioStars(static_cast<int>(stars), schema);
}

} // namespace

std::string labelStudioResultType(TaskKind kind)
{
    switch (kind) {
    case TaskKind::Spans:
        return "labels";
    case TaskKind::Rating:
        return "rating";
    default:
        return "choices";
    }
}

void readLabelStudioResults(const json& annotation, const ExportSchema& schema, ExportRecord& record,
                            const Where& where, const std::string& path, std::map<std::string, std::size_t>& notTaken)
{
    const json& result = requireField(annotation, "result", where, path);
    if (!result.is_array()) {
        where.fail(path + ".result", "is " + describeType(result) + ", expected a list");
    }
    bool emptyChoices = false;
    const std::string ours = labelStudioResultType(schema.kind);
    for (std::size_t i = 0; i < result.size(); ++i) {
        const std::string itemPath = path + ".result[" + std::to_string(i) + "]";
        const std::string type = requireString(result[i], "type", where, itemPath);
        if (type != ours) {
            ++notTaken[type]; // another control's result (a text area, a relation, HyperText labels)
            continue;
        }
        const json& value = requireField(result[i], "value", where, itemPath);
        const std::string valuePath = itemPath + ".value";
        if (type == "labels") {
            readSpan(value, schema, record, where, valuePath);
        } else if (type == "choices") {
            emptyChoices = readChoices(value, schema, record, where, valuePath) || emptyChoices;
        } else {
            readRating(value, schema, record, where, valuePath);
        }
    }
    sortSpans(record.spans);
    sortLabels(record.labels, schema);
    // Submitted with nothing marked ("none of these", or no span in the text): Label Studio
    // writes an empty result, Concord an empty choices result.
    const bool nothing = record.labels.empty() && record.spans.empty() && !record.rating;
    record.emptyAnswer = nothing && (schema.kind == TaskKind::Multi || schema.kind == TaskKind::Spans) &&
                         (result.empty() || emptyChoices);
    if (schema.kind == TaskKind::Single && record.labels.size() > 1) {
        where.fail(path + ".result", "more than one choice in a single-label project");
    }
}

} // namespace concord::exporting::detail
