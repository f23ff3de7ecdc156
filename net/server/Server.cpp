#include "net/server/Server.hpp"

#include "net/NetError.hpp"
#include "net/tls/TlsContexts.hpp"

#include <boost/asio/post.hpp>

#include <csignal>

namespace concord::net {

namespace asio = boost::asio;
using asio::ip::tcp;

namespace {

CertificatePaths resolvePaths(const ServerOptions& options)
{
    return options.certificate.certificate.empty() ? certificatePathsFor(options.projectPath) : options.certificate;
}

} // namespace

Server::Server(ServerOptions options)
    : m_options(std::move(options)), m_project(m_options.projectPath, m_options.clock),
      m_handler(m_project, HandlerOptions{m_options.reservationTime, "concord"}),
      m_queue(m_handler, m_io, [this](std::int64_t head) { announce(head); }), m_acceptor(m_io), m_signals(m_io),
      m_noticeTimer(m_io), m_sessions(m_options.maxConnections)
{
    const CertificatePaths paths = resolvePaths(m_options);
    m_madeCertificate = ensureCertificate(paths);
    m_tls = makeServerTlsContext(paths);
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
    m_queue.stop();
}

void Server::run()
{
    m_queue.start();
    accept();
    m_io.run();
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
    m_sessions.stopAll();
    m_queue.stop();
    if (m_options.log) {
        m_options.log("stopped");
    }
}

void Server::announce(std::int64_t head)
{
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
    m_acceptor.async_accept([this](const boost::system::error_code& error, tcp::socket socket) {
        if (m_stopped) {
            return;
        }
        if (!error) {
            boost::system::error_code ignored;
            socket.set_option(tcp::no_delay(true), ignored);
            const auto remote = socket.remote_endpoint(ignored);
            auto session =
                std::make_shared<Session>(Session::Stream(std::move(socket), *m_tls), remote.address().to_string(),
                                          m_sessions, m_queue, m_throttle, m_options.limits, m_options.log);
            const bool admitted = m_sessions.add(session);
            session->start(!admitted);
        } else if (error == asio::error::no_descriptors || error == asio::error::no_buffer_space) {
            // Out of file descriptors: keep serving the sessions we have.
            if (m_options.log) {
                m_options.log("cannot accept a connection: " + error.message());
            }
        }
        accept();
    });
}

} // namespace concord::net
