#include "core/feedback/RecordContent.hpp"

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

namespace {

// JSON text of a string, escaping only what JSON requires: a hundred thousand records of a few
// kilobytes go through here on import, and nlohmann's dump (which validates UTF-8 again, byte by
// byte) took longer than SQLite's whole write. The text was validated where it entered.
void appendJsonString(std::string& out, std::string_view text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c != '"' && c != '\\' && c >= 0x20) {
            continue;
        }
        out.append(text.data() + start, i - start);
        start = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default:
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        }
    }
    out.append(text.data() + start, text.size() - start);
    out += '"';
}

void appendJson(std::string& out, const nlohmann::json& value)
{
    if (value.is_string()) {
        appendJsonString(out, value.get_ref<const std::string&>());
    } else if (value.is_object()) {
        out += '{';
        bool first = true;
        for (const auto& [key, item] : value.items()) {
            out += first ? "" : ",";
            first = false;
            appendJsonString(out, key);
            out += ':';
            appendJson(out, item);
        }
        out += '}';
    } else if (value.is_array()) {
        out += '[';
        for (std::size_t i = 0; i < value.size(); ++i) {
            out += i ? "," : "";
            appendJson(out, value[i]);
        }
        out += ']';
    } else {
        out += value.dump();
    }
}

} // namespace

std::string encodeRecord(const RecordContent& record)
{
    std::string out;
    out.reserve(4096);
    out += "{\"fields\":";
    appendJson(out, record.fields);
    if (!record.meta.empty()) {
        out += ",\"meta\":";
        appendJson(out, record.meta);
    }
    out += '}';
    return out;
}

RecordContent decodeRecord(std::string_view encoded)
{
    const auto json = nlohmann::json::parse(encoded, nullptr, false);
    if (!json.is_object() || !json.contains("fields") || !json["fields"].is_object()) {
        throw InputError("a stored record is not {\"fields\":{...}}");
    }
    RecordContent record;
    record.fields = json["fields"];
    if (json.contains("meta") && json["meta"].is_object()) {
        record.meta = json["meta"];
    }
    return record;
}

} // namespace concord
