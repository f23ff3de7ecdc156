// Flags an annotator raises on a sample, each with a comment ("the text is cut off", "not
// English"), for the lead to look at. One flag per sample and annotator; raising it again
// replaces the comment. The table is created by the first flag, so older project files gain it
// without a migration, and reading never writes (a read on a replica must not wait for the
// sync thread's write lock).
#pragma once

#include "core/store/Sqlite.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace concord::store {

struct Flag
{
    std::int64_t sample = 0;
    std::string annotator;
    std::string comment;
    std::int64_t created = 0; // ms since the epoch
};

class FlagTable
{
public:
    explicit FlagTable(sqlite::Database& db);

    void put(std::int64_t sample, std::string_view annotator, std::string_view comment, std::int64_t now);
    bool remove(std::int64_t sample, std::string_view annotator);
    std::optional<Flag> get(std::int64_t sample, std::string_view annotator);
    // Every flag, oldest first.
    std::vector<Flag> list();

private:
    bool exists();

    sqlite::Database& m_db;
};

} // namespace concord::store
