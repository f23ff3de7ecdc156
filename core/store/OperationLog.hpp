// The server's operation log: every operation it accepted, numbered in the order it accepted
// them; (user, op id) is unique, which makes pushes idempotent. Implemented by the project
// file's oplog table (OpLogTable, SQLite) and by a PostgreSQL store's operations table
// (pgstore/ProjectOperations.hpp), numbered per project in commit order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace concord::store {

struct LoggedOperation
{
    std::int64_t seq = 0;
    bool superseded = false; // accepted into history, but a later version stayed current
};

// An entry as the log keeps it, with its number: what migrate-store copies from one store's log
// to another's.
struct LogEntry
{
    std::int64_t seq = 0;
    std::string opId;
    std::string user;
    std::string kind;
    std::string sampleId;
    std::string body;
    std::int64_t appliedAt = 0;
    bool superseded = false;
};

class OperationLog
{
public:
    virtual ~OperationLog() = default;

    // The entry of an operation the user sent before, if any.
    virtual std::optional<LoggedOperation> find(std::string_view user, std::string_view opId) = 0;
    // Appends an accepted operation and returns its sequence number. Runs in the caller's
    // transaction.
    virtual std::int64_t append(std::string_view opId, std::string_view user, std::string_view kind,
                                std::string_view sampleId, std::string_view body, std::int64_t appliedAt,
                                bool superseded) = 0;
    // The last sequence number given out and committed (0 before the first).
    virtual std::int64_t head() = 0;
    virtual std::int64_t count() = 0;
    // Up to `limit` entries numbered after `seq`, in order.
    virtual std::vector<LogEntry> entriesAfter(std::int64_t seq, int limit) = 0;
    // Writes another log's entry under its own number, above the head, which moves to it. Runs in
    // the caller's transaction.
    virtual void copyEntry(const LogEntry& entry) = 0;
};

} // namespace concord::store
