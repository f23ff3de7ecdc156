#include "net/auth/LoginThrottle.hpp"

#include <algorithm>

namespace concord::net {

namespace {

constexpr auto kForgetAfter = std::chrono::minutes(15);
constexpr std::size_t kPruneAbove = 10'000; // peers remembered before old entries are dropped

} // namespace

LoginThrottle::LoginThrottle(std::chrono::milliseconds base, std::chrono::milliseconds max) : m_base(base), m_max(max)
{
}

std::chrono::milliseconds LoginThrottle::failed(const std::string& peer, Clock::time_point now)
{
    if (m_entries.size() > kPruneAbove) {
        prune(now);
    }
    auto& entry = m_entries[peer];
    if (entry.failures > 0 && now - entry.last > kForgetAfter) {
        entry.failures = 0;
    }
    entry.failures = std::min(entry.failures + 1, 30);
    entry.last = now;
    auto delay = m_base;
    for (int i = 1; i < entry.failures && delay < m_max; ++i) {
        delay *= 2;
    }
    return std::min(delay, m_max);
}

void LoginThrottle::succeeded(const std::string& peer)
{
    m_entries.erase(peer);
}

void LoginThrottle::prune(Clock::time_point now)
{
    std::erase_if(m_entries, [&](const auto& item) { return now - item.second.last > kForgetAfter; });
}

} // namespace concord::net
