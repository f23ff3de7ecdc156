// How a client retries after a failed connection: a bounded number of attempts with delays
// that double up to a maximum, each with random jitter so that clients cut off together do
// not all return at the same instant.
#pragma once

#include <algorithm>
#include <chrono>
#include <random>

namespace concord::net {

struct RetryPolicy
{
    int attempts = 5;
    std::chrono::milliseconds firstDelay{250};
    std::chrono::milliseconds maxDelay{10'000};
};

// The delay before attempt `attempt` (2 is the first retry): between half and all of
// firstDelay * 2^(attempt-2), capped at maxDelay.
inline std::chrono::milliseconds backoffDelay(const RetryPolicy& policy, int attempt)
{
    auto delay = policy.firstDelay;
    for (int i = 2; i < attempt && delay < policy.maxDelay; ++i) {
        delay *= 2;
    }
    delay = std::min(delay, policy.maxDelay);
    thread_local std::minstd_rand random{std::random_device{}()};
    std::uniform_int_distribution<long long> jitter(delay.count() / 2, std::max<long long>(delay.count(), 1));
    return std::chrono::milliseconds(jitter(random));
}

} // namespace concord::net
