#include "pgstore/ServeStore.hpp"

#include "core/util/Error.hpp"
#include "net/auth/Accounts.hpp"
#include "pgstore/PgServerStore.hpp"
#include "pgstore/StoreAddress.hpp"

namespace concord::pg {

namespace {

ProjectRow requireProject(Connection& connection, const std::string& name)
{
    auto project = findProject(connection, name);
    if (!project) {
        throw InputError("the store has no project named '" + name +
                         "'; make it with concord-cli project create --store URI " + name);
    }
    return *project;
}

} // namespace

void serveFromStore(net::ServerOptions& options, const std::string& address, const std::string& project)
{
    // Checked once here so that a wrong address or name fails before the server binds.
    {
        auto connection = openStore(address);
        PgServerStore check(*connection, requireProject(*connection, project));
    }
    options.openStore = [address, project](Clock clock) -> std::unique_ptr<net::ServerStore> {
        auto connection = openStore(address);
        const ProjectRow row = requireProject(*connection, project);
        return std::make_unique<PgServerStore>(std::move(connection), row, std::move(clock));
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
