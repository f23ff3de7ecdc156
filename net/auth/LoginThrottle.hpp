// Slows down failed logins. Failures are counted per peer address: each doubles the delay
// before the next refusal is sent (from 250 ms to at most 8 s per failure), and the refusals
// from one address go out one after another, so guessing on many connections at once is no
// faster than on one. A successful login forgives only that user's own failures from that
// address (a typo), never another user's: a guesser cannot reset the count by logging in as
// himself. A quiet quarter of an hour forgets an address. The delay is a timer on the session,
// never a sleeping thread, so other clients carry on.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <unordered_map>

namespace concord::net {

class LoginThrottle
{
public:
    using Clock = std::chrono::steady_clock;

    explicit LoginThrottle(std::chrono::milliseconds base = std::chrono::milliseconds(250),
                           std::chrono::milliseconds max = std::chrono::seconds(8));

    // Records a refused login of `user` from `peer`; returns how long to wait before answering
    // it (counting the refusals from that address still waiting to go out).
    std::chrono::milliseconds failed(const std::string& peer, const std::string& user,
                                     Clock::time_point now = Clock::now());
    void succeeded(const std::string& peer, const std::string& user);

    static constexpr auto kForgetAfter = std::chrono::minutes(15);

private:
    struct Entry
    {
        int failures = 0;
        Clock::time_point last;
        Clock::time_point nextAnswer;      // when the latest refusal from this address goes out
        std::map<std::string, int> byUser; // the failures of each user name tried
    };
    void prune(Clock::time_point now);

    std::chrono::milliseconds m_base;
    std::chrono::milliseconds m_max;
    std::unordered_map<std::string, Entry> m_entries;
};

} // namespace concord::net
