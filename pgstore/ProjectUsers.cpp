#include "pgstore/ProjectUsers.hpp"

#include "core/util/Error.hpp"

namespace concord::pg {

namespace {

// The account with its role in the project; revoked when the account or the role is.
constexpr const char* kSelect =
    "SELECT a.name, r.role, a.salt, a.hash, a.iterations, a.created_at, "
    "CASE WHEN a.revoked_at IS NULL THEN r.revoked_at WHEN r.revoked_at IS NULL THEN a.revoked_at "
    "ELSE least(a.revoked_at, r.revoked_at) END "
    "FROM accounts a JOIN project_roles r ON r.account = a.name WHERE r.project = $1";

UserRecord userOf(const Result& rows, int row)
{
    UserRecord user;
    user.name = rows.text(row, 0);
    user.role = roleFromString(rows.text(row, 1));
    user.salt = rows.text(row, 2);
    user.hash = rows.text(row, 3);
    user.iterations = static_cast<int>(rows.integer(row, 4));
    user.createdAt = rows.integer(row, 5);
    if (rows.value(row, 6)) {
        user.revokedAt = rows.integer(row, 6);
    }
    return user;
}

} // namespace

void ProjectUsers::add(const UserRecord& user)
{
    Transaction transaction(m_connection);
    if (accountExists(m_connection, user.name)) {
        throw InputError("a user named '" + user.name + "' exists already: give them a role in this project instead");
    }
    insertAccount(m_connection, user);
    grantRole(m_connection, m_project, user.name, user.role, user.createdAt);
    transaction.commit();
}

std::optional<UserRecord> ProjectUsers::find(std::string_view name)
{
    const Result rows =
        m_connection.exec(std::string(kSelect) + " AND a.name = $2", {std::to_string(m_project), std::string(name)});
    return rows.rows() == 0 ? std::nullopt : std::optional<UserRecord>(userOf(rows, 0));
}

std::optional<UserRecord> ProjectUsers::accountWithoutRole(std::string_view name)
{
    const Result rows = m_connection.exec(
        "SELECT a.name, 'annotator', a.salt, a.hash, a.iterations, a.created_at, a.revoked_at FROM accounts a "
        "WHERE a.name = $2 AND NOT EXISTS (SELECT 1 FROM project_roles r WHERE r.project = $1 AND r.account = a.name)",
        {std::to_string(m_project), std::string(name)});
    return rows.rows() == 0 ? std::nullopt : std::optional<UserRecord>(userOf(rows, 0));
}

std::vector<UserRecord> ProjectUsers::list()
{
    const Result rows = m_connection.exec(std::string(kSelect) + " ORDER BY a.name", {std::to_string(m_project)});
    std::vector<UserRecord> users;
    for (int row = 0; row < rows.rows(); ++row) {
        users.push_back(userOf(rows, row));
    }
    return users;
}

bool ProjectUsers::revoke(std::string_view name, std::int64_t now)
{
    const Result revoked = m_connection.exec(
        "UPDATE project_roles SET revoked_at = $3 WHERE project = $1 AND account = $2 AND revoked_at IS NULL",
        {std::to_string(m_project), std::string(name), std::to_string(now)});
    return revoked.affected() == 1;
}

bool accountExists(Connection& connection, std::string_view name)
{
    return connection.exec("SELECT 1 FROM accounts WHERE name = $1", {std::string(name)}).rows() == 1;
}

void grantRole(Connection& connection, std::int64_t project, std::string_view name, Role role, std::int64_t now)
{
    const Result account = connection.exec("SELECT revoked_at FROM accounts WHERE name = $1", {std::string(name)});
    if (account.rows() == 0) {
        throw InputError("no user named '" + std::string(name) + "' on this server");
    }
    if (account.value(0, 0)) {
        throw InputError("the token of '" + std::string(name) + "' was revoked; add them again under a new name");
    }
    connection.exec("INSERT INTO project_roles (project, account, role, granted_at) VALUES ($1, $2, $3, $4) "
                    "ON CONFLICT (project, account) DO UPDATE SET role = excluded.role, "
                    "granted_at = excluded.granted_at, revoked_at = NULL",
                    {std::to_string(project), std::string(name), std::string(toString(role)), std::to_string(now)});
}

void insertAccount(Connection& connection, const UserRecord& user)
{
    connection.exec("INSERT INTO accounts (name, salt, hash, iterations, created_at) VALUES ($1, $2, $3, $4, $5)",
                    {user.name, user.salt, user.hash, std::to_string(user.iterations), std::to_string(user.createdAt)});
}

bool revokeAccount(Connection& connection, std::string_view name, std::int64_t now)
{
    const Result revoked = connection.exec("UPDATE accounts SET revoked_at = $2 WHERE name = $1 AND revoked_at IS NULL",
                                           {std::string(name), std::to_string(now)});
    return revoked.affected() == 1;
}

} // namespace concord::pg
