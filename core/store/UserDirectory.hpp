// Where a sync server finds its users: the user table of a project file (SQLite: one project,
// one role each) or, on PostgreSQL, the server-wide accounts with the roles one project grants
// them (pgstore/ProjectUsers.hpp). The login check and the admin commands read and write users
// through this, so that they work on either.
#pragma once

#include "core/model/SyncRecords.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace concord::store {

class UserDirectory
{
public:
    virtual ~UserDirectory() = default;

    // Throws InputError when a user of that name exists (revoked or not).
    virtual void add(const UserRecord& user) = 0;
    // The user with their role here; nullopt for someone unknown here.
    virtual std::optional<UserRecord> find(std::string_view name) = 0;
    virtual std::vector<UserRecord> list() = 0;
    // Someone with an account on the server but no role here (PostgreSQL: accounts are
    // server-wide), with their credentials, so that a login with the right token can be told
    // it lacks a role rather than that the token is wrong. A project file has no such people.
    virtual std::optional<UserRecord> accountWithoutRole(std::string_view /*name*/) { return std::nullopt; }
    // The user may no longer sync here. False when there is no such user or it was revoked already.
    virtual bool revoke(std::string_view name, std::int64_t now) = 0;
};

} // namespace concord::store
