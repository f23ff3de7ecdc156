// The attacker's side of the hardening tests: plain TCP sockets (optionally from another
// 127.0.0.x source address) that send nothing or garbage, a TLS socket that logs in and then
// stops reading, and a recorder of the server's log lines that a test waits on. Every wait is
// for an event (the peer closed, a line was logged) with a generous upper bound after which the
// test fails; none sleeps for a fixed time.
#pragma once

#include "net/protocol/Frame.hpp"
#include "net/protocol/Messages.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/write.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstring>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

namespace concord::test {

// The server's log, as ServerOptions::log receives it, with waits for lines to appear.
class LogRecorder
{
public:
    std::function<void(const std::string&)> sink()
    {
        return [this](const std::string& line) {
            {
                std::lock_guard lock(m_mutex);
                m_lines.push_back(line);
            }
            m_changed.notify_all();
        };
    }

    std::size_t count(const std::string& fragment) const
    {
        std::lock_guard lock(m_mutex);
        return static_cast<std::size_t>(std::count_if(m_lines.begin(), m_lines.end(), [&](const std::string& line) {
            return line.find(fragment) != std::string::npos;
        }));
    }

    // Waits until at least `atLeast` lines contain `fragment`; false when `limit` passed first.
    bool waitFor(const std::string& fragment, std::size_t atLeast = 1,
                 std::chrono::milliseconds limit = std::chrono::seconds(30)) const
    {
        std::unique_lock lock(m_mutex);
        return m_changed.wait_for(lock, limit, [&] {
            return static_cast<std::size_t>(std::count_if(m_lines.begin(), m_lines.end(), [&](const std::string& l) {
                       return l.find(fragment) != std::string::npos;
                   })) >= atLeast;
        });
    }

    std::vector<std::string> lines() const
    {
        std::lock_guard lock(m_mutex);
        return m_lines;
    }

    std::string text() const
    {
        std::string all;
        for (const auto& line : lines()) {
            all += line + "\n";
        }
        return all;
    }

private:
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_changed;
    std::vector<std::string> m_lines;
};

// Waits until the peer closed `fd` (end of stream, reset or error), reading and dropping what
// arrives meanwhile when `drain`. Without `drain` nothing is read: only a reset (an abortive
// close) or a hang-up shows, as for a client that stopped reading. False when `limit` passed.
inline bool waitUntilClosed(int fd, std::chrono::milliseconds limit, bool drain = true)
{
    const auto deadline = std::chrono::steady_clock::now() + limit;
    for (;;) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            return false;
        }
        pollfd watched{fd, static_cast<short>((drain ? POLLIN : 0) | POLLRDHUP), 0};
        const int ready = ::poll(&watched, 1, static_cast<int>(left.count()));
        if (ready < 0) {
            return false;
        }
        if (ready == 0) {
            continue;
        }
        if ((watched.revents & (POLLERR | POLLHUP)) != 0) {
            return true;
        }
        if (!drain) {
            if ((watched.revents & POLLRDHUP) != 0) {
                return true;
            }
            continue;
        }
        char buffer[65536];
        const auto got = ::recv(fd, buffer, sizeof buffer, 0);
        if (got <= 0) {
            return true;
        }
    }
}

// A plain TCP connection to 127.0.0.1:port from `source` (any 127.0.0.x), sending nothing.
class SilentConnection
{
public:
    SilentConnection(std::uint16_t port, const std::string& source = "127.0.0.1")
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (m_fd < 0) {
            throw std::runtime_error("socket() failed: " + std::string(std::strerror(errno)));
        }
        sockaddr_in local{};
        local.sin_family = AF_INET;
        ::inet_pton(AF_INET, source.c_str(), &local.sin_addr);
        if (::bind(m_fd, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0) {
            const std::string reason = std::strerror(errno);
            ::close(m_fd);
            throw std::runtime_error("cannot bind to " + source + ": " + reason);
        }
        sockaddr_in remote{};
        remote.sin_family = AF_INET;
        remote.sin_port = htons(port);
        remote.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(m_fd, reinterpret_cast<sockaddr*>(&remote), sizeof remote) != 0) {
            const std::string reason = std::strerror(errno);
            ::close(m_fd);
            throw std::runtime_error("cannot connect from " + source + ": " + reason);
        }
    }
    ~SilentConnection()
    {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    SilentConnection(const SilentConnection&) = delete;
    SilentConnection& operator=(const SilentConnection&) = delete;

    int fd() const { return m_fd; }
    void send(const std::string& bytes) const { (void)::send(m_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL); }
    bool waitUntilClosed(std::chrono::milliseconds limit) const { return test::waitUntilClosed(m_fd, limit); }

private:
    int m_fd = -1;
};

// A blocking TLS client without certificate checks, for tests that need to write frames and
// then stop reading (net::Connection always reads what it waits for).
class RawTlsClient
{
public:
    explicit RawTlsClient(std::uint16_t port, int receiveBuffer = 0, const std::string& source = {})
        : m_tls(boost::asio::ssl::context::tls_client), m_stream(m_io, m_tls)
    {
        m_tls.set_verify_mode(boost::asio::ssl::verify_none);
        auto& socket = m_stream.lowest_layer();
        socket.open(boost::asio::ip::tcp::v4());
        if (!source.empty()) {
            socket.bind({boost::asio::ip::make_address(source), 0});
        }
        if (receiveBuffer > 0) {
            // Before connecting, so that the window the peer sees is small from the start.
            socket.set_option(boost::asio::socket_base::receive_buffer_size(receiveBuffer));
        }
        socket.connect({boost::asio::ip::make_address("127.0.0.1"), port});
        m_stream.handshake(boost::asio::ssl::stream_base::client);
    }

    int fd() { return m_stream.lowest_layer().native_handle(); }

    void writeFrame(const std::string& payload)
    {
        boost::asio::write(m_stream, boost::asio::buffer(net::encodeFrame(payload)));
    }

    // The next frame's payload (blocking); throws at the end of the stream.
    std::string readFrame()
    {
        for (;;) {
            if (auto payload = m_decoder.next()) {
                return *payload;
            }
            char buffer[16384];
            const std::size_t got = m_stream.read_some(boost::asio::buffer(buffer));
            m_decoder.feed(std::string_view(buffer, got));
        }
    }

    void hello(const std::string& user, const std::string& token)
    {
        writeFrame(
            net::serialize(net::ClientMessage{net::Hello{net::kProtocolVersion, user, token, "", "raw-" + user, ""}}));
        const auto reply = net::parseServerMessage(readFrame());
        if (!std::holds_alternative<net::Welcome>(reply)) {
            throw std::runtime_error("the login of " + user + " was refused");
        }
    }

private:
    boost::asio::io_context m_io;
    boost::asio::ssl::context m_tls;
    boost::asio::ssl::stream<boost::asio::ip::tcp::socket> m_stream;
    net::FrameDecoder m_decoder;
};

} // namespace concord::test
