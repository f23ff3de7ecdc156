#include "core/store/OpLogTable.hpp"

namespace concord::store {

std::optional<LoggedOperation> OpLogTable::find(std::string_view user, std::string_view opId)
{
    auto& statement = m_db.cached("SELECT seq, superseded FROM oplog WHERE user = ? AND op_id = ?");
    statement.bind(1, user).bind(2, opId);
    if (!statement.step()) {
        return std::nullopt;
    }
    LoggedOperation entry{statement.columnInt(0), statement.columnInt(1) != 0};
    statement.reset();
    return entry;
}

std::int64_t OpLogTable::append(std::string_view opId, std::string_view user, std::string_view kind,
                                std::string_view sampleId, std::string_view body, std::int64_t appliedAt,
                                bool superseded)
{
    auto& statement = m_db.cached("INSERT INTO oplog(op_id, user, kind, sample_id, body, applied_at, superseded) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?)");
    statement.bind(1, opId).bind(2, user).bind(3, kind).bind(4, sampleId).bind(5, body).bind(6, appliedAt);
    statement.bind(7, superseded ? 1 : 0).run();
    return m_db.lastInsertRowid();
}

std::int64_t OpLogTable::head()
{
    // sqlite_sequence holds the last AUTOINCREMENT value even if rows were ever deleted.
    auto& statement = m_db.cached("SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'oplog'), 0)");
    statement.step();
    const std::int64_t head = statement.columnInt(0);
    statement.reset();
    return head;
}

std::int64_t OpLogTable::count()
{
    auto& statement = m_db.cached("SELECT count(*) FROM oplog");
    statement.step();
    const std::int64_t count = statement.columnInt(0);
    statement.reset();
    return count;
}

} // namespace concord::store
