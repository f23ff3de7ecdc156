#include "net/server/Server.hpp"

#include "net/server/ServerProject.hpp"

#include "net/NetError.hpp"
#include "net/tls/TlsContexts.hpp"

#include <boost/asio/post.hpp>

#include <sys/resource.h>

#include <cerrno>
#include <csignal>

namespace concord::net {

namespace asio = boost::asio;
using asio::ip::tcp;

namespace {

std::unique_ptr<ServerStore> openStore(const ServerOptions& options)
{
    if (options.openStore) {
        return options.openStore(options.clock);
    }
    return std::make_unique<ServerProject>(options.projectPath, options.clock);
}

CertificatePaths resolvePaths(const ServerOptions& options)
{
    return options.certificate.certificate.empty() ? certificatePathsFor(options.projectPath) : options.certificate;
}

// Descriptors the server needs besides its sessions: standard streams, the project file and its
// WAL and shared memory, the verifier's connection, the listening socket, epoll and its
// eventfd, timers, the signal pipe, certificate files while they are read, and some slack.
constexpr std::size_t kReservedDescriptors = 32;

// Raises the soft limit on open files to the hard one and returns it.
std::size_t raiseDescriptorLimit()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) {
        return 1024;
    }
    if (limit.rlim_cur < limit.rlim_max) {
        rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max;
        if (::setrlimit(RLIMIT_NOFILE, &raised) == 0) {
            limit = raised;
        }
    }
    return limit.rlim_cur == RLIM_INFINITY ? std::size_t{1} << 20 : static_cast<std::size_t>(limit.rlim_cur);
}

// The sessions the process can hold with its descriptors, telling the log when that is fewer
// than asked for.
AdmissionLimits admissionLimits(const ServerOptions& options)
{
    AdmissionLimits limits;
    limits.maxSessions = std::max<std::size_t>(options.maxConnections, 1);
    limits.maxUnauthenticatedPerAddress = std::max<std::size_t>(options.maxUnauthenticatedPerAddress, 1);
    const std::size_t files = raiseDescriptorLimit();
    const std::size_t overhead = kReservedDescriptors + limits.maxRefusing;
    const std::size_t room = files > overhead + 1 ? files - overhead : 1;
    if (limits.maxSessions > room) {
        limits.maxSessions = room;
        if (options.log) {
            options.log("--max-connections lowered to " + std::to_string(room) + ": the process may open only " +
                        std::to_string(files) + " files (ulimit -n), and " + std::to_string(overhead) +
                        " are kept for the server itself");
        }
    }
    return limits;
}

bool outOfDescriptors(const boost::system::error_code& error)
{
    return error == asio::error::no_descriptors || error == asio::error::no_buffer_space ||
           error == asio::error::no_memory ||
           (error.category() == boost::system::system_category() && error.value() == ENFILE);
}

} // namespace

Server::Server(ServerOptions options)
    : m_options(std::move(options)), m_store(openStore(m_options)),
      m_handler(*m_store, HandlerOptions{m_options.reservationTime, "concord", m_options.maxOpsPerMinute,
                                         m_options.limits.idleTimeout}),
      m_queue(m_handler, m_io,
              [this](std::int64_t head, const std::set<std::string>& revoked) { announce(head, revoked); }),
      m_acceptor(m_io), m_signals(m_io), m_noticeTimer(m_io), m_sessions(admissionLimits(m_options)),
      m_verifier(m_options.openLoginCheck ? m_options.openLoginCheck : projectFileLoginCheck(m_options.projectPath),
                 m_io),
      m_services{m_sessions, m_queue, m_throttle, m_verifier, nullptr, m_options.limits, m_options.log},
      m_acceptTimer(m_io)
{
    m_sessions.onRemoved([this] { resumeAccepting(); });
    const CertificatePaths paths = resolvePaths(m_options);
    m_madeCertificate = ensureCertificate(paths);
    m_tls = makeServerTlsContext(paths);
    m_services.tls = m_tls.get();
    m_fingerprint = fingerprintOfFile(paths.certificate);

    boost::system::error_code error;
    const auto address = asio::ip::make_address(m_options.bind, error);
    if (error) {
        throw NetError("cannot listen on '" + m_options.bind + "': not an IP address");
    }
    const tcp::endpoint endpoint(address, m_options.port);
    m_acceptor.open(endpoint.protocol(), error);
    if (!error) {
        m_acceptor.set_option(tcp::acceptor::reuse_address(true), error);
    }
    if (!error) {
        m_acceptor.bind(endpoint, error);
    }
    if (!error) {
        m_acceptor.listen(asio::socket_base::max_listen_connections, error);
    }
    if (error) {
        throw NetError("cannot listen on " + m_options.bind + ":" + std::to_string(m_options.port) + ": " +
                       error.message());
    }
    m_port = m_acceptor.local_endpoint().port();
    if (m_options.handleSignals) {
        m_signals.add(SIGINT);
        m_signals.add(SIGTERM);
        m_signals.async_wait([this](const boost::system::error_code& signalError, int) {
            if (!signalError) {
                shutdown();
            }
        });
    }
}

