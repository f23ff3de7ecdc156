// The samples list's filter as one signal expression: a stored signal and a search text typed by
// the user, so that the GUI filters through SignalEngine without writing SQL of its own.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace concord::signals {

// An expression true for samples whose id or text contains `search` (ASCII letters compared
// without case, as SQLite's lower() does). The text is embedded as a quoted SQL literal, so any
// characters are safe. nullopt for an empty or all-blank search.
std::optional<std::string> searchExpression(std::string_view search);

// Both conditions joined with AND (either may be absent); nullopt when neither is given, which
// means "every sample".
std::optional<std::string> filterExpression(const std::optional<std::string>& signalExpression,
                                            std::string_view search);

} // namespace concord::signals
