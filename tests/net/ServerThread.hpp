// A real sync server for tests: TLS on 127.0.0.1, an OS-chosen port (or a given one, to come
// back on after a restart), running on a thread of its own until the object is destroyed.
#pragma once

#include "net/server/Server.hpp"
#include "tests/net/StoreUnderTest.hpp"

#include <memory>
#include <thread>

namespace concord::test {

class ServerThread
{
public:
    explicit ServerThread(const std::string& projectPath, std::uint16_t port = 0,
                          std::function<void(net::ServerOptions&)> configure = {})
    {
        net::ServerOptions options;
        options.projectPath = projectPath;
        options.bind = "127.0.0.1";
        options.port = port;
        options.handleSignals = false;
        if (configure) {
            configure(options);
        }
        m_server = std::make_unique<net::Server>(std::move(options));
        m_port = m_server->port();
        m_thread = std::thread([this] { m_server->run(); });
    }
    // Serves the project in the store under test.
    explicit ServerThread(const ProjectUnderTest& project, std::uint16_t port = 0,
                          std::function<void(net::ServerOptions&)> configure = {})
        : ServerThread(project.address(), port, [&](net::ServerOptions& options) {
              project.serveOn(options);
              if (configure) {
                  configure(options);
              }
          })
    {}
    ~ServerThread() { stop(); }
    ServerThread(const ServerThread&) = delete;
    ServerThread& operator=(const ServerThread&) = delete;

    void stop()
    {
        if (m_thread.joinable()) {
            m_server->stop();
            m_thread.join();
        }
        m_server.reset();
    }

    // The port stays known after stop(), to start the next server on it.
    std::uint16_t port() const { return m_port; }
    std::string address() const { return "127.0.0.1:" + std::to_string(port()); }
    net::Endpoint endpoint() const { return net::Endpoint{"127.0.0.1", port()}; }
    const std::string& fingerprint() const { return m_server->fingerprint(); }

private:
    std::unique_ptr<net::Server> m_server;
    std::thread m_thread;
    std::uint16_t m_port = 0;
};

} // namespace concord::test
