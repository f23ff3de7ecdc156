#include "app/gui/sync/ServerHost.hpp"

#include "core/model/Role.hpp"
#include "core/store/UserTable.hpp"
#include "net/auth/Accounts.hpp"
#include "net/server/Server.hpp"
#include "net/server/ServerProject.hpp"

#include <QMetaObject>
#include <QTime>

#include <utility>

namespace concord::gui {

ServerHost::ServerHost(std::string projectPath, QObject* parent) : QObject(parent), m_path(std::move(projectPath)) {}

ServerHost::~ServerHost()
{
    stop();
}

void ServerHost::start(const std::string& bind, std::uint16_t port)
{
    stop();
    net::ServerOptions options;
    options.projectPath = m_path;
    options.bind = bind;
    options.port = port;
    options.handleSignals = false; // the app's signals are the app's
    // Called on the server's thread; the line reaches the dialog on the GUI thread. Queued calls
    // to this object are dropped by Qt once it is gone, and it is gone only after the thread.
    options.log = [this](const std::string& message) {
        const QString line = QStringLiteral("%1  %2").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")),
                                                          QString::fromStdString(message));
        QMetaObject::invokeMethod(
            this, [this, line] { Q_EMIT logged(line); }, Qt::QueuedConnection);
    };
    m_server = std::make_unique<net::Server>(std::move(options));
    m_thread = std::thread([server = m_server.get()] { server->run(); });
    Q_EMIT runningChanged(true);
}

void ServerHost::stop()
{
    if (m_thread.joinable()) {
        m_server->stop();
        m_thread.join();
    }
    if (std::exchange(m_server, nullptr)) {
        Q_EMIT runningChanged(false);
    }
}

std::uint16_t ServerHost::port() const
{
    return m_server ? m_server->port() : 0;
}

QString ServerHost::fingerprint() const
{
    return m_server ? QString::fromStdString(m_server->fingerprint()) : QString();
}

QString ServerHost::addUser(const QString& name, const QString& role)
{
    // A connection of its own, as `concord-cli user add` uses while a server runs.
    auto project = net::openForServerAdmin(m_path);
    store::UserTable users(project->database());
    return QString::fromStdString(
        net::addUser(users, name.trimmed().toStdString(), roleFromString(role.toStdString()), project->now()));
}

std::vector<HostedUser> ServerHost::users() const
{
    auto project = net::openForServerAdmin(m_path);
    store::UserTable table(project->database());
    std::vector<HostedUser> users;
    for (const auto& user : table.list()) {
        users.push_back({QString::fromStdString(user.name), QString::fromStdString(std::string(toString(user.role))),
                         user.revokedAt.has_value()});
    }
    return users;
}

} // namespace concord::gui
