#include "app/cli/store/StoreSnapshot.hpp"

#include "core/util/Error.hpp"
#include "net/server/ProjectCopy.hpp"
#include "net/server/ServerProject.hpp"
#include "pgstore/PgServerStore.hpp"
#include "pgstore/StoreAddress.hpp"

namespace concord::cli {

void addStoreProjectOptions(CLI::App& command, StoreProjectOptions& options)
{
    command.add_option("--store", options.store,
                       "Read a project of a PostgreSQL store instead of a file: postgresql://USER@HOST/DATABASE or "
                       "'host=... dbname=...' (the password from ~/.pgpass, PGPASSFILE or PGPASSWORD), with --project");
    command.add_option("--project", options.project, "The project's name in the store given with --store");
}

StoreSnapshot::StoreSnapshot(const std::string& store, const std::string& project)
    : m_path((m_folder.path() / (project + ".concord")).string())
{
    auto connection = pg::openStore(store);
    const pg::ProjectRow row = pg::requireProject(*connection, project);
    pg::PgServerStore source(std::move(connection), row);
    net::ServerProject::createCopy(m_path, source);
    net::ServerProject copy(m_path);
    net::copyProject(source, copy);
}

std::unique_ptr<StoreSnapshot> projectFileFor(std::string& file, const StoreProjectOptions& options)
{
    if (options.store.empty()) {
        if (!options.project.empty()) {
            throw SettingError("project", "--project names a project of a store: give --store URI too");
        }
        if (file.empty()) {
            throw SettingError("project", "give a project file, or --store URI --project NAME");
        }
        return nullptr;
    }
    if (!file.empty()) {
        throw SettingError("store", "give a project file or --store, not both");
    }
    if (options.project.empty()) {
        throw SettingError("project", "--store needs --project NAME: the project to read");
    }
    auto snapshot = std::make_unique<StoreSnapshot>(options.store, options.project);
    file = snapshot->path();
    return snapshot;
}

} // namespace concord::cli
