// The set of open sessions (as in Asio's HTTP server example's connection_manager): it decides
// whom to admit, tells the authenticated ones of a project when it has new changes, closes the
// sessions of revoked users, and stops them all on shutdown. Used from the network thread only.
//
// Admission bounds what strangers can hold: at most `maxSessions` sessions; beyond that a few
// connections at a time are told `busy` (the rest are closed at once), and at most
// `maxUnauthenticatedPerAddress` connections from one address may wait for their login.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>

namespace concord::net {

class ProjectHost;
class Session;

struct AdmissionLimits
{
    std::size_t maxSessions = 1100;
    std::size_t maxUnauthenticatedPerAddress = 64;
    std::size_t maxRefusing = 32; // connections being told busy at once
};

enum class Admission
{
    Admitted,
    Busy,   // answer busy once the TLS handshake is done, then close
    Dropped // close at once, without a word
};

class SessionManager
{
public:
    explicit SessionManager(AdmissionLimits limits) : m_limits(limits) {}

    // Listed unless dropped (a refused session too, for the moment it takes to tell the client,
    // so that a shutdown closes it as well).
    Admission admit(const std::shared_ptr<Session>& session, const std::string& address);
    // The session's login succeeded: it no longer counts against its address.
    void authenticated(const std::shared_ptr<Session>& session);
    void remove(const std::shared_ptr<Session>& session);
    // Tells the sessions of one project of a new head.
    void notifyAll(const ProjectHost* project, std::int64_t head);
    // Closes the sessions of these users in one project with a `revoked` error.
    void closeRevoked(const ProjectHost* project, const std::set<std::string>& users);
    void stopAll();
    std::size_t size() const { return m_sessions.size(); }
    const AdmissionLimits& limits() const { return m_limits; }
    // Runs after a session is removed (a descriptor is free again: accepting may resume).
    void onRemoved(std::function<void()> listener) { m_onRemoved = std::move(listener); }

private:
    struct Entry
    {
        std::string address;
        bool waitingForLogin = true;
        bool refusing = false;
    };

    AdmissionLimits m_limits;
    std::map<std::shared_ptr<Session>, Entry> m_sessions;
    std::unordered_map<std::string, std::size_t> m_waitingByAddress;
    std::size_t m_admitted = 0;
    std::size_t m_refusing = 0;
    std::function<void()> m_onRemoved;
};

} // namespace concord::net
