// One client connection on the server (as in Asio's chat and HTTP server examples): kept alive
// by shared_from_this while an operation is pending, one write in flight with a queue behind
// it. Frames are decoded here; the hello's project is found by the ProjectRouter, every token is
// checked by the project's LoginVerifier, and every decision is its Handler's, reached through
// its CommitQueue.
//
// Deadlines close the socket for certain. Each phase has one (the TLS handshake, the hello, idle
// time once logged in) and a write that makes no progress has its own; when one passes, the
// session says why and closes gracefully, and a peer that does not take that last message within
// a short grace period (it stopped reading, or never finished the handshake) is closed hard:
// the TCP socket is reset, not shut down politely. Runs on the network thread only.
#pragma once

#include "net/auth/LoginThrottle.hpp"
#include "net/auth/LoginVerifier.hpp"
#include "net/protocol/Frame.hpp"
#include "net/protocol/Messages.hpp"
#include "net/server/Identity.hpp"
#include "net/server/ProjectRouter.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace concord::net {

class SessionManager;

struct SessionLimits
{
    std::chrono::milliseconds handshakeTimeout = std::chrono::seconds(10);
    std::chrono::milliseconds helloTimeout = std::chrono::seconds(10); // from the end of the handshake
    std::chrono::milliseconds idleTimeout = std::chrono::seconds(120);
    std::chrono::milliseconds writeTimeout = std::chrono::seconds(30); // one frame written without progress
    // How long a closing session waits for the peer to take its last message and hang up.
    std::chrono::milliseconds closeGrace = std::chrono::seconds(2);
};

using ServerLog = std::function<void(const std::string&)>;

// What every session of a server shares.
struct SessionServices
{
    SessionManager& manager;
    ProjectRouter& projects;
    LoginThrottle& throttle;
    boost::asio::ssl::context* tls = nullptr; // the server's, made once it has read its certificate
    SessionLimits limits;
    ServerLog log;
};

class Session : public std::enable_shared_from_this<Session>
{
public:
    using Stream = boost::asio::ssl::stream<boost::asio::ip::tcp::socket>;

    Session(boost::asio::ip::tcp::socket socket, std::string peer, SessionServices& services);

    // Waits for the peer's first bytes, then starts the TLS handshake; with `refuse`, answers
    // `busy` after it and closes. Until those bytes arrive a connection holds a socket and
    // this object, not TLS state and buffers, so that silent peers cost little memory.
    void start(bool refuse);
    // Closes at once, without a goodbye (the server is shutting down).
    void stop();
    // Tells an authenticated client that changes up to `head` exist.
    void notify(std::int64_t head);
    // The user's token was revoked: a `revoked` error, then the close.
    void revoke();
    const std::string& user() const { return m_identity.user; }
    // The project the session's hello asked for (none before).
    const ProjectHost* project() const { return m_project; }

private:
    enum class Phase
    {
        Handshake,
        Hello,
        Open,
        Closing
    };

    void readMore();
    void processFrames();
    bool canDispatch() const;
    void dispatch(const std::string& payload);
    void routeHello(Hello hello);
    void verifyLogin(Hello hello);
    void complete(HandlerResult result);
    void loggedIn();
    void refuseLogin(HandlerResult result);
    void send(const ServerMessage& message);
    void writeNext();
    void fail(ErrorCode code, const std::string& message, std::optional<std::int64_t> id = std::nullopt);
    void closeGracefully();
    void finishClose();
    // Closes hard (a reset), saying why in the log.
    void abort(const std::string& why);
    void closeSocket(bool reset);
    void handshake(bool refuse);
    boost::asio::ip::tcp::socket& socket();
    void log(const std::string& message) const;

    // The deadline timer serves the phase's deadline and the write's; it is re-armed only when
    // the next expiry moves earlier, and otherwise wakes, finds nothing due, and sleeps again.
    void setDeadline(std::chrono::steady_clock::time_point when);
    void armTimer();
    void onTimer();
    void onDeadline();

    boost::asio::ip::tcp::socket m_socket; // until the first bytes arrive; then inside m_stream
    std::optional<Stream> m_stream;
    std::string m_peer;
    SessionServices& m_services;
    boost::asio::steady_timer m_timer;
    boost::asio::steady_timer m_delay; // a refused login's wait
    Phase m_phase = Phase::Handshake;
    std::chrono::steady_clock::time_point m_deadline;
    std::chrono::steady_clock::time_point m_writeDeadline;
    std::chrono::steady_clock::time_point m_timerExpiry;
    std::uint64_t m_timerGeneration = 0;
    bool m_timerArmed = false;
    FrameDecoder m_decoder{kMaxHelloFrameBytes};
    std::vector<char> m_readBuffer; // allocated once the session reads frames
    std::deque<std::string> m_writes;
    Identity m_identity;
    ProjectHost* m_project = nullptr; // set by the hello's route; the server keeps it
    std::string m_loginUser;          // the user a hello in progress claims, for the throttle
    int m_inFlight = 0;
    int m_badMessages = 0;
    bool m_reading = false;
    bool m_writing = false;
    bool m_finished = false; // the send side is shut; draining until the peer closes
    bool m_stopped = false;
};

} // namespace concord::net
