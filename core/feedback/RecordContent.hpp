// A record's content: the value of each field (a string, or a list of chat messages) and each
// field's metadata (such as the model that wrote it). Checked against the schema and the size
// limits where it enters (import, sync); stored as JSON text in the samples table.
#pragma once

#include "core/feedback/RecordSchema.hpp"
#include "core/model/RecordLimits.hpp"
#include "core/model/Records.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace concord {

struct RecordContent
{
    nlohmann::json fields = nlohmann::json::object(); // field name -> string or [{"role","content"}]
    nlohmann::json meta = nlohmann::json::object();   // field name -> object, only for fields that have some
};

// Throws InputError naming the field and what was expected: a field the schema lacks, a required
// field missing or empty, a chat message without a role, a record larger than the project's
// largest text (measured on its stored encoding, encodeRecord(): every field and its metadata).
// `encodedBytes`: the size of encodeRecord(record) when the caller has it already.
void checkRecord(const RecordSchema& schema, const RecordContent& record, const RecordLimits& limits,
                 std::optional<std::size_t> encodedBytes = std::nullopt);

// The text a field holds; a chat's turns as "role: content" lines. Empty for an absent field.
std::string fieldText(const RecordContent& record, std::string_view name);

// What the samples table keeps as a record's `text`, for search, duplicates and the built-in
// model: its first text or markdown field that is not empty, else its first chat as turns.
std::string primaryText(const RecordSchema& schema, const RecordContent& record);

// The stored form: {"fields":{...},"meta":{...}} ("meta" left out when empty).
std::string encodeRecord(const RecordContent& record);
// Throws InputError when `encoded` is not the stored form.
RecordContent decodeRecord(std::string_view encoded);
// A stored record's fields: its encoded record, or the one field `text` of a record without one.
RecordContent recordOf(const Sample& sample);

} // namespace concord
