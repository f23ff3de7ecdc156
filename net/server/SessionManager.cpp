#include "net/server/SessionManager.hpp"

#include "net/server/Session.hpp"

#include <vector>

namespace concord::net {

Admission SessionManager::admit(const std::shared_ptr<Session>& session, const std::string& address)
{
    auto& waiting = m_waitingByAddress[address];
    if (waiting >= m_limits.maxUnauthenticatedPerAddress) {
        return Admission::Dropped;
    }
    Entry entry{address, true, false};
    if (m_admitted >= m_limits.maxSessions) {
        if (m_refusing >= m_limits.maxRefusing) {
            if (waiting == 0) {
                m_waitingByAddress.erase(address);
            }
            return Admission::Dropped;
        }
        entry.refusing = true;
        ++m_refusing;
    } else {
        ++m_admitted;
    }
    ++waiting;
    m_sessions.emplace(session, std::move(entry));
    return m_sessions.at(session).refusing ? Admission::Busy : Admission::Admitted;
}

void SessionManager::authenticated(const std::shared_ptr<Session>& session)
{
    const auto found = m_sessions.find(session);
    if (found != m_sessions.end() && found->second.waitingForLogin) {
        found->second.waitingForLogin = false;
        if (--m_waitingByAddress[found->second.address] == 0) {
            m_waitingByAddress.erase(found->second.address);
        }
    }
}

void SessionManager::remove(const std::shared_ptr<Session>& session)
{
    const auto found = m_sessions.find(session);
    if (found == m_sessions.end()) {
        return;
    }
    const Entry& entry = found->second;
    if (entry.waitingForLogin) {
        if (--m_waitingByAddress[entry.address] == 0) {
            m_waitingByAddress.erase(entry.address);
        }
    }
    --(entry.refusing ? m_refusing : m_admitted);
    m_sessions.erase(found);
    if (m_onRemoved) {
        m_onRemoved();
    }
}

void SessionManager::notifyAll(const ProjectHost* project, std::int64_t head)
{
    for (const auto& [session, entry] : m_sessions) {
        if (session->project() == project) {
            session->notify(head);
        }
    }
}

void SessionManager::closeRevoked(const ProjectHost* project, const std::set<std::string>& users)
{
    std::vector<std::shared_ptr<Session>> revoked;
    for (const auto& [session, entry] : m_sessions) {
        if (!entry.waitingForLogin && session->project() == project && users.contains(session->user())) {
            revoked.push_back(session);
        }
    }
    for (const auto& session : revoked) {
        session->revoke();
    }
}

void SessionManager::stopAll()
{
    // stop() removes each session from the map, so iterate over a copy.
    std::vector<std::shared_ptr<Session>> sessions;
    for (const auto& [session, entry] : m_sessions) {
        sessions.push_back(session);
    }
    m_onRemoved = nullptr;
    for (const auto& session : sessions) {
        session->stop();
    }
    m_sessions.clear();
    m_waitingByAddress.clear();
    m_admitted = 0;
    m_refusing = 0;
}

} // namespace concord::net
