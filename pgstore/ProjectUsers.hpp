// Users on a PostgreSQL store: accounts are server-wide (one name, one token), roles are per
// project. ProjectUsers is the UserDirectory of one project: find() gives an account with its
// role here, and someone without a role here is nobody here (not found), whatever they may do
// elsewhere. add() makes a new account with a role here; grantRole() gives an existing account
// a role in another project; revoke() takes the role here away; revokeAccount() ends the token
// everywhere. Revoked roles and accounts stay listed, so that past work keeps a name.
#pragma once

#include "core/store/UserDirectory.hpp"
#include "pgstore/Connection.hpp"

#include <cstdint>

namespace concord::pg {

class ProjectUsers : public store::UserDirectory
{
public:
    ProjectUsers(Connection& connection, std::int64_t project) : m_connection(connection), m_project(project) {}

    // A new account, with user.role in this project. InputError when the name has an account.
    void add(const UserRecord& user) override;
    std::optional<UserRecord> find(std::string_view name) override;
    std::vector<UserRecord> list() override;
    std::optional<UserRecord> accountWithoutRole(std::string_view name) override;
    // Takes the role in this project away.
    bool revoke(std::string_view name, std::int64_t now) override;

private:
    Connection& m_connection;
    std::int64_t m_project;
};

// Whether `name` has an account on the store (revoked or not).
bool accountExists(Connection& connection, std::string_view name);
// Gives an existing account `role` in `project` (again, if it was taken away). InputError when
// there is no such account or it is revoked.
void grantRole(Connection& connection, std::int64_t project, std::string_view name, Role role, std::int64_t now);
// Makes the account of `user` (its credentials, no role) in the caller's transaction.
void insertAccount(Connection& connection, const UserRecord& user);
// Ends the account's token in every project. False when there is none or it is revoked already.
bool revokeAccount(Connection& connection, std::string_view name, std::int64_t now);

} // namespace concord::pg
