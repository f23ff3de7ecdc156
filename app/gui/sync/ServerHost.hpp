// The sync server run inside the app ("Host this project"): net::Server on a thread of its own,
// its log lines handed to the GUI thread by queued calls, and the users of the served project
// added through net's accounts. Stopping (or destroying) it closes every session and waits for
// the server thread. The open project owns it (OpenProject::host), so that it serves until the
// project closes or the user stops it; the host dialog only shows and controls it. No socket
// code here: everything is net's.
#pragma once

#include <QObject>
#include <QString>

#include <cstdint>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace concord::net {
class Server;
}

namespace concord::gui {

struct HostedUser
{
    QString name;
    QString role;
    bool revoked = false;
};

class ServerHost : public QObject
{
    Q_OBJECT

public:
    explicit ServerHost(std::string projectPath, QObject* parent = nullptr);
    ~ServerHost() override;
    ServerHost(const ServerHost&) = delete;
    ServerHost& operator=(const ServerHost&) = delete;

    // Binds `bind`:`port` (0: any free port) and serves until stop(). Throws InputError (a
    // replica, a missing file), StoreError or NetError (the port is taken) naming the problem.
    void start(const std::string& bind, std::uint16_t port);
    void stop();
    bool isRunning() const { return m_server != nullptr; }
    std::uint16_t port() const;
    QString fingerprint() const;

    // Adds a user to the served project and returns their token (shown only this once).
    // Throws InputError for a bad or taken name.
    QString addUser(const QString& name, const QString& role);
    std::vector<HostedUser> users() const;

Q_SIGNALS:
    void logged(const QString& line);
    // Started or stopped.
    void runningChanged(bool running);

private:
    const std::string m_path;
    std::unique_ptr<net::Server> m_server;
    std::thread m_thread;
};

} // namespace concord::gui
