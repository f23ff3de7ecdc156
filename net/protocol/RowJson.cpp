#include "net/protocol/RowJson.hpp"

#include "net/protocol/JsonFields.hpp"
#include "net/protocol/Messages.hpp"

#include <limits>

namespace concord::net {

namespace {

using nlohmann::json;

} // namespace

json annotationToJson(const AnnotationChange& row)
{
    json out = {{"sample", row.sampleId},          {"annotator", row.annotator},
                {"value", json::parse(row.value)}, {"created_at", row.createdAt},
                {"updated_at", row.updatedAt},     {"hlc", row.stamp.hlc},
                {"client", row.stamp.client},      {"seq", row.seq},
                {"question", row.question}};
    if (!row.context.empty()) {
        out["context"] = json::parse(row.context);
    }
    return out;
}

json resolutionToJson(const ResolutionChange& row)
{
    return {{"sample", row.sampleId}, {"question", row.question},   {"value", json::parse(row.value)},
            {"note", row.note},       {"author", row.author},       {"updated_at", row.updatedAt},
            {"hlc", row.stamp.hlc},   {"client", row.stamp.client}, {"seq", row.seq}};
}

json responseToJson(const ResponseChange& row)
{
    return {{"sample", row.sampleId}, {"annotator", row.annotator},    {"status", row.status},
            {"reason", row.reason},   {"duration_ms", row.durationMs}, {"updated_at", row.updatedAt},
            {"hlc", row.stamp.hlc},   {"client", row.stamp.client},    {"seq", row.seq}};
}

json suggestionToJson(const SuggestionChange& row)
{
    return {{"sample", row.sampleId},
            {"question", row.question},
            {"agent", row.agent},
            {"value", json::parse(row.value)},
            {"score", row.score ? json(*row.score) : json()},
            {"updated_at", row.updatedAt},
            {"seq", row.seq}};
}

ResponseChange responseFromJson(const json& value, const std::string& path)
{
    const JsonFields fields(value, path);
    ResponseChange row;
    row.sampleId = fields.string("sample", kMaxIdBytes);
    row.annotator = fields.string("annotator", kMaxNameBytes);
    row.status = fields.string("status", 16);
    if (row.status != "draft" && row.status != "submitted" && row.status != "discarded") {
        fields.fail("status", "expected draft, submitted or discarded");
    }
    row.reason = fields.optionalString("reason", kMaxNoteBytes);
    row.durationMs = fields.optionalInteger("duration_ms", 0, kMaxInt, 0);
    row.updatedAt = fields.integer("updated_at", 0, kMaxInt);
    row.stamp.hlc = fields.integer("hlc", 0, kMaxInt);
    row.stamp.client = fields.string("client", kMaxNameBytes, true);
    row.seq = fields.integer("seq", 0, kMaxInt);
    return row;
}

SuggestionChange suggestionFromJson(const json& value, const std::string& path)
{
    const JsonFields fields(value, path);
    SuggestionChange row;
    row.sampleId = fields.string("sample", kMaxIdBytes);
    row.question = fields.string("question", kMaxNameBytes);
    row.agent = fields.string("agent", kMaxNameBytes);
    row.value = fields.object("value").dump();
    if (const auto* score = fields.find("score"); score && !score->is_null()) {
        if (!score->is_number()) {
            fields.fail("score", "expected a number or null");
        }
        row.score = score->get<double>();
    }
    row.updatedAt = fields.integer("updated_at", 0, kMaxInt);
    row.seq = fields.integer("seq", 0, kMaxInt);
    return row;
}

AnnotationChange annotationFromJson(const json& value, const std::string& path)
{
    const JsonFields fields(value, path);
    AnnotationChange row;
    row.sampleId = fields.string("sample", kMaxIdBytes);
    row.annotator = fields.string("annotator", kMaxNameBytes);
    row.question = fields.optionalString("question", kMaxNameBytes);
    row.value = fields.object("value").dump();
    if (const auto* context = fields.find("context"); context && !context->is_null()) {
        row.context = fields.object("context").dump();
    }
    row.createdAt = fields.integer("created_at", 0, kMaxInt);
    row.updatedAt = fields.integer("updated_at", 0, kMaxInt);
    row.stamp.hlc = fields.integer("hlc", 0, kMaxInt);
    row.stamp.client = fields.string("client", kMaxNameBytes, true);
    row.seq = fields.integer("seq", 0, kMaxInt);
    return row;
}

ResolutionChange resolutionFromJson(const json& value, const std::string& path)
{
    const JsonFields fields(value, path);
    ResolutionChange row;
    row.sampleId = fields.string("sample", kMaxIdBytes);
    row.question = fields.optionalString("question", kMaxNameBytes);
    row.value = fields.object("value").dump();
    row.note = fields.string("note", kMaxNoteBytes, true);
    row.author = fields.string("author", kMaxNameBytes);
    row.updatedAt = fields.integer("updated_at", 0, kMaxInt);
    row.stamp.hlc = fields.integer("hlc", 0, kMaxInt);
    row.stamp.client = fields.string("client", kMaxNameBytes, true);
    row.seq = fields.integer("seq", 0, kMaxInt);
    return row;
}

} // namespace concord::net
