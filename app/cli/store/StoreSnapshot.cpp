#include "app/cli/store/StoreSnapshot.hpp"

#include "core/util/Error.hpp"
#include "net/server/ProjectCopy.hpp"
#include "net/server/ServerProject.hpp"
#include "pgstore/PgServerStore.hpp"
#include "pgstore/StoreAddress.hpp"

#include <cstdlib>
#include <system_error>

namespace concord::cli {

void addStoreProjectOptions(CLI::App& command, StoreProjectOptions& options)
{
    command.add_option("--store", options.store,
                       "Read a project of a PostgreSQL store instead of a file: postgresql://USER@HOST/DATABASE or "
                       "'host=... dbname=...' (the password from ~/.pgpass, PGPASSFILE or PGPASSWORD), with --project");
    command.add_option("--project", options.project, "The project's name in the store given with --store");
}

StoreSnapshot::StoreSnapshot(const std::string& store, const std::string& project)
{
    auto connection = pg::openStore(store);
    const auto row = pg::findProject(*connection, project);
    if (!row) {
        throw SettingError("project", "no project named '" + project + "' in " + connection->describe() +
                                          " (concord-cli project list --store shows them)");
    }
    pg::PgServerStore source(std::move(connection), *row);
    std::string pattern = (std::filesystem::temp_directory_path() / "concord-store-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
        throw StoreError("cannot make a temporary folder in " + std::filesystem::temp_directory_path().string() +
                         " for a copy of project '" + project + "': " + std::generic_category().message(errno));
    }
    m_dir = pattern;
    m_path = (m_dir / (project + ".concord")).string();
    try {
        net::ServerProject::createCopy(m_path, source);
        net::ServerProject copy(m_path);
        net::copyProject(source, copy);
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove_all(m_dir, ignored);
        throw;
    }
}

StoreSnapshot::~StoreSnapshot()
{
    std::error_code ignored; // a temporary folder left behind is the OS's to clean, not an error to report
    std::filesystem::remove_all(m_dir, ignored);
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
