#include "core/store/OpLogTable.hpp"

#include "core/util/Error.hpp"

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

std::vector<LogEntry> OpLogTable::entriesAfter(std::int64_t seq, int limit)
{
    auto& statement = m_db.cached("SELECT seq, op_id, user, kind, sample_id, body, applied_at, superseded FROM oplog "
                                  "WHERE seq > ? ORDER BY seq LIMIT ?");
    statement.bind(1, seq).bind(2, limit);
    std::vector<LogEntry> entries;
    while (statement.step()) {
        entries.push_back(LogEntry{statement.columnInt(0), statement.columnText(1), statement.columnText(2),
                                   statement.columnText(3), statement.columnText(4), statement.columnText(5),
                                   statement.columnInt(6), statement.columnInt(7) != 0});
    }
    return entries;
}

void OpLogTable::copyEntry(const LogEntry& entry)
{
    if (entry.seq <= head()) {
        throw InputError("operation " + std::to_string(entry.seq) + " is not above the log's last (" +
                         std::to_string(head()) + ")");
    }
    auto& statement = m_db.cached("INSERT INTO oplog(seq, op_id, user, kind, sample_id, body, applied_at, superseded) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    statement.bind(1, entry.seq).bind(2, entry.opId).bind(3, entry.user).bind(4, entry.kind).bind(5, entry.sampleId);
    statement.bind(6, entry.body).bind(7, entry.appliedAt).bind(8, entry.superseded ? 1 : 0).run();
}

} // namespace concord::store
