#include "net/server/SessionManager.hpp"

#include "net/server/Session.hpp"

namespace concord::net {

bool SessionManager::add(const std::shared_ptr<Session>& session)
{
    // A refused session is kept too, for the moment it takes to tell the client, so that a
    // shutdown closes it as well.
    const bool admitted = m_sessions.size() < m_maxSessions;
    m_sessions.insert(session);
    return admitted;
}

void SessionManager::remove(const std::shared_ptr<Session>& session)
{
    m_sessions.erase(session);
}

void SessionManager::notifyAll(std::int64_t head)
{
    for (const auto& session : m_sessions) {
        session->notify(head);
    }
}

void SessionManager::stopAll()
{
    // stop() removes each session from the set, so iterate over a copy.
    const auto sessions = m_sessions;
    for (const auto& session : sessions) {
        session->stop();
    }
    m_sessions.clear();
}

} // namespace concord::net
