// A listening socket on 127.0.0.1 that never answers, for tests of a client facing a server
// that does not: it never accepts, or takes a connection only to know it arrived.
#pragma once

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <vector>

namespace concord::test {

// A listening socket on 127.0.0.1:port that never accepts: a connection completes in the
// kernel's backlog, and the client then waits for a TLS handshake that never comes.
class BlackHole
{
public:
    explicit BlackHole(std::uint16_t port)
    {
        m_socket = ::socket(AF_INET, SOCK_STREAM, 0);
        REQUIRE(m_socket >= 0);
        const int yes = 1;
        ::setsockopt(m_socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::bind(m_socket, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
        REQUIRE(::listen(m_socket, 16) == 0);
    }
    ~BlackHole()
    {
        for (const int taken : m_taken) {
            ::close(taken);
        }
        ::close(m_socket);
    }
    BlackHole(const BlackHole&) = delete;
    BlackHole& operator=(const BlackHole&) = delete;

    // Waits up to `limit` for a client to connect and takes its connection, which then hears
    // nothing until the BlackHole goes: the client is known to be waiting for the handshake.
    bool takeOne(std::chrono::milliseconds limit)
    {
        pollfd waiting{m_socket, POLLIN, 0};
        if (::poll(&waiting, 1, static_cast<int>(limit.count())) != 1) {
            return false;
        }
        const int taken = ::accept(m_socket, nullptr, nullptr);
        if (taken < 0) {
            return false;
        }
        m_taken.push_back(taken);
        return true;
    }

private:
    int m_socket = -1;
    std::vector<int> m_taken;
};

} // namespace concord::test
