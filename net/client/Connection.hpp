// A client's TLS connection with a deadline on every step, in the blocking style of Asio's
// timeouts example (blocking_tcp_client): each operation is started asynchronously and the
// private io_context is run for at most the time allowed; an operation still pending then is
// cancelled by closing the socket. Used from one thread at a time (the CLI's, or the GUI's
// network thread).
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
    std::optional<std::string> readFrame(std::chrono::milliseconds timeout);
    bool isOpen() const;
    void close();
    // While `*stop` is false nothing changes; once another thread sets it, the step under way
    // ends within about 100 ms as if it had timed out (the GUI's sync thread on closing).
    void setStopFlag(const std::atomic<bool>* stop) { m_stop = stop; }

private:
    using Stream = boost::asio::ssl::stream<boost::asio::ip::tcp::socket>;
    // Runs the io_context until the started operation completes or `timeout` passes; returns
    // false on timeout, after cancelling the operation (and closing the connection unless
    // `keepOpen`).
    bool runFor(std::chrono::milliseconds timeout, const bool& done, bool keepOpen = false);

    boost::asio::io_context m_io{1};
    const std::atomic<bool>* m_stop = nullptr;
    std::shared_ptr<boost::asio::ssl::context> m_tls;
    std::unique_ptr<Stream> m_stream;
    FrameDecoder m_decoder;
    std::array<char, 16384> m_buffer{};
};

} // namespace concord::net
