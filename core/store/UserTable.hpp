// The users of a project file's server (UserDirectory): a name, a role and a salted hash of the
// user's token (never the token itself). Revoked users stay listed, so that their past work
// keeps a name.
#pragma once

#include "core/model/SyncRecords.hpp"
#include "core/store/Sqlite.hpp"
#include "core/store/UserDirectory.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace concord::store {

class UserTable : public UserDirectory
{
public:
    explicit UserTable(sqlite::Database& db) : m_db(db) {}

    void add(const UserRecord& user) override;
    std::optional<UserRecord> find(std::string_view name) override;
    std::vector<UserRecord> list() override;
    bool revoke(std::string_view name, std::int64_t now) override;

private:
    sqlite::Database& m_db;
};

} // namespace concord::store
