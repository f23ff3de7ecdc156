// Reading the ISO 8601 timestamps other tools write ("2021-03-09T22:16:08.728353Z", Label
// Studio's created_at and updated_at), so that two of them compare by the instant they name and
// not as strings ("…:08Z" sorts after "…:08.5Z" as text, though it is half a second earlier).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace concord::exporting {

// Microseconds since the Unix epoch of "YYYY-MM-DD[T ]HH:MM:SS[.fraction][Z|±HH:MM|±HHMM]" (no
// zone: UTC; digits past the sixth of the fraction are dropped); nullopt for anything else.
std::optional<std::int64_t> parseIsoTimestamp(std::string_view text);

} // namespace concord::exporting
