// The first step of migrate-store into a PostgreSQL store (net/server/ProjectCopy.hpp): a new
// project made from a server project of any store, with its id, settings, questions, order
// seed, records and users, in one transaction. copyProject then copies its log and rows.
#pragma once

#include "net/server/ServerStore.hpp"
#include "pgstore/Connection.hpp"
#include "pgstore/Projects.hpp"

#include <string>
#include <vector>

namespace concord::pg {

struct ProjectCopyMade
{
    ProjectRow project;
    // What the operator should know: accounts are the server's, so a user the store knew already
    // keeps the store's token, not the source's.
    std::vector<std::string> notes;
};

// Throws InputError when the name is taken, or when a user of the source is revoked on the store.
ProjectCopyMade createProjectCopy(Connection& connection, const std::string& name, net::ServerStore& source);

} // namespace concord::pg
