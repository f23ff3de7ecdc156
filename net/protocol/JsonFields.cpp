#include "net/protocol/JsonFields.hpp"

#include "core/io/BoundedJson.hpp"
#include "net/protocol/ProtocolError.hpp"

#include <limits>

namespace concord::net {

namespace {

std::string typeName(const nlohmann::json& value)
{
    return value.type_name();
}

} // namespace

nlohmann::json parseJsonObject(std::string_view payload)
{
    if (io::nestsDeeperThan(payload, kMaxJsonDepth)) {
        throw ProtocolError(ErrorCode::BadJson,
                            "the message nests deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    }
    nlohmann::json value;
    try {
        value = nlohmann::json::parse(payload.begin(), payload.end());
    } catch (const nlohmann::json::exception& error) {
        throw ProtocolError(ErrorCode::BadJson, std::string("the message is not valid JSON: ") + error.what());
    }
    if (!value.is_object()) {
        throw ProtocolError(ErrorCode::BadJson,
                            "the message is JSON but not an object (found " + typeName(value) + ")");
    }
    return value;
}

JsonFields::JsonFields(const nlohmann::json& value, std::string path, std::optional<std::int64_t> requestId)
    : m_value(value), m_path(std::move(path)), m_requestId(requestId)
{
    if (!m_value.is_object()) {
        throw ProtocolError(ErrorCode::BadMessage, m_path + ": expected an object, found " + typeName(m_value), false,
                            m_requestId);
    }
}

void JsonFields::fail(std::string_view name, const std::string& problem) const
{
    throw ProtocolError(ErrorCode::BadMessage, m_path + "." + std::string(name) + ": " + problem, false, m_requestId);
}

const nlohmann::json* JsonFields::find(std::string_view name) const
{
    const auto it = m_value.find(name);
    return it == m_value.end() ? nullptr : &*it;
}

const nlohmann::json& JsonFields::require(std::string_view name) const
{
    const auto* value = find(name);
    if (value == nullptr) {
        fail(name, "missing");
    }
    return *value;
}

std::string JsonFields::string(std::string_view name, std::size_t maxBytes, bool allowEmpty) const
{
    const auto& value = require(name);
    if (!value.is_string()) {
        fail(name, "expected a string, found " + typeName(value));
    }
    const auto& text = value.get_ref<const std::string&>();
    if (text.empty() && !allowEmpty) {
        fail(name, "must not be empty");
    }
    if (text.size() > maxBytes) {
        fail(name, "longer than " + std::to_string(maxBytes) + " bytes");
    }
    return text;
}

std::string JsonFields::optionalString(std::string_view name, std::size_t maxBytes, std::string fallback) const
{
    return find(name) == nullptr ? fallback : string(name, maxBytes, true);
}

std::int64_t JsonFields::integer(std::string_view name, std::int64_t min, std::int64_t max) const
{
    const auto& value = require(name);
    if (!value.is_number_integer()) {
        fail(name, "expected an integer, found " + typeName(value));
    }
    if (value.is_number_unsigned() &&
        value.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        fail(name, "out of range");
    }
    const auto number = value.get<std::int64_t>();
    if (number < min || number > max) {
        fail(name, "must be from " + std::to_string(min) + " to " + std::to_string(max) + ", found " +
                       std::to_string(number));
    }
    return number;
}

std::int64_t JsonFields::optionalInteger(std::string_view name, std::int64_t min, std::int64_t max,
                                         std::int64_t fallback) const
{
    return find(name) == nullptr ? fallback : integer(name, min, max);
}

bool JsonFields::boolean(std::string_view name) const
{
    const auto& value = require(name);
    if (!value.is_boolean()) {
        fail(name, "expected true or false, found " + typeName(value));
    }
    return value.get<bool>();
}

bool JsonFields::optionalBoolean(std::string_view name, bool fallback) const
{
    return find(name) == nullptr ? fallback : boolean(name);
}

const nlohmann::json& JsonFields::object(std::string_view name) const
{
    const auto& value = require(name);
    if (!value.is_object()) {
        fail(name, "expected an object, found " + typeName(value));
    }
    return value;
}

const nlohmann::json& JsonFields::array(std::string_view name, std::size_t maxItems) const
{
    const auto& value = require(name);
    if (!value.is_array()) {
        fail(name, "expected an array, found " + typeName(value));
    }
    if (value.size() > maxItems) {
        fail(name, "more than " + std::to_string(maxItems) + " items");
    }
    return value;
}

} // namespace concord::net
