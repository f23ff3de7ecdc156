// A listening socket on 127.0.0.1 that never accepts, for tests of a client facing a server
// that does not answer.
#pragma once

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>

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
    ~BlackHole() { ::close(m_socket); }
    BlackHole(const BlackHole&) = delete;
    BlackHole& operator=(const BlackHole&) = delete;

private:
    int m_socket = -1;
};

} // namespace concord::test
