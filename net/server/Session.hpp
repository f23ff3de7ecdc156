// One client connection on the server (as in Asio's chat and HTTP server examples): kept alive
// by shared_from_this while an operation is pending, one write in flight with a queue behind
// it, a deadline for silent peers, and a graceful close that lets a final error reach the peer.
// Frames are decoded here; every decision is the Handler's, reached through the CommitQueue.
// Runs on the network thread only.
#pragma once

#include "net/auth/LoginThrottle.hpp"
#include "net/protocol/Frame.hpp"
#include "net/protocol/Messages.hpp"
#include "net/server/CommitQueue.hpp"
#include "net/server/Identity.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/steady_timer.hpp>

#include <array>
#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <string>

namespace concord::net {

class SessionManager;

struct SessionLimits
{
    std::chrono::milliseconds helloTimeout = std::chrono::seconds(10);
    std::chrono::milliseconds idleTimeout = std::chrono::seconds(120);
};

using ServerLog = std::function<void(const std::string&)>;

class Session : public std::enable_shared_from_this<Session>
{
public:
    using Stream = boost::asio::ssl::stream<boost::asio::ip::tcp::socket>;

    Session(Stream stream, std::string peer, SessionManager& manager, CommitQueue& queue, LoginThrottle& throttle,
            SessionLimits limits, ServerLog log);

    // Starts the TLS handshake; with `refuse`, answers `busy` after it and closes.
    void start(bool refuse);
    // Closes at once, without a goodbye.
    void stop();
    // Tells an authenticated client that changes up to `head` exist.
    void notify(std::int64_t head);

private:
    void readMore();
    void processFrames();
    bool canDispatch() const;
    void dispatch(const std::string& payload);
    void complete(HandlerResult result);
    void send(const ServerMessage& message);
    void writeNext();
    void fail(ErrorCode code, const std::string& message, std::optional<std::int64_t> id = std::nullopt);
    void closeGracefully();
    void finishClose();
    void waitForDeadline();

    Stream m_stream;
    std::string m_peer;
    SessionManager& m_manager;
    CommitQueue& m_queue;
    LoginThrottle& m_throttle;
    SessionLimits m_limits;
    ServerLog m_log;
    boost::asio::steady_timer m_timer; // the deadline
    boost::asio::steady_timer m_delay; // a refused login's wait
    std::chrono::steady_clock::time_point m_deadline;
    FrameDecoder m_decoder;
    std::array<char, 8192> m_readBuffer{};
    std::deque<std::string> m_writes;
    Identity m_identity;
    int m_inFlight = 0;
    int m_badMessages = 0;
    bool m_reading = false;
    bool m_writing = false;
    bool m_closing = false;  // no more requests; close once the writes are out
    bool m_finished = false; // the send side is shut; draining until the peer closes
    bool m_stopped = false;
};

} // namespace concord::net
