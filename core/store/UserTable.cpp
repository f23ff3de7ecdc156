#include "core/store/UserTable.hpp"

#include "core/util/Error.hpp"

#include <string>

namespace concord::store {

namespace {

constexpr const char* kUserColumns = "SELECT name, role, salt, hash, iterations, created_at, revoked_at FROM users ";

UserRecord readUser(const sqlite::Statement& row)
{
    UserRecord user;
    user.name = row.columnText(0);
    user.role = roleFromString(row.columnView(1));
    user.salt = row.columnText(2);
    user.hash = row.columnText(3);
    user.iterations = static_cast<int>(row.columnInt(4));
    user.createdAt = row.columnInt(5);
    if (!row.isNull(6)) {
        user.revokedAt = row.columnInt(6);
    }
    return user;
}

} // namespace

void UserTable::add(const UserRecord& user)
{
    auto& statement = m_db.cached("INSERT OR IGNORE INTO users(name, role, salt, hash, iterations, created_at) "
                                  "VALUES (?, ?, ?, ?, ?, ?)");
    statement.bind(1, user.name).bind(2, toString(user.role)).bind(3, user.salt).bind(4, user.hash);
    statement.bind(5, user.iterations).bind(6, user.createdAt).run();
    if (m_db.changes() == 0) {
        throw InputError("a user named '" + user.name + "' exists already (revoked users keep their name)");
    }
}

std::optional<UserRecord> UserTable::find(std::string_view name)
{
    auto& statement = m_db.cached(std::string(kUserColumns) + "WHERE name = ?");
    statement.bind(1, name);
    if (!statement.step()) {
        return std::nullopt;
    }
    auto user = readUser(statement);
    statement.reset();
    return user;
}

std::vector<UserRecord> UserTable::list()
{
    auto& statement = m_db.cached(std::string(kUserColumns) + "ORDER BY name");
    std::vector<UserRecord> users;
    while (statement.step()) {
        users.push_back(readUser(statement));
    }
    return users;
}

bool UserTable::revoke(std::string_view name, std::int64_t now)
{
    m_db.cached("UPDATE users SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL")
        .bind(1, now)
        .bind(2, name)
        .run();
    return m_db.changes() > 0;
}

} // namespace concord::store
