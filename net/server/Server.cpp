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

// The one project of a server that serves one.
ProjectSource onlyProject(const ServerOptions& options)
{
    ProjectSource source;
    source.store = options.openStore ? options.openStore(options.clock)
                                     : std::make_unique<ServerProject>(options.projectPath, options.clock);
    source.openLoginCheck =
        options.openLoginCheck ? options.openLoginCheck : projectFileLoginCheck(options.projectPath);
    source.openNotices = options.openNotices;
    openNoticesNow(source, options.log);
    return source;
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
    : m_options(std::move(options)), m_sessions(admissionLimits(m_options)), m_acceptor(m_io),
      m_signals(m_io), m_services{m_sessions, *this, m_throttle, nullptr, m_options.limits, m_options.log},
      m_acceptTimer(m_io)
{
    if (m_options.openProject) {
        m_opener = std::make_unique<ProjectOpener>(m_options.openProject, m_options.clock, m_io);
    } else {
        m_only = host(onlyProject(m_options));
    }
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
    if (m_opener) {
        m_opener->stop();
    }
    for (auto& [id, project] : m_hosts) {
        project->stop();
    }
}

HandlerOptions Server::handlerOptions() const
{
    return HandlerOptions{m_options.reservationTime, "concord", m_options.maxOpsPerMinute,
                          m_options.limits.idleTimeout};
}

ProjectHost* Server::host(ProjectSource source)
{
    const std::string id = source.store->id();
    if (const auto found = m_hosts.find(id); found != m_hosts.end()) {
        return found->second.get();
    }
    auto project = std::make_unique<ProjectHost>(std::move(source), m_io, handlerOptions(), m_sessions, m_options.log);
    ProjectHost* hosted = project.get();
    m_hosts.emplace(id, std::move(project));
    if (m_opener && m_options.log) {
        m_options.log("serving the project '" + hosted->name() + "' (" + std::to_string(m_hosts.size()) + " open)");
    }
    if (m_running) {
        hosted->start();
    }
    return hosted;
}

ProjectHost* Server::findHost(const Hello& hello) const
{
    for (const auto& [id, project] : m_hosts) {
        if (hello.project.empty() ? project->name() == hello.projectName : id == hello.project) {
            return project.get();
        }
    }
    return nullptr;
}

void Server::route(const Hello& hello, Routed done)
{
    if (m_only != nullptr) {
        done(m_only, std::nullopt); // its handler refuses another project's id or name
        return;
    }
    if (hello.project.empty() && hello.projectName.empty()) {
        done(nullptr, RouteRefusal{hello.protocol < 3 ? ErrorCode::ProjectMismatch : ErrorCode::UnknownProject,
                                   "this server serves several projects; name the one to join (concord-cli join "
                                   "HOST:PORT --project NAME, with Concord of protocol 3 or newer)"});
        return;
    }
    if (ProjectHost* found = findHost(hello)) {
        done(found, std::nullopt);
        return;
    }
    m_opener->open(ProjectRef{hello.project, hello.projectName}, [this, done](OpenedProject opened) {
        if (m_stopped) {
            return;
        }
        if (opened.refusal) {
            done(nullptr, std::move(opened.refusal));
            return;
        }
        done(host(std::move(*opened.source)), std::nullopt);
    });
}

void Server::run()
{
    m_running = true;
    for (auto& [id, project] : m_hosts) {
        project->start();
    }
    if (m_opener) {
        m_opener->start();
    }
    accept();
    m_io.run();
    if (m_opener) {
        m_opener->stop();
    }
    for (auto& [id, project] : m_hosts) {
        project->stop();
    }
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
    m_acceptTimer.cancel();
    m_sessions.stopAll();
    if (m_opener) {
        m_opener->stop();
    }
    for (auto& [id, project] : m_hosts) {
        project->stop();
    }
    if (m_options.log) {
        m_options.log("stopped");
    }
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
