// A range scan of the samples' primary key (see SampleKeys.hpp).
#include "core/store/SampleKeys.hpp"

#include "core/store/Sqlite.hpp"

namespace concord::store {

std::vector<std::int64_t> sampleKeysThrough(sqlite::Database& db, std::int64_t afterKey, std::int64_t throughKey)
{
    auto& statement = db.cached("SELECT pk FROM samples WHERE pk > ?1 AND pk <= ?2 ORDER BY pk");
    statement.bind(1, afterKey).bind(2, throughKey);
    std::vector<std::int64_t> keys;
    while (statement.step()) {
        keys.push_back(statement.columnInt(0));
    }
    return keys;
}

} // namespace concord::store
