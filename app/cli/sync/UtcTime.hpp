// Times the sync commands print (a user's creation or revocation, a reservation's end).
#pragma once

#include <cstdint>
#include <string>

namespace concord::cli {

// Milliseconds since the epoch as "YYYY-MM-DD HH:MM", in UTC.
std::string utcMinute(std::int64_t ms);

} // namespace concord::cli
