// Reading a JSON object that came from a peer: each accessor checks the field's presence, type
// and range and throws ProtocolError(BadMessage) naming the field ("push.ops[2].hlc: expected an
// integer"), so that a malformed message gets an error a person can act on.
#pragma once

#include "core/model/RecordLimits.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace concord::net {

// The largest integer a field may hold (ids, cursors, clocks).
inline constexpr std::int64_t kMaxInt = std::numeric_limits<std::int64_t>::max();

// Maximum nesting of arrays and objects in a payload. Ours need 5 (and a sample's metadata what
// core allows it); the bound keeps a hostile "[[[[..." from costing stack depth in the parser
// and in the value's destructor.
constexpr int kMaxJsonDepth = limits::kMessageDepth;

// Parses a payload that must be a JSON object in UTF-8. Throws ProtocolError(BadJson).
nlohmann::json parseJsonObject(std::string_view payload);

class JsonFields
{
public:
    // Throws when `value` is not an object.
    JsonFields(const nlohmann::json& value, std::string path, std::optional<std::int64_t> requestId = std::nullopt);

    void setRequestId(std::optional<std::int64_t> requestId) { m_requestId = requestId; }
    const nlohmann::json* find(std::string_view name) const;

    std::string string(std::string_view name, std::size_t maxBytes, bool allowEmpty = false) const;
    std::string optionalString(std::string_view name, std::size_t maxBytes, std::string fallback = {}) const;
    std::int64_t integer(std::string_view name, std::int64_t min, std::int64_t max) const;
    std::int64_t optionalInteger(std::string_view name, std::int64_t min, std::int64_t max,
                                 std::int64_t fallback) const;
    bool boolean(std::string_view name) const;
    bool optionalBoolean(std::string_view name, bool fallback) const;
    const nlohmann::json& object(std::string_view name) const;
    const nlohmann::json& array(std::string_view name, std::size_t maxItems) const;

    [[noreturn]] void fail(std::string_view name, const std::string& problem) const;

private:
    const nlohmann::json& require(std::string_view name) const;
    const nlohmann::json& m_value;
    std::string m_path;
    std::optional<std::int64_t> m_requestId;
};

} // namespace concord::net
