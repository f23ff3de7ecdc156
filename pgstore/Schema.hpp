// The server's tables in a PostgreSQL database, and their version. migrate() makes or updates
// them under an advisory lock, so that servers starting together on one database do it once.
//   concord_schema(version)               one row: the version of these tables
//   projects(id, name, archived, ...)     the projects this database serves
//   project_sequences(project, last_seq)  the per-project counter row (ChangeLog.hpp)
//   accounts(name, salt, hash, ...)       server-wide: one token for every project
//   project_roles(project, account, role) what each project lets an account do (ProjectUsers.hpp)
//   changes(project, seq, kind, body, op_id, author, ...)
//                                         every accepted operation, numbered per project in
//                                         commit order; (project, author, op_id) unique
#pragma once

#include "pgstore/Connection.hpp"

#include <optional>

namespace concord::pg {

constexpr int kSchemaVersion = 2;

// The version found, nullopt when the database holds no Concord tables.
std::optional<int> schemaVersion(Connection& connection);
bool schemaIsCurrent(Connection& connection);
// Creates the tables, or brings older ones to kSchemaVersion. Throws PgError when the database
// holds a newer version (a newer Concord made it: serve it with that one).
void migrate(Connection& connection);

} // namespace concord::pg
