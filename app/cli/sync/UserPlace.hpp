// Where the users of a served project are: the project file's users table, or a project's roles
// on a PostgreSQL store (accounts server-wide). The user commands and serve open it alike.
#pragma once

#include "core/store/Project.hpp"
#include "core/store/UserTable.hpp"
#include "core/util/Clock.hpp"
#include "pgstore/Connection.hpp"
#include "pgstore/ProjectUsers.hpp"

#include <memory>
#include <string>

namespace concord::cli {

class UserPlace
{
public:
    // Throws InputError or SettingError("project") when the place is not named right.
    UserPlace(const std::string& file, const std::string& storeAddress, const std::string& storeProject,
              bool projectRequired = true);

    store::UserDirectory& users() { return m_table ? static_cast<store::UserDirectory&>(*m_table) : *m_projectUsers; }
    pg::Connection* store() { return m_connection.get(); }
    std::int64_t projectId() const { return m_projectId; }
    std::int64_t now() const { return m_file ? m_file->now() : systemNowMs(); }
    const std::string& where() const { return m_where; }

private:
    std::unique_ptr<Project> m_file;
    std::unique_ptr<store::UserTable> m_table;
    std::unique_ptr<pg::Connection> m_connection;
    std::unique_ptr<pg::ProjectUsers> m_projectUsers;
    std::int64_t m_projectId = 0;
    std::string m_where;
};

} // namespace concord::cli
