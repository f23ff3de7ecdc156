// The server's operation log: every operation it accepted, in the order it accepted them. A
// row's `seq` is the next value of the one monotonically increasing sequence number (SQLite's
// AUTOINCREMENT never reuses one); (user, op_id) is unique, which makes pushes idempotent.
#pragma once

#include "core/store/Sqlite.hpp"

#include <cstdint>
#include <optional>
#include <string_view>

namespace concord::store {

struct LoggedOperation
{
    std::int64_t seq = 0;
    bool superseded = false; // accepted into history, but a later version stayed current
};

class OpLogTable
{
public:
    explicit OpLogTable(sqlite::Database& db) : m_db(db) {}

    // The entry of an operation the user sent before, if any.
    std::optional<LoggedOperation> find(std::string_view user, std::string_view opId);
    // Appends an accepted operation and returns its sequence number.
    std::int64_t append(std::string_view opId, std::string_view user, std::string_view kind, std::string_view sampleId,
                        std::string_view body, std::int64_t appliedAt, bool superseded);
    // The last sequence number given out (0 before the first).
    std::int64_t head();
    std::int64_t count();

private:
    sqlite::Database& m_db;
};

} // namespace concord::store
