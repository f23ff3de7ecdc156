#include "pgstore/ServeStore.hpp"

#include "core/util/Error.hpp"
#include "net/auth/Accounts.hpp"
#include "pgstore/Listener.hpp"
#include "pgstore/PgServerStore.hpp"
#include "pgstore/Pool.hpp"
#include "pgstore/StoreAddress.hpp"

namespace concord::pg {

namespace {

// LISTEN on the project's channel, on a connection of its own.
class ProjectNotices : public net::CommitNotices
{
public:
    ProjectNotices(const std::string& address, std::int64_t project) : m_listener(address), m_project(project)
    {
        m_listener.listen(project);
    }

    std::optional<std::int64_t> wait(std::chrono::milliseconds timeout) override
    {
        std::optional<std::int64_t> head;
        for (const Notice& notice : m_listener.wait(timeout)) {
            if (notice.project == m_project) {
                head = std::max(head.value_or(0), notice.lastSeq);
            }
        }
        return head;
    }

private:
    Listener m_listener;
    std::int64_t m_project;
};

net::CommitNoticesOpener noticesOf(const std::string& address, std::int64_t project)
{
    return [address, project]() -> std::unique_ptr<net::CommitNotices> {
        return std::make_unique<ProjectNotices>(address, project);
    };
}

// A login borrows a connection of the pool shared by every project's login checks for as long
// as it reads the account; more logins at once than the pool holds wait for one.
net::LoginCheckOpener loginCheckOf(std::shared_ptr<Pool> logins, std::int64_t project)
{
    return [logins, project]() -> net::LoginCheck {
        return [logins, project](const std::string& user, const std::string& token) {
            Pool::Lease lease = logins->acquire(std::chrono::seconds(10));
            try {
                ProjectUsers users(*lease, project);
                return net::checkLogin(users, user, token);
            } catch (const PgError& error) {
                if (error.connectionLost()) {
                    lease.broken();
                }
                throw;
            }
        };
    };
}

std::shared_ptr<Pool> loginPool(const std::string& address, std::size_t connections)
{
    PoolOptions options;
    options.size = std::max<std::size_t>(connections, 1);
    options.purpose = "concord logins";
    return std::make_shared<Pool>(address, options);
}

} // namespace

void serveFromStore(net::ServerOptions& options, const std::string& address, const std::string& project,
                    std::size_t loginConnections)
{
    // Checked once here so that a wrong address or name fails before the server binds.
    std::int64_t id = 0;
    {
        auto connection = openStore(address);
        const ProjectRow row = requireProject(*connection, project);
        PgServerStore check(*connection, row);
        id = row.id;
        analyzeStore(*connection);
    }
    options.openStore = [address, project](Clock clock) -> std::unique_ptr<net::ServerStore> {
        auto connection = openStore(address);
        const ProjectRow row = requireProject(*connection, project);
        return std::make_unique<PgServerStore>(std::move(connection), row, std::move(clock));
    };
    options.openNotices = noticesOf(address, id);
    options.openLoginCheck = loginCheckOf(loginPool(address, loginConnections), id);
}

void serveWholeStore(net::ServerOptions& options, const std::string& address, std::size_t loginConnections)
{
    {
        auto connection = openStore(address);
        analyzeStore(*connection);
    }
    options.openProject = [address, logins = loginPool(address, loginConnections)](const net::ProjectRef& wanted,
                                                                                   Clock clock) {
        auto connection = openStore(address);
        const auto row =
            wanted.id.empty() ? findProject(*connection, wanted.name) : findProjectById(*connection, wanted.id);
        // Said to whoever asked, so it names neither the store nor what it holds.
        if (!row || row->archived) {
            throw InputError(wanted.id.empty() ? "this server serves no project named '" + wanted.name + "'"
                                               : "this server does not serve the project of this replica");
        }
        net::ProjectSource source;
        source.store = std::make_unique<PgServerStore>(std::move(connection), *row, std::move(clock));
        source.openNotices = noticesOf(address, row->id);
        source.openLoginCheck = loginCheckOf(logins, row->id);
        source.notices = source.openNotices(); // here, not on the network thread; failing, the open fails
        return source;
    };
}

} // namespace concord::pg
