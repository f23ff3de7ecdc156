// Slows down failed logins: each failure from a peer address doubles the delay before the
// refusal is sent (from 250 ms to at most 8 s), and a quiet quarter of an hour forgets them.
// The delay is a timer on the session, never a sleeping thread, so other clients carry on.
#pragma once

#include <chrono>
#include <string>
#include <unordered_map>

namespace concord::net {

class LoginThrottle
{
public:
    using Clock = std::chrono::steady_clock;

    explicit LoginThrottle(std::chrono::milliseconds base = std::chrono::milliseconds(250),
                           std::chrono::milliseconds max = std::chrono::seconds(8));

    // Records a failure from `peer` and returns how long to wait before answering it.
    std::chrono::milliseconds failed(const std::string& peer, Clock::time_point now = Clock::now());
    void succeeded(const std::string& peer);

private:
    struct Entry
    {
        int failures = 0;
        Clock::time_point last;
    };
    void prune(Clock::time_point now);

    std::chrono::milliseconds m_base;
    std::chrono::milliseconds m_max;
    std::unordered_map<std::string, Entry> m_entries;
};

} // namespace concord::net
