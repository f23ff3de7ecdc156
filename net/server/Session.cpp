#include "net/server/Session.hpp"

#include "net/protocol/ProtocolError.hpp"
#include "net/server/SessionManager.hpp"

#include <boost/asio/write.hpp>

namespace concord::net {

namespace asio = boost::asio;

namespace {

// Requests handed to the database thread and replies waiting to be written, per session.
// Beyond them the session stops reading, so a client that floods or never reads holds at most
// this much of the server's memory.
constexpr int kMaxInFlight = 8;
constexpr std::size_t kMaxQueuedWrites = 16;
// Malformed messages in a row before the session is closed.
constexpr int kMaxBadMessages = 3;
// How long a closing session waits for the peer to read the last reply and hang up.
constexpr auto kLingerTime = std::chrono::seconds(2);

} // namespace

Session::Session(Stream stream, std::string peer, SessionManager& manager, CommitQueue& queue,
                 LoginThrottle& throttle, SessionLimits limits, ServerLog log)
    : m_stream(std::move(stream)), m_peer(std::move(peer)), m_manager(manager), m_queue(queue), m_throttle(throttle),
      m_limits(limits), m_log(std::move(log)), m_timer(m_stream.get_executor()), m_delay(m_stream.get_executor())
{
    m_identity.peer = m_peer;
}

void Session::start(bool refuse)
{
    m_deadline = std::chrono::steady_clock::now() + m_limits.helloTimeout;
    waitForDeadline();
    m_stream.async_handshake(asio::ssl::stream_base::server,
                             [self = shared_from_this(), refuse](const boost::system::error_code& error) {
                                 if (self->m_stopped) {
                                     return;
                                 }
                                 if (error) {
                                     self->stop();
                                 } else if (refuse) {
                                     self->fail(ErrorCode::Busy, "the server holds as many connections as it "
                                                                 "allows; try again later");
                                 } else {
                                     self->readMore();
                                 }
                             });
}

void Session::stop()
{
    if (m_stopped) {
        return;
    }
    m_stopped = true;
    m_timer.cancel();
    m_delay.cancel();
    boost::system::error_code ignored;
    m_stream.lowest_layer().close(ignored);
    m_manager.remove(shared_from_this());
}

void Session::notify(std::int64_t head)
{
    // A client behind on reading gets no more notices: it learns the head from its next reply.
    if (m_identity.authenticated && !m_closing && !m_stopped && m_writes.size() < kMaxQueuedWrites) {
        send(Notice{head});
    }
}

void Session::waitForDeadline()
{
    m_timer.expires_at(m_deadline);
    m_timer.async_wait([self = shared_from_this()](const boost::system::error_code& error) {
        if (error || self->m_stopped) {
            return;
        }
        if (std::chrono::steady_clock::now() < self->m_deadline) {
            self->waitForDeadline(); // the deadline moved while we slept
        } else if (self->m_closing) {
            self->stop();
        } else {
            self->fail(ErrorCode::Timeout, self->m_identity.authenticated
                                               ? "the connection was idle for too long"
                                               : "no hello arrived in time");
        }
    });
}

void Session::readMore()
{
    if (m_reading || m_stopped) {
        return;
    }
    m_reading = true;
    m_stream.async_read_some(
        asio::buffer(m_readBuffer), [self = shared_from_this()](const boost::system::error_code& error, std::size_t n) {
            self->m_reading = false;
            if (self->m_stopped) {
                return;
            }
            if (error) {
                if (self->m_decoder.buffered() > 0 && !self->m_closing && self->m_log) {
                    self->m_log(self->m_peer + ": connection closed inside a frame (truncated)");
                }
                self->stop();
                return;
            }
            if (self->m_closing) {
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
    return !m_closing && !m_stopped && m_inFlight < kMaxInFlight && m_writes.size() < kMaxQueuedWrites &&
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
            m_deadline = std::chrono::steady_clock::now() + m_limits.idleTimeout;
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
        if (error.fatal() || error.code() == ErrorCode::BadJson || ++m_badMessages >= kMaxBadMessages) {
            fail(error.code(), error.what(), error.requestId());
        } else {
            send(ErrorReply{error.requestId(), error.code(), error.what(), false});
        }
        return;
    }
    m_badMessages = 0;
    if (const auto* ping = std::get_if<Ping>(&message); ping != nullptr && m_identity.authenticated) {
        send(Pong{ping->id});
        return;
    }
    ++m_inFlight;
    m_queue.submit(m_identity, std::move(message),
                   [self = shared_from_this()](HandlerResult result) { self->complete(std::move(result)); });
}

void Session::complete(HandlerResult result)
{
    --m_inFlight;
    if (m_stopped) {
        return;
    }
    if (result.identity) {
        if (!m_identity.authenticated && result.identity->authenticated) {
            m_throttle.succeeded(m_peer);
            m_deadline = std::chrono::steady_clock::now() + m_limits.idleTimeout;
        }
        m_identity = *result.identity;
    }
    if (result.loginFailed) {
        // Answer a refused login only after a delay that grows with each failure from this
        // address. The session reads nothing meanwhile.
        m_closing = true;
        const auto delay = m_throttle.failed(m_peer);
        if (m_log) {
            m_log(m_peer + ": login refused, answering in " + std::to_string(delay.count()) + " ms");
        }
        m_deadline = std::chrono::steady_clock::now() + delay + kLingerTime;
        m_delay.expires_after(delay);
        m_delay.async_wait([self = shared_from_this(), replies = std::move(result.replies)](
                               const boost::system::error_code& error) {
            if (error || self->m_stopped) {
                return;
            }
            for (const auto& reply : replies) {
                self->send(reply);
            }
            self->closeGracefully();
        });
        return;
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

void Session::send(const ServerMessage& message)
{
    if (m_stopped) {
        return;
    }
    std::string frame;
    try {
        frame = encodeFrame(serialize(message));
    } catch (const std::exception& error) {
        frame = encodeFrame(serialize(ServerMessage{
            ErrorReply{std::nullopt, ErrorCode::Internal, std::string("a reply could not be sent: ") + error.what(),
                       false}}));
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
        if (m_closing) {
            finishClose();
        } else {
            processFrames(); // a full write queue may have paused reading
        }
        return;
    }
    m_writing = true;
    asio::async_write(m_stream, asio::buffer(m_writes.front()),
                      [self = shared_from_this()](const boost::system::error_code& error, std::size_t) {
                          if (self->m_stopped) {
                              return;
                          }
                          if (error) {
                              self->stop();
                              return;
                          }
                          self->m_writes.pop_front();
                          self->writeNext();
                      });
}

void Session::fail(ErrorCode code, const std::string& message, std::optional<std::int64_t> id)
{
    if (m_log) {
        m_log(m_peer + (m_identity.authenticated ? " (" + m_identity.user + ")" : std::string()) + ": " +
              std::string(toString(code)) + ": " + message);
    }
    send(ErrorReply{id, code, message, true});
    closeGracefully();
}

void Session::closeGracefully()
{
    if (m_stopped) {
        return;
    }
    m_closing = true;
    if (!m_writing && m_writes.empty()) {
        finishClose();
    }
}

void Session::finishClose()
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    // Shut our side only, then read (and drop) until the peer closes: closing with unread
    // bytes would make the kernel reset the connection and the peer lose the last reply.
    boost::system::error_code ignored;
    m_stream.lowest_layer().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
    m_deadline = std::chrono::steady_clock::now() + kLingerTime;
    waitForDeadline();
    readMore();
}

} // namespace concord::net
