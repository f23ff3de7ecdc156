// The server's users: a name, a role and a salted hash of the user's token (never the token
// itself). Revoked users stay listed, so that their past work keeps a name.
#pragma once

#include "core/model/SyncRecords.hpp"
#include "core/store/Sqlite.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace concord::store {

class UserTable
{
public:
    explicit UserTable(sqlite::Database& db) : m_db(db) {}

    // Throws InputError when a user of that name exists (revoked or not).
    void add(const UserRecord& user);
    std::optional<UserRecord> find(std::string_view name);
    std::vector<UserRecord> list();
    // Returns false when there is no such user or it was revoked already.
    bool revoke(std::string_view name, std::int64_t now);

private:
    sqlite::Database& m_db;
};

} // namespace concord::store
