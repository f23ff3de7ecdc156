#include "app/cli/sync/UserPlace.hpp"

#include "core/util/Error.hpp"
#include "net/server/ServerProject.hpp"
#include "pgstore/Projects.hpp"
#include "pgstore/StoreAddress.hpp"

namespace concord::cli {

UserPlace::UserPlace(const std::string& file, const std::string& storeAddress, const std::string& storeProject,
                     bool projectRequired)
{
    if (storeAddress.empty() == file.empty()) {
        throw InputError("name the server's project file, or --store URI with --project NAME (not both)");
    }
    if (storeAddress.empty()) {
        m_file = net::openForServerAdmin(file);
        m_table = std::make_unique<store::UserTable>(m_file->database());
        m_where = file;
        return;
    }
    m_connection = pg::openStore(storeAddress);
    m_where = m_connection->describe();
    if (storeProject.empty()) {
        if (projectRequired) {
            throw SettingError("project", "name the project on the store whose users these are");
        }
        return;
    }
    const auto project = pg::requireProject(*m_connection, storeProject);
    m_projectId = project.id;
    m_where = "project " + project.name + " in " + m_where;
    m_projectUsers = std::make_unique<pg::ProjectUsers>(*m_connection, m_projectId);
}

} // namespace concord::cli
