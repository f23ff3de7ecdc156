#include "core/feedback/RecordContent.hpp"

#include "core/io/JsonWriter.hpp"
#include "core/text/Utf8.hpp"
#include "core/util/Error.hpp"

namespace concord {

namespace {

void checkChat(const nlohmann::json& chat, const std::string& where)
{
    if (!chat.is_array()) {
        throw InputError(where + ": a chat field holds a list of messages {\"role\", \"content\"}, found " +
                         chat.type_name());
    }
    for (std::size_t i = 0; i < chat.size(); ++i) {
        const auto& message = chat[i];
        const std::string at = where + ", message " + std::to_string(i + 1);
        if (!message.is_object()) {
            throw InputError(at + ": expected an object with role and content, found " + message.type_name());
        }
        if (!message.contains("role") || !message["role"].is_string() ||
            message["role"].get_ref<const std::string&>().empty()) {
            throw InputError(at + ": key 'role' is missing or not a non-empty string (system, user, assistant, ...)");
        }
        if (!message.contains("content") || !message["content"].is_string()) {
            throw InputError(at + ": key 'content' is missing or not a string");
        }
        for (const auto& [key, value] : message.items()) {
            if (key != "role" && key != "content") {
                throw InputError(at + ": unknown key '" + key.substr(0, 64) + "' (a message has role and content)");
            }
            if (!utf8::isValid(value.get_ref<const std::string&>())) {
                throw InputError(at + ": key '" + key + "' is not valid UTF-8");
            }
        }
    }
}

} // namespace

void checkRecord(const RecordSchema& schema, const RecordContent& record, const RecordLimits& limits,
                 std::optional<std::size_t> encodedBytes)
{
    if (!record.fields.is_object()) {
        throw InputError("a record's fields must be an object of field name to value");
    }
    for (const auto& [name, value] : record.fields.items()) {
        const Field* field = schema.findField(name);
        if (!field) {
            throw InputError("field '" + name.substr(0, 64) + "' is not among the project's fields (" +
                             schema.fieldNames() + ")");
        }
        const std::string where = "field '" + name + "'";
        if (field->kind == FieldKind::Chat) {
            checkChat(value, where);
        } else if (!value.is_string()) {
            throw InputError(where + ": a " + std::string(toString(field->kind)) + " field holds a string, found " +
                             value.type_name());
        } else if (!utf8::isValid(value.get_ref<const std::string&>())) {
            throw InputError(where + " is not valid UTF-8");
        }
    }
    for (const auto& field : schema.fields) {
        if (!field.required) {
            continue;
        }
        const auto found = record.fields.find(field.name);
        if (found == record.fields.end() || found->empty() ||
            (found->is_string() && found->get_ref<const std::string&>().empty())) {
            throw InputError("field '" + field.name + "' is required and missing or empty");
        }
    }
    if (!record.meta.is_object()) {
        throw InputError("a record's field metadata must be an object of field name to object");
    }
    for (const auto& [name, value] : record.meta.items()) {
        if (!schema.findField(name)) {
            throw InputError("metadata of field '" + name.substr(0, 64) +
                             "', which is not among the project's fields (" + schema.fieldNames() + ")");
        }
        if (!value.is_object()) {
            throw InputError("metadata of field '" + name + "' must be an object, as in {\"model\":\"model-x\"}");
        }
    }
    const std::string metaText = record.meta.dump();
    checkMetadata(record.meta, metaText, limits);
    // One limit for the whole record, as for a one-text sample: the fields travel together.
    const std::size_t bytes = encodedBytes ? *encodedBytes : encodeRecord(record).size();
    if (bytes > limits.textBytes) {
        throw InputError("the record takes " + std::to_string(bytes) +
                         " bytes as JSON, more than the project's largest text (max_text_bytes " +
                         std::to_string(limits.textBytes) + ")");
    }
}

std::string fieldText(const RecordContent& record, std::string_view name)
{
    const auto found = record.fields.find(std::string(name));
    if (found == record.fields.end()) {
        return {};
    }
    if (found->is_string()) {
        return found->get<std::string>();
    }
    std::string turns;
    if (found->is_array()) {
        for (const auto& message : *found) {
            if (!message.is_object()) {
                continue;
            }
            // Unchecked records (a replica's, as the server sent them) may hold anything.
            const auto text = [&](const char* key) {
                const auto found = message.find(key);
                return found != message.end() && found->is_string() ? found->get<std::string>() : std::string();
            };
            turns += (turns.empty() ? "" : "\n") + text("role") + ": " + text("content");
        }
    }
    return turns;
}

std::string primaryText(const RecordSchema& schema, const RecordContent& record)
{
    for (const auto& field : schema.fields) {
        if (field.kind != FieldKind::Chat) {
            if (auto text = fieldText(record, field.name); !text.empty()) {
                return text;
            }
        }
    }
    for (const auto& field : schema.fields) {
        if (field.kind == FieldKind::Chat) {
            if (auto text = fieldText(record, field.name); !text.empty()) {
                return text;
            }
        }
    }
    return {};
}

std::string encodeRecord(const RecordContent& record)
{
    std::string out;
    out.reserve(4096);
    out += "{\"fields\":";
    io::appendJson(out, record.fields);
    if (!record.meta.empty()) {
        out += ",\"meta\":";
        io::appendJson(out, record.meta);
    }
    out += '}';
    return out;
}

RecordContent decodeRecord(std::string_view encoded)
{
    auto json = nlohmann::json::parse(encoded, nullptr, false);
    const auto fields = json.is_object() ? json.find("fields") : json.end();
    if (fields == json.end() || !fields->is_object()) {
        throw InputError("a stored record is not {\"fields\":{...}}");
    }
    RecordContent record;
    // Moved, not copied: an export decodes every record once.
    record.fields = std::move(*fields);
    if (const auto meta = json.find("meta"); meta != json.end() && meta->is_object()) {
        record.meta = std::move(*meta);
    }
    return record;
}

RecordContent recordOf(const Sample& sample)
{
    if (sample.record.empty()) {
        RecordContent record;
        record.fields = {{"text", sample.text}};
        return record;
    }
    return decodeRecord(sample.record);
}

} // namespace concord
