#include "core/store/OutboxTable.hpp"

#include <string>

namespace concord::store {

namespace {

constexpr const char* kOutboxColumns = "SELECT id, op_id, kind, sample_id, annotator, value, note, hlc, client, "
                                       "created_at, rejected, question, context FROM outbox ";

PendingOperation readOperation(const sqlite::Statement& row)
{
    PendingOperation operation;
    operation.id = row.columnInt(0);
    operation.opId = row.columnText(1);
    operation.kind = operationKindFromString(row.columnView(2));
    operation.sampleId = row.columnText(3);
    operation.annotator = row.columnText(4);
    operation.value = row.columnText(5);
    operation.note = row.columnText(6);
    operation.stamp = Stamp{row.columnInt(7), row.columnText(8)};
    operation.createdAt = row.columnInt(9);
    operation.rejected = row.columnOptionalText(10);
    operation.question = row.columnText(11);
    operation.context = row.columnText(12);
    return operation;
}

} // namespace

void OutboxTable::add(const PendingOperation& operation)
{
    auto& statement = m_db.cached("INSERT INTO outbox(op_id, kind, sample_id, annotator, value, note, hlc, client, "
                                  "created_at, question, context) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    statement.bind(1, operation.opId).bind(2, toString(operation.kind)).bind(3, operation.sampleId);
    statement.bind(4, operation.annotator).bind(5, operation.value).bind(6, operation.note);
    statement.bind(7, operation.stamp.hlc).bind(8, operation.stamp.client).bind(9, operation.createdAt);
    statement.bind(10, operation.question).bind(11, operation.context).run();
}

std::vector<PendingOperation> OutboxTable::pending(int limit)
{
    auto& statement = m_db.cached(std::string(kOutboxColumns) + "WHERE rejected IS NULL ORDER BY id LIMIT ?");
    statement.bind(1, limit);
    std::vector<PendingOperation> operations;
    while (statement.step()) {
        operations.push_back(readOperation(statement));
    }
    return operations;
}

std::vector<PendingOperation> OutboxTable::rejected()
{
    auto& statement = m_db.cached(std::string(kOutboxColumns) + "WHERE rejected IS NOT NULL ORDER BY id");
    std::vector<PendingOperation> operations;
    while (statement.step()) {
        operations.push_back(readOperation(statement));
    }
    return operations;
}

std::int64_t OutboxTable::pendingCount()
{
    auto& statement = m_db.cached("SELECT count(*) FROM outbox WHERE rejected IS NULL");
    statement.step();
    const std::int64_t count = statement.columnInt(0);
    statement.reset();
    return count;
}

bool OutboxTable::hasPending(OperationKind kind, std::string_view sampleId, std::string_view annotator,
                             std::string_view question)
{
    // A row is (sample, annotator, question) for answers, (sample, question) for gold values,
    // (sample, annotator) for statuses, (sample, question, agent) for suggestions.
    auto& statement = m_db.cached("SELECT 1 FROM outbox WHERE kind = ?1 AND sample_id = ?2 AND rejected IS NULL "
                                  "AND (?1 = 'resolve' OR annotator = ?3) "
                                  "AND (?1 = 'respond' OR question = ?4) LIMIT 1");
    statement.bind(1, toString(kind)).bind(2, sampleId).bind(3, annotator).bind(4, question);
    const bool found = statement.step();
    statement.reset();
    return found;
}

void OutboxTable::remove(std::string_view opId)
{
    m_db.cached("DELETE FROM outbox WHERE op_id = ?").bind(1, opId).run();
}

void OutboxTable::reject(std::string_view opId, std::string_view reason)
{
    m_db.cached("UPDATE outbox SET rejected = ? WHERE op_id = ?").bind(1, reason).bind(2, opId).run();
}

} // namespace concord::store
