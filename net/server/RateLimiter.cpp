#include "net/server/RateLimiter.hpp"

#include <algorithm>

namespace concord::net {

bool RateLimiter::take(const std::string& user, std::int64_t count, std::int64_t nowMs)
{
    const auto capacity = static_cast<double>(m_perMinute);
    auto [found, added] = m_buckets.try_emplace(user, Bucket{capacity, nowMs});
    Bucket& bucket = found->second;
    if (!added && nowMs > bucket.lastMs) {
        bucket.tokens =
            std::min(capacity, bucket.tokens + static_cast<double>(nowMs - bucket.lastMs) * capacity / 60'000.0);
    }
    bucket.lastMs = std::max(bucket.lastMs, nowMs);
    const double needed = std::min(static_cast<double>(count), capacity);
    if (bucket.tokens < needed) {
        return false;
    }
    bucket.tokens -= static_cast<double>(count);
    return true;
}

} // namespace concord::net
