#include "app/cli/sync/UtcTime.hpp"

#include <ctime>

namespace concord::cli {

std::string utcMinute(std::int64_t ms)
{
    const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &utc);
    return text;
}

} // namespace concord::cli
