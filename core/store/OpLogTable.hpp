// The project file's operation log (OperationLog). A row's `seq` is the next value of the one
// monotonically increasing sequence number (SQLite's AUTOINCREMENT never reuses one; one writer
// at a time, so numbers are given in commit order); (user, op_id) is unique.
#pragma once

#include "core/store/OperationLog.hpp"
#include "core/store/Sqlite.hpp"

namespace concord::store {

class OpLogTable : public OperationLog
{
public:
    explicit OpLogTable(sqlite::Database& db) : m_db(db) {}

    std::optional<LoggedOperation> find(std::string_view user, std::string_view opId) override;
    std::int64_t append(std::string_view opId, std::string_view user, std::string_view kind, std::string_view sampleId,
                        std::string_view body, std::int64_t appliedAt, bool superseded) override;
    std::int64_t head() override;
    std::int64_t count() override;
    std::vector<LogEntry> entriesAfter(std::int64_t seq, int limit) override;
    // AUTOINCREMENT keeps the largest number it has seen, copied ones included: the head follows.
    void copyEntry(const LogEntry& entry) override;

private:
    sqlite::Database& m_db;
};

} // namespace concord::store
