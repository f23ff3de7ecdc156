// Operations per user and minute, as a token bucket: a user may send a burst of the whole
// minute's allowance, after which the allowance refills evenly. A push larger than what is left
// goes through only when the bucket is full (and leaves it in debt), so that no push is refused
// for ever. Used on the database thread only.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>

namespace concord::net {

class RateLimiter
{
public:
    explicit RateLimiter(std::int64_t perMinute) : m_perMinute(perMinute) {}

    // Takes `count` operations from `user`'s allowance at `nowMs`; false (nothing taken) when
    // they would exceed it.
    bool take(const std::string& user, std::int64_t count, std::int64_t nowMs);

private:
    struct Bucket
    {
        double tokens = 0;
        std::int64_t lastMs = 0;
    };
    std::int64_t m_perMinute;
    std::unordered_map<std::string, Bucket> m_buckets;
};

} // namespace concord::net
