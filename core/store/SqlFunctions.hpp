// SQL functions every project connection has: regexp() (so that `text REGEXP 'pattern'`
// works in signals) and token_count(). Pure and deterministic.
#pragma once

struct sqlite3;

namespace concord::store {

void registerSqlFunctions(sqlite3* db);

} // namespace concord::store
