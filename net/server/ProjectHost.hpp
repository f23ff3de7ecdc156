// One project a server serves: its store, the handler and the database thread behind the
// commit queue, the login verifier, the notices of commits through other servers, and the
// pacing of notices to the project's sessions. A server holds one (a project file, or a store's
// project named with --project), or one for each project of its store that a hello has named.
#pragma once

#include "net/auth/LoginVerifier.hpp"
#include "net/server/CommitNotices.hpp"
#include "net/server/CommitQueue.hpp"
#include "net/server/Handler.hpp"
#include "net/server/NoticeWatcher.hpp"
#include "net/server/ServerStore.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <set>
#include <string>

namespace concord::net {

class SessionManager;

// What a project needs to be served: its store, opened, and how to open the login check's and
// the notices' connections (no notices: nobody else writes to the store), with the notices
// opened already when they could be (openNoticesNow).
struct ProjectSource
{
    std::unique_ptr<ServerStore> store;
    LoginCheckOpener openLoginCheck;
    CommitNoticesOpener openNotices;
    std::unique_ptr<CommitNotices> notices;
};

// Opens the source's notices now, on the calling thread, before its server takes connections;
// when that fails, says so through `log` and leaves them to the notice thread, which tries again.
void openNoticesNow(ProjectSource& source, const std::function<void(const std::string&)>& log);

class ProjectHost
{
public:
    using Log = std::function<void(const std::string&)>;

    // Runs on `io`'s thread; tells the sessions of this project (through `sessions`) of commits.
    ProjectHost(ProjectSource source, boost::asio::io_context& io, const HandlerOptions& options,
                SessionManager& sessions, Log log);
    ~ProjectHost();
    ProjectHost(const ProjectHost&) = delete;
    ProjectHost& operator=(const ProjectHost&) = delete;

    void start();
    // Drops what waits, finishes the batch in hand; from the network thread.
    void stop();

    CommitQueue& queue() { return m_queue; }
    LoginVerifier& verifier() { return m_verifier; }
    const std::string& id() const { return m_id; }
    const std::string& name() const { return m_name; }

private:
    // Tells the project's sessions of a new head, at most once per kNoticeInterval: under load a
    // commit lands every few milliseconds, and a notice per commit per session would cost the
    // network thread more than the pushes themselves. Clients learn the head within the interval.
    void announce(std::int64_t head, const std::set<std::string>& revoked);
    void sendNotices();
    static constexpr std::chrono::milliseconds kNoticeInterval{25};

    boost::asio::io_context& m_io;
    std::unique_ptr<ServerStore> m_store;
    std::string m_id;
    std::string m_name;
    SessionManager& m_sessions;
    Log m_log;
    Handler m_handler;
    CommitQueue m_queue;
    LoginVerifier m_verifier;
    CommitNoticesOpener m_openNotices;
    std::unique_ptr<CommitNotices> m_openedNotices; // until start() hands them to the watcher
    std::unique_ptr<NoticeWatcher> m_notices;
    boost::asio::steady_timer m_noticeTimer;
    std::chrono::steady_clock::time_point m_lastNotice;
    std::int64_t m_noticeHead = 0;
    bool m_noticeArmed = false;
    bool m_stopped = false;
};

} // namespace concord::net
