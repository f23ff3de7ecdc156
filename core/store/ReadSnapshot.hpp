// Ends the read transaction that finished-but-unreset cached statements keep open. A
// connection holding one sees an old snapshot of a WAL database, and when another connection
// has written since, its next BEGIN IMMEDIATE fails at once with SQLITE_BUSY_SNAPSHOT instead of
// waiting. Long-lived connections that share their file with others (the sync server, a
// replica synced while the GUI labels) call this before each write transaction.
#pragma once

#include "core/store/Sqlite.hpp"

namespace concord::store {

// Resets every statement of the connection. Only outside a transaction, and only when no
// caller is still stepping through a statement's rows.
void releaseReadSnapshot(sqlite::Database& db);

} // namespace concord::store