Server::~Server()
{
    m_verifier.stop();
    m_queue.stop();
}

void Server::run()
{
    m_queue.start();
    m_verifier.start();
    if (m_options.openNotices) {
        m_notices = std::make_unique<NoticeWatcher>(
            m_options.openNotices, m_io, [this](std::int64_t head) { m_queue.noteCommitElsewhere(head); },
            m_options.log);
        m_notices->start();
    }
    accept();
    m_io.run();
    if (m_notices) {
        m_notices->stop();
    }
    m_verifier.stop();
    m_queue.stop();
}

void Server::stop()
{
    asio::post(m_io, [this] { shutdown(); });
}

void Server::shutdown()
{
    if (m_stopped) {
        return;
    }
    m_stopped = true;
    boost::system::error_code ignored;
    m_acceptor.close(ignored);
    m_signals.cancel(ignored);
    m_noticeTimer.cancel();
    m_acceptTimer.cancel();
    m_sessions.stopAll();
    if (m_notices) {
        m_notices->stop();
    }
    m_verifier.stop();
    m_queue.stop();
    if (m_options.log) {
        m_options.log("stopped");
    }
}

void Server::announce(std::int64_t head, const std::set<std::string>& revoked)
{
    if (!revoked.empty()) {
        m_sessions.closeRevoked(revoked); // before any notice: a revoked session receives nothing
    }
    m_noticeHead = std::max(m_noticeHead, head);
    if (m_noticeArmed || m_stopped) {
        return; // the armed timer sends the latest head
    }
    const auto now = std::chrono::steady_clock::now();
    if (now - m_lastNotice >= kNoticeInterval) {
        m_lastNotice = now;
        m_sessions.notifyAll(m_noticeHead);
        return;
    }
    m_noticeArmed = true;
    m_noticeTimer.expires_at(m_lastNotice + kNoticeInterval);
    m_noticeTimer.async_wait([this](const boost::system::error_code& error) {
        m_noticeArmed = false;
        if (error || m_stopped) {
            return;
        }
        m_lastNotice = std::chrono::steady_clock::now();
        m_sessions.notifyAll(m_noticeHead);
    });
}

void Server::accept()
{
    if (m_stopped || m_acceptPaused) {
        return;
    }
    m_acceptor.async_accept([this](const boost::system::error_code& error, tcp::socket socket) {
        if (m_stopped) {
            return;
        }
        if (error == asio::error::operation_aborted) {
            return;
        }
        if (outOfDescriptors(error)) {
            pauseAccepting(error);
            return;
        }
        if (!error) {
            if (m_acceptPausesUnreported > 0 && m_options.log) {
                m_options.log("accepting connections again");
            }
            m_acceptPausesUnreported = 0;
            admit(std::move(socket));
        }
        // Other errors concern one connection (it was reset before we took it): go on.
        accept();
    });
}

void Server::admit(tcp::socket socket)
{
    boost::system::error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    const auto remote = socket.remote_endpoint(ignored);
    const std::string address = remote.address().to_string();
    auto session = std::make_shared<Session>(std::move(socket), address, m_services);
    switch (m_sessions.admit(session, address)) {
    case Admission::Admitted:
        session->start(false);
        break;
    case Admission::Busy:
        session->start(true);
        break;
    case Admission::Dropped:
        // Not listed: the session is destroyed here, which closes its socket.
        if (const auto now = std::chrono::steady_clock::now();
            m_options.log && now - m_lastDropReport >= std::chrono::minutes(1)) {
            m_lastDropReport = now;
            m_options.log(address + ": connection closed at once: too many connections from this address wait for "
                                    "their login, or the server is full (this is said at most once a minute)");
        }
        break;
    }
}

void Server::pauseAccepting(const boost::system::error_code& error)
{
    m_acceptPaused = true;
    ++m_acceptPausesUnreported;
    const auto now = std::chrono::steady_clock::now();
    if (m_options.log && now - m_lastAcceptReport >= std::chrono::minutes(1)) {
        m_lastAcceptReport = now;
        m_options.log("cannot accept a connection: " + error.message() +
                      "; waiting until a connection closes (this is said at most once a minute)");
    }
    m_acceptTimer.expires_after(std::chrono::seconds(1));
    m_acceptTimer.async_wait([this](const boost::system::error_code& timerError) {
        if (!timerError) {
            resumeAccepting();
        }
    });
}

void Server::resumeAccepting()
{
    if (!m_acceptPaused || m_stopped) {
        return;
    }
    m_acceptPaused = false;
    m_acceptTimer.cancel();
    accept();
}

} // namespace concord::net
