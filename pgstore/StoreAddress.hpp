// Where a PostgreSQL store is: a libpq connection string or a postgresql:// URI, as an operator
// types it after --store. Checked before any connection: it must parse, and it must not carry
// the password, which belongs in the password file (PGPASSFILE, ~/.pgpass) or PGPASSWORD, never
// on a command line that `ps` shows to everyone. TLS to the database is the address's own
// sslmode setting.
#pragma once

#include "pgstore/Connection.hpp"

#include <memory>
#include <string>

namespace concord::pg {

// Whether `text` names a PostgreSQL store rather than a project file: a postgresql:// or
// postgres:// URI, or a key=value connection string.
bool looksLikeStoreAddress(const std::string& text);

// Throws SettingError("store") when the address does not parse or holds a password.
void checkStoreAddress(const std::string& address);

// A connection to the store at `address` (checked first), its tables made or brought up to date:
// what every command on a store opens.
std::unique_ptr<Connection> openStore(const std::string& address);

} // namespace concord::pg
