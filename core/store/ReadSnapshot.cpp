#include "core/store/ReadSnapshot.hpp"

#include <sqlite3.h>

namespace concord::store {

void releaseReadSnapshot(sqlite::Database& db)
{
    if (sqlite3_get_autocommit(db.handle()) == 0) {
        return; // inside a transaction: its snapshot is the one wanted
    }
    for (sqlite3_stmt* statement = sqlite3_next_stmt(db.handle(), nullptr); statement != nullptr;
         statement = sqlite3_next_stmt(db.handle(), statement)) {
        if (sqlite3_stmt_busy(statement) != 0) {
            sqlite3_reset(statement);
        }
    }
}

} // namespace concord::store
