#include "pgstore/ServeStore.hpp"

#include "core/util/Error.hpp"
#include "net/auth/Accounts.hpp"
#include "pgstore/Listener.hpp"
#include "pgstore/PgServerStore.hpp"
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

} // namespace

void serveFromStore(net::ServerOptions& options, const std::string& address, const std::string& project)
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
    options.openNotices = [address, id]() -> std::unique_ptr<net::CommitNotices> {
        return std::make_unique<ProjectNotices>(address, id);
    };
    options.openLoginCheck = [address, project]() -> net::LoginCheck {
        std::shared_ptr<Connection> connection = openStore(address);
        auto users = std::make_shared<ProjectUsers>(*connection, requireProject(*connection, project).id);
        return [connection, users](const std::string& user, const std::string& token) {
            return net::checkLogin(*users, user, token);
        };
    };
}

} // namespace concord::pg
