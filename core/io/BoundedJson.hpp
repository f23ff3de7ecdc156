// JSON from files and peers is checked for nesting before anything walks it: nlohmann's parser
// does not recurse, but copying, dumping and comparing a value do, so "[[[[..." a hundred
// thousand levels deep would overflow the stack after a successful parse.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace concord::io {

// Whether `text` nests arrays and objects deeper than `limit`, counting brackets outside
// strings. Linear and without recursion, so that it is safe on any input.
bool nestsDeeperThan(std::string_view text, int limit);

// Parses `text` when it nests at most `maxDepth` levels. Throws InputError "nests deeper than N
// levels" or nlohmann's parse_error, so that callers keep their own wording for syntax errors.
nlohmann::json parseBoundedJson(std::string_view text, int maxDepth);

} // namespace concord::io
