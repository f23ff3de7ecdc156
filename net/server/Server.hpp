// The sync server: a TLS acceptor on the network thread, a session per connection, and for each
// project it serves a ProjectHost (its database thread behind a CommitQueue, its login checks).
// It serves one project (a file, or a store's project), or with openProject every project of a
// store, each opened at the first hello that names it. Stops cleanly on SIGINT and SIGTERM (or
// stop()): no new connections, every session closed, the batch in hand committed, the rest
// dropped unacknowledged (clients send it again).
#pragma once

#include "core/util/Clock.hpp"
#include "net/auth/LoginThrottle.hpp"
#include "net/auth/LoginVerifier.hpp"
#include "net/server/CommitNotices.hpp"
#include "net/server/Handler.hpp"
#include "net/server/ProjectHost.hpp"
#include "net/server/ProjectOpener.hpp"
#include "net/server/ProjectRouter.hpp"
#include "net/server/ServerStore.hpp"
#include "net/server/Session.hpp"
#include "net/server/SessionManager.hpp"
#include "net/tls/Certificate.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>

namespace concord::net {

struct ServerOptions
{
    std::string projectPath; // with openProject: names the self-signed certificate only
    std::string bind = "127.0.0.1";
    std::uint16_t port = 7443; // 0: any free port (see Server::port())
    // Lowered on start when the process may not open enough files for it (ulimit -n).
    std::size_t maxConnections = 1100;
    // Connections from one address that may wait for their login at once (an office behind one
    // NAT address shares it).
    std::size_t maxUnauthenticatedPerAddress = 64;
    std::int64_t maxOpsPerMinute = 60'000; // per user; see HandlerOptions
    SessionLimits limits;
    std::chrono::milliseconds reservationTime = std::chrono::minutes(30);
    CertificatePaths certificate; // empty: beside the project (certificatePathsFor)
    bool handleSignals = true;    // stop on SIGINT and SIGTERM
    ServerLog log;                // connection events; none when empty
    Clock clock = systemNowMs;
    // Another store than the project file at projectPath (serve --store: pgstore/ServeStore.hpp):
    // the project for the database thread, and the login check. Both or neither.
    std::function<std::unique_ptr<ServerStore>(Clock)> openStore;
    LoginCheckOpener openLoginCheck;
    // Commits made through other servers on the same store, told to the sessions at once.
    CommitNoticesOpener openNotices;
    // Serves every project of a store instead of one (serve --store without --project): each is
    // opened at the first hello that names it, and kept open until the server stops.
    ProjectOpenerFunction openProject;
};

class Server : private ProjectRouter
{
public:
    // Opens the project, makes the certificate if needed and binds. Throws InputError,
    // StoreError, or NetError when the address cannot be bound.
    explicit Server(ServerOptions options);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    std::uint16_t port() const { return m_port; }
    // The connections it holds at most: --max-connections, or fewer when descriptors are short.
    std::size_t maxConnections() const { return m_sessions.limits().maxSessions; }
    const std::string& fingerprint() const { return m_fingerprint; }
    bool madeCertificate() const { return m_madeCertificate; }

    // Serves on the calling thread until stopped.
    void run();
    // From any thread.
    void stop();

private:
    void accept();
    void admit(boost::asio::ip::tcp::socket socket);
    // Out of descriptors: accepting again would fail at once, in a loop that takes a core.
    // Waits until a session closes (or a second passes), saying so at most once a minute.
    void pauseAccepting(const boost::system::error_code& error);
    void resumeAccepting();
    void shutdown();
    void route(const Hello& hello, Routed done) override;
    ProjectHost* findHost(const Hello& hello) const;
    // A project the opener opened: hosted from now on, unless a hello that asked for it at the
    // same time got it hosted first.
    ProjectHost* host(ProjectSource source);
    HandlerOptions handlerOptions() const;

    ServerOptions m_options;
    boost::asio::io_context m_io{1};
    SessionManager m_sessions;                                   // before the hosts: they tell its sessions of commits
    std::map<std::string, std::unique_ptr<ProjectHost>> m_hosts; // by project id
    ProjectHost* m_only = nullptr;                               // a server of one project
    std::unique_ptr<ProjectOpener> m_opener;                     // a server of several
    bool m_madeCertificate = false;
    std::shared_ptr<boost::asio::ssl::context> m_tls;
    std::string m_fingerprint;
    boost::asio::ip::tcp::acceptor m_acceptor;
    boost::asio::signal_set m_signals;
    LoginThrottle m_throttle;
    SessionServices m_services;
    boost::asio::steady_timer m_acceptTimer;
    bool m_acceptPaused = false;
    std::chrono::steady_clock::time_point m_lastAcceptReport;
    std::size_t m_acceptPausesUnreported = 0;
    std::chrono::steady_clock::time_point m_lastDropReport;
    std::uint16_t m_port = 0;
    bool m_running = false;
    bool m_stopped = false;
};

} // namespace concord::net
