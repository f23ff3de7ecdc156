// Writes JSON exactly as nlohmann::json::dump() does (compact, UTF-8 kept as it is), faster:
// strings are copied in runs between the bytes that need an escape, where dump() looks at each
// byte through its UTF-8 decoder. An export of 100,000 records spent a fifth of its time there,
// and an import of records more than SQLite's whole write. The strings must be valid UTF-8, as
// every string parsed by nlohmann::json is (text is validated where it enters).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace concord::io {

void appendJsonString(std::string& out, std::string_view text);
void appendJson(std::string& out, const nlohmann::ordered_json& value);
void appendJson(std::string& out, const nlohmann::json& value);

} // namespace concord::io
