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
    return {{"sample", row.sampleId},          {"annotator", row.annotator},
            {"value", json::parse(row.value)}, {"created_at", row.createdAt},
            {"updated_at", row.updatedAt},     {"hlc", row.stamp.hlc},
            {"client", row.stamp.client},      {"seq", row.seq}};
}

json resolutionToJson(const ResolutionChange& row)
{
    return {{"sample", row.sampleId},
            {"value", json::parse(row.value)},
            {"note", row.note},
            {"author", row.author},
            {"updated_at", row.updatedAt},
            {"hlc", row.stamp.hlc},
            {"client", row.stamp.client},
            {"seq", row.seq}};
}

AnnotationChange annotationFromJson(const json& value, const std::string& path)
{
    const JsonFields fields(value, path);
    AnnotationChange row;
    row.sampleId = fields.string("sample", kMaxIdBytes);
    row.annotator = fields.string("annotator", kMaxNameBytes);
    row.value = fields.object("value").dump();
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
