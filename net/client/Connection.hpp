// A client's TLS connection with a deadline on every step, in the blocking style of Asio's
// timeouts example (blocking_tcp_client): each operation is started asynchronously and the
// private io_context is run for at most the time allowed; an operation still pending then is
// cancelled by closing the socket. Used from one thread at a time (the CLI's, or the GUI's
// network thread), except wake(), which any thread may call.
#pragma once

#include "net/client/Endpoint.hpp"
#include "net/protocol/Frame.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream.hpp>

#include <array>
#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace concord::net {

class Connection
{
public:
    Connection();
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Connects and completes the TLS handshake; returns the fingerprint of the certificate the
    // server presented, which the caller checks before sending anything. Throws NetError.
    std::string connect(const Endpoint& endpoint, std::chrono::milliseconds timeout);
    // Writes bytes as they are (a frame, or anything a test wants to send).
    void writeRaw(std::string_view bytes, std::chrono::milliseconds timeout);
    void writeFrame(std::string_view payload, std::chrono::milliseconds timeout);
    // The next frame's payload, waiting at most `timeout`: nullopt when the time ran out
    // (the connection stays usable). Throws NetError when the connection closed or broke.
    // `wakeable`: wake() also ends the wait (with nullopt), at once.
    std::optional<std::string> readFrame(std::chrono::milliseconds timeout, bool wakeable = false);
    bool isOpen() const;
    void close();
    // While `*stop` is false nothing changes; once another thread sets it, the step under way
    // ends within about 100 ms as if it had timed out (the GUI's sync thread on closing), at
    // once when wake() follows. A wakeable read sees the flag only when wake() follows.
    void setStopFlag(const std::atomic<bool>* stop) { m_stop = stop; }
    // From any thread: ends the wakeable read under way, or the next one, at once; a step that
    // is not wakeable only rechecks the stop flag. Wake-ups are not counted: several before a
    // read end that one read. The connection must outlive the call.
    void wake();

private:
    using Stream = boost::asio::ssl::stream<boost::asio::ip::tcp::socket>;
    // Runs the io_context until the started operation completes or `timeout` passes (or a
    // stop, or with `wakeable` a wake-up); returns false when it did not complete, after
    // cancelling the operation (and closing the connection unless `keepOpen`).
    bool runFor(std::chrono::milliseconds timeout, const bool& done, bool keepOpen = false, bool wakeable = false);
    bool stopRequested() const { return m_stop != nullptr && m_stop->load(); }

    boost::asio::io_context m_io{1};
    const std::atomic<bool>* m_stop = nullptr;
    // Set by the handler wake() posts, which runs on the thread that runs m_io; cleared by the
    // read it ends.
    bool m_woken = false;
    std::shared_ptr<boost::asio::ssl::context> m_tls;
    std::unique_ptr<Stream> m_stream;
    FrameDecoder m_decoder;
    std::array<char, 16384> m_buffer{};
};

} // namespace concord::net
