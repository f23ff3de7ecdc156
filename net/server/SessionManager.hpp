// The set of open sessions (as in Asio's HTTP server example's connection_manager): it caps
// their number, tells the authenticated ones when new changes exist, and stops them all on
// shutdown. Used from the network thread only.
#pragma once

#include <cstdint>
#include <memory>
#include <set>

namespace concord::net {

class Session;

class SessionManager
{
public:
    explicit SessionManager(std::size_t maxSessions) : m_maxSessions(maxSessions) {}

    // Returns false when the server is full; the caller refuses the connection then (the
    // session stays listed until it closes).
    bool add(const std::shared_ptr<Session>& session);
    void remove(const std::shared_ptr<Session>& session);
    void notifyAll(std::int64_t head);
    void stopAll();
    std::size_t size() const { return m_sessions.size(); }

private:
    std::size_t m_maxSessions;
    std::set<std::shared_ptr<Session>> m_sessions;
};

} // namespace concord::net
