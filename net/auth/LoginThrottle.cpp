#include "net/auth/LoginThrottle.hpp"

#include <algorithm>

namespace concord::net {

namespace {

constexpr std::size_t kPruneAbove = 10'000;     // addresses remembered before quiet ones are dropped
constexpr int kMaxCounted = 30;                 // failures counted per address; the delay is capped anyway
constexpr std::size_t kMaxUsersPerAddress = 64; // user names remembered per address

} // namespace

LoginThrottle::LoginThrottle(std::chrono::milliseconds base, std::chrono::milliseconds max) : m_base(base), m_max(max)
{}

std::chrono::milliseconds LoginThrottle::failed(const std::string& peer, const std::string& user, Clock::time_point now)
{
    if (m_entries.size() > kPruneAbove) {
        prune(now);
    }
    auto& entry = m_entries[peer];
    if (entry.failures > 0 && now - entry.last > kForgetAfter) {
        entry = Entry{};
    }
    entry.failures = std::min(entry.failures + 1, kMaxCounted);
    if (entry.byUser.size() < kMaxUsersPerAddress || entry.byUser.contains(user)) {
        ++entry.byUser[user];
    }
    entry.last = now;
    auto delay = m_base;
    for (int i = 1; i < entry.failures && delay < m_max; ++i) {
        delay *= 2;
    }
    delay = std::min(delay, m_max);
    const auto answer = std::max(now, entry.nextAnswer) + delay;
    entry.nextAnswer = answer;
    return std::chrono::duration_cast<std::chrono::milliseconds>(answer - now);
}

void LoginThrottle::succeeded(const std::string& peer, const std::string& user)
{
    const auto found = m_entries.find(peer);
    if (found == m_entries.end()) {
        return;
    }
    auto& entry = found->second;
    if (const auto own = entry.byUser.find(user); own != entry.byUser.end()) {
        entry.failures = std::max(0, entry.failures - own->second);
        entry.byUser.erase(own);
    }
    if (entry.failures == 0) {
        m_entries.erase(found); // every failure was this user's: nothing else is waiting
    }
}

void LoginThrottle::prune(Clock::time_point now)
{
    std::erase_if(m_entries, [&](const auto& item) { return now - item.second.last > kForgetAfter; });
}

} // namespace concord::net
