#include "net/server/Session.hpp"

#include "net/protocol/ProtocolError.hpp"
#include "net/server/ProjectHost.hpp"
#include "net/server/SessionManager.hpp"

#include <boost/asio/write.hpp>

namespace concord::net {

namespace asio = boost::asio;
using std::chrono::steady_clock;

namespace {

// Requests handed to the database thread and replies waiting to be written, per session.
// Beyond them the session stops reading, so a client that floods or never reads holds at most
// this much of the server's memory.
constexpr int kMaxInFlight = 8;
constexpr std::size_t kMaxQueuedWrites = 16;
// Malformed messages in a row before the session is closed.
constexpr int kMaxBadMessages = 3;

std::string seconds(std::chrono::milliseconds duration)
{
    const auto tenths = duration.count() / 100;
    return std::to_string(tenths / 10) + (tenths % 10 != 0 ? "." + std::to_string(tenths % 10) : "") + " s";
}

} // namespace

Session::Session(asio::ip::tcp::socket socket, std::string peer, SessionServices& services)
    : m_socket(std::move(socket)), m_peer(std::move(peer)), m_services(services), m_timer(m_socket.get_executor()),
      m_delay(m_socket.get_executor())
{
    m_identity.peer = m_peer;
}

void Session::log(const std::string& message) const
{
    if (m_services.log) {
        m_services.log(m_peer + (m_identity.authenticated ? " (" + m_identity.user + ")" : std::string()) + ": " +
                       message);
    }
}

void Session::start(bool refuse)
{
    m_phase = Phase::Handshake;
    setDeadline(steady_clock::now() + m_services.limits.handshakeTimeout);
    m_socket.async_wait(asio::ip::tcp::socket::wait_read,
                        [self = shared_from_this(), refuse](const boost::system::error_code& error) {
                            if (self->m_stopped) {
                                return;
                            }
                            if (error) {
                                self->closeSocket(true);
                                return;
                            }
                            self->handshake(refuse);
                        });
}

void Session::handshake(bool refuse)
{
    m_stream.emplace(std::move(m_socket), *m_services.tls);
    m_stream->async_handshake(asio::ssl::stream_base::server,
                              [self = shared_from_this(), refuse](const boost::system::error_code& error) {
                                  if (self->m_stopped) {
                                      return;
                                  }
                                  if (error) {
                                      self->closeSocket(true);
                                  } else if (refuse) {
                                      self->m_phase = Phase::Hello;
                                      self->fail(ErrorCode::Busy, "the server holds as many connections as it "
                                                                  "allows; try again later");
                                  } else {
                                      self->m_phase = Phase::Hello;
                                      self->setDeadline(steady_clock::now() + self->m_services.limits.helloTimeout);
                                      self->readMore();
                                  }
                              });
}

asio::ip::tcp::socket& Session::socket()
{
    return m_stream ? m_stream->next_layer() : m_socket;
}

void Session::stop()
{
    closeSocket(false);
}

void Session::closeSocket(bool reset)
{
    if (m_stopped) {
        return;
    }
    m_stopped = true;
    m_timer.cancel();
    m_delay.cancel();
    boost::system::error_code ignored;
    auto& socket = this->socket();
    if (reset) {
        // Linger zero: the kernel drops what is unsent and resets the connection at once,
        // rather than keeping the socket until a peer that does not read takes the rest.
        socket.set_option(asio::socket_base::linger(true, 0), ignored);
    }
    socket.close(ignored);
    m_services.manager.remove(shared_from_this());
}

void Session::abort(const std::string& why)
{
    log("closed hard: " + why);
    closeSocket(true);
}

void Session::notify(std::int64_t head)
{
    // A client behind on reading gets no more notices: it learns the head from its next reply.
    if (m_identity.authenticated && m_phase == Phase::Open && !m_stopped && m_writes.size() < kMaxQueuedWrites) {
        send(Notice{head});
    }
}

void Session::revoke()
{
    if (m_identity.authenticated && m_phase == Phase::Open && !m_stopped) {
        fail(ErrorCode::Revoked, "the token of " + m_identity.user + " was revoked");
    }
}

void Session::setDeadline(steady_clock::time_point when)
{
    m_deadline = when;
    armTimer();
}

void Session::armTimer()
{
    if (m_stopped) {
        return;
    }
    auto expiry = m_deadline;
    if (m_writing) {
        expiry = std::min(expiry, m_writeDeadline);
    }
    if (m_timerArmed && m_timerExpiry <= expiry) {
        return; // it wakes first, and arms again for what is then due
    }
    m_timerArmed = true;
    m_timerExpiry = expiry;
    const std::uint64_t generation = ++m_timerGeneration;
    m_timer.expires_at(expiry);
    m_timer.async_wait([self = shared_from_this(), generation](const boost::system::error_code& error) {
        if (error || self->m_stopped || generation != self->m_timerGeneration) {
            return; // cancelled, or re-armed for an earlier time
        }
        self->m_timerArmed = false;
        self->onTimer();
    });
}

void Session::onTimer()
{
    const auto now = steady_clock::now();
    if (m_writing && now >= m_writeDeadline) {
        abort("the peer stopped reading (no progress writing a message for " + seconds(m_services.limits.writeTimeout) +
              ")");
        return;
    }
    if (now >= m_deadline) {
        onDeadline();
    }
    armTimer();
}

void Session::onDeadline()
{
    switch (m_phase) {
    case Phase::Handshake:
        // Nothing can be said before the handshake: close, and say so in our log.
        log("timeout: no hello arrived in time (the TLS handshake did not finish in " +
            seconds(m_services.limits.handshakeTimeout) + ")");
        closeSocket(true);
        break;
    case Phase::Hello:
        fail(ErrorCode::Timeout, "no hello arrived in time");
        break;
    case Phase::Open:
        fail(ErrorCode::Timeout, "the connection was idle for too long");
        break;
    case Phase::Closing:
        abort(std::string(m_finished ? "the peer did not hang up" : "the peer did not take its last message") +
              " within " + seconds(m_services.limits.closeGrace));
        break;
    }
}

void Session::readMore()
{
    if (m_reading || m_stopped) {
        return;
    }
    m_reading = true;
    if (m_readBuffer.empty()) {
        m_readBuffer.resize(8192);
    }
    m_stream->async_read_some(asio::buffer(m_readBuffer),
                              [self = shared_from_this()](const boost::system::error_code& error, std::size_t n) {
                                  self->m_reading = false;
                                  if (self->m_stopped) {
                                      return;
                                  }
                                  if (error) {
                                      if (self->m_decoder.buffered() > 0 && self->m_phase != Phase::Closing) {
                                          self->log("connection closed inside a frame (truncated)");
                                      }
                                      self->closeSocket(false);
                                      return;
                                  }
                                  if (self->m_phase == Phase::Closing) {
                                      self->readMore(); // draining: the peer's bytes no longer matter
                                      return;
                                  }
                                  self->m_decoder.feed(std::string_view(self->m_readBuffer.data(), n));
                                  self->processFrames();
                              });
}

bool Session::canDispatch() const
{
    // Before the hello is answered nothing else is taken, so that requests pipelined behind
    // it are handled with the identity it establishes.
    return m_phase != Phase::Closing && !m_stopped && m_inFlight < kMaxInFlight && m_writes.size() < kMaxQueuedWrites &&
           (m_identity.authenticated || m_inFlight == 0);
}

void Session::processFrames()
{
    while (canDispatch()) {
        std::optional<std::string> payload;
        try {
            payload = m_decoder.next();
        } catch (const ProtocolError& error) {
            fail(error.code(), error.what());
            return;
        }
        if (!payload) {
            readMore();
            return;
        }
        if (m_identity.authenticated) {
            m_deadline = steady_clock::now() + m_services.limits.idleTimeout; // later: no re-arm needed
        }
        dispatch(*payload);
    }
}

void Session::dispatch(const std::string& payload)
{
    ClientMessage message;
    try {
        message = parseClientMessage(payload);
    } catch (const ProtocolError& error) {
        if (!m_identity.authenticated) {
            // A stranger gets one chance: its first message must be a well-formed hello.
            const bool unknown = error.code() == ErrorCode::UnknownType;
            fail(unknown ? ErrorCode::NotAuthenticated : error.code(), unknown ? "say hello first" : error.what(),
                 error.requestId());
        } else if (error.fatal() || error.code() == ErrorCode::BadJson || ++m_badMessages >= kMaxBadMessages) {
            fail(error.code(), error.what(), error.requestId());
        } else {
            send(ErrorReply{error.requestId(), error.code(), error.what(), false});
        }
        return;
    }
    m_badMessages = 0;
    if (!m_identity.authenticated) {
        if (auto* hello = std::get_if<Hello>(&message)) {
            routeHello(std::move(*hello));
        } else {
            fail(ErrorCode::NotAuthenticated, "say hello first", requestId(message));
        }
        return;
    }
    ++m_inFlight;
    m_project->queue().submit(HandlerJob{m_identity, std::move(message), std::nullopt},
                              [self = shared_from_this()](HandlerResult result) { self->complete(std::move(result)); });
}

void Session::routeHello(Hello hello)
{
    ++m_inFlight;
    m_loginUser = hello.user;
    Hello routed = hello;
    m_services.projects.route(routed, [self = shared_from_this(), hello = std::move(hello)](
                                          ProjectHost* project, std::optional<RouteRefusal> refusal) mutable {
        if (self->m_stopped) {
            --self->m_inFlight;
            return;
        }
        if (refusal) {
            HandlerResult result = errorResult(refusal->code, refusal->message, true, std::nullopt);
            // Paced as a wrong token is, so that project names cannot be guessed quickly.
            result.loginFailed = refusal->code == ErrorCode::UnknownProject;
            self->complete(std::move(result));
            return;
        }
        --self->m_inFlight;
        self->m_project = project;
        self->verifyLogin(std::move(hello));
    });
}

void Session::verifyLogin(Hello hello)
{
    ++m_inFlight;
    std::string user = hello.user;
    std::string token = hello.token;
    m_project->verifier().verify(
        std::move(user), std::move(token),
        [self = shared_from_this(), hello = std::move(hello)](LoginVerdict verdict) mutable {
            if (self->m_stopped) {
                --self->m_inFlight;
                return;
            }
            if (verdict.busy || verdict.failure) {
                --self->m_inFlight;
                if (verdict.failure) {
                    self->log("the login could not be checked: " + *verdict.failure);
                }
                self->fail(verdict.busy ? ErrorCode::Busy : ErrorCode::Internal,
                           verdict.busy ? "the server is checking many logins; try again later"
                                        : "the server could not check the login");
                return;
            }
            self->m_project->queue().submit(
                HandlerJob{self->m_identity, ClientMessage{std::move(hello)}, std::move(verdict.login)},
                [self](HandlerResult result) { self->complete(std::move(result)); });
        });
}

void Session::complete(HandlerResult result)
{
    --m_inFlight;
    if (m_stopped) {
        return;
    }
    if (result.loginFailed) {
        refuseLogin(std::move(result));
        return;
    }
    if (result.identity) {
        const bool loggingIn = !m_identity.authenticated && result.identity->authenticated;
        m_identity = *result.identity;
        if (loggingIn) {
            loggedIn();
        }
    }
    for (const auto& reply : result.replies) {
        send(reply);
    }
    if (result.close) {
        closeGracefully();
        return;
    }
    processFrames();
}

void Session::loggedIn()
{
    m_services.throttle.succeeded(m_peer, m_identity.user);
    m_services.manager.authenticated(shared_from_this());
    m_decoder.setLimit(kMaxFrameBytes);
    m_phase = Phase::Open;
    m_deadline = steady_clock::now() + m_services.limits.idleTimeout;
    armTimer(); // the idle limit may be shorter than the hello deadline
}

void Session::refuseLogin(HandlerResult result)
{
    // Answer a refused login only after a delay that grows with each failure from this
    // address. The session reads nothing meanwhile.
    m_phase = Phase::Closing;
    const auto delay = m_services.throttle.failed(m_peer, m_loginUser);
    log("login refused, answering in " + std::to_string(delay.count()) + " ms");
    setDeadline(steady_clock::now() + delay + m_services.limits.closeGrace);
    m_delay.expires_after(delay);
    m_delay.async_wait(
        [self = shared_from_this(), replies = std::move(result.replies)](const boost::system::error_code& error) {
            if (error || self->m_stopped) {
                return;
            }
            for (const auto& reply : replies) {
                self->send(reply);
            }
            self->closeGracefully();
        });
}

void Session::send(const ServerMessage& message)
{
    if (m_stopped || m_finished) {
        return;
    }
    std::string frame;
    try {
        frame = encodeFrame(serialize(message));
    } catch (const std::exception& error) {
        frame = encodeFrame(serialize(ServerMessage{ErrorReply{
            std::nullopt, ErrorCode::Internal, std::string("a reply could not be sent: ") + error.what(), false}}));
    }
    m_writes.push_back(std::move(frame));
    if (!m_writing) {
        writeNext();
    }
}

void Session::writeNext()
{
    if (m_writes.empty()) {
        m_writing = false;
        if (m_phase == Phase::Closing) {
            finishClose();
        } else {
            processFrames(); // a full write queue may have paused reading
        }
        return;
    }
    m_writing = true;
    m_writeDeadline = steady_clock::now() + m_services.limits.writeTimeout;
    armTimer();
    asio::async_write(*m_stream, asio::buffer(m_writes.front()),
                      [self = shared_from_this()](const boost::system::error_code& error, std::size_t) {
                          if (self->m_stopped) {
                              return;
                          }
                          if (error) {
                              self->closeSocket(true);
                              return;
                          }
                          self->m_writes.pop_front();
                          self->writeNext();
                      });
}

void Session::fail(ErrorCode code, const std::string& message, std::optional<std::int64_t> id)
{
    log(std::string(toString(code)) + ": " + message);
    send(ErrorReply{id, code, message, true});
    closeGracefully();
}

void Session::closeGracefully()
{
    if (m_stopped) {
        return;
    }
    if (m_phase != Phase::Closing) {
        m_phase = Phase::Closing;
        setDeadline(steady_clock::now() + m_services.limits.closeGrace);
    }
    if (!m_writing && m_writes.empty()) {
        finishClose();
    }
}

void Session::finishClose()
{
    if (m_finished || m_stopped) {
        return;
    }
    m_finished = true;
    // Shut our side only, then read (and drop) until the peer closes: closing with unread
    // bytes would make the kernel reset the connection and the peer lose the last reply. The
    // grace deadline ends the wait for a peer that never closes.
    boost::system::error_code ignored;
    socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
    setDeadline(std::min(m_deadline, steady_clock::now() + m_services.limits.closeGrace));
    readMore();
}

} // namespace concord::net
