#include "core/store/ResponseTable.hpp"

#include <string>

namespace concord::store {

namespace {

constexpr const char* kResponseColumns =
    "SELECT r.sample, s.id, r.annotator, r.status, r.reason, r.duration_ms, r.updated_at, r.hlc, r.client, r.seq "
    "FROM responses r JOIN samples s ON s.pk = r.sample ";

ResponseChange readResponse(const sqlite::Statement& row)
{
    ResponseChange change;
    change.sampleKey = row.columnInt(0);
    change.sampleId = row.columnText(1);
    change.annotator = row.columnText(2);
    change.status = row.columnText(3);
    change.reason = row.columnText(4);
    change.durationMs = row.columnInt(5);
    change.updatedAt = row.columnInt(6);
    change.stamp = Stamp{row.columnInt(7), row.columnText(8)};
    change.seq = row.columnInt(9);
    return change;
}

std::vector<ResponseChange> readAll(sqlite::Statement& statement)
{
    std::vector<ResponseChange> rows;
    while (statement.step()) {
        rows.push_back(readResponse(statement));
    }
    return rows;
}

} // namespace

std::optional<ResponseChange> ResponseTable::find(std::int64_t sample, std::string_view annotator)
{
    auto& statement = m_db.cached(std::string(kResponseColumns) + "WHERE r.sample = ? AND r.annotator = ?");
    statement.bind(1, sample).bind(2, annotator);
    if (!statement.step()) {
        return std::nullopt;
    }
    auto row = readResponse(statement);
    statement.reset();
    return row;
}

void ResponseTable::put(const ResponseChange& row)
{
    ResponseChange local = row;
    local.seq = 0;
    store(local);
}

void ResponseTable::store(const ResponseChange& row)
{
    auto& statement = m_db.cached(
        "INSERT INTO responses(sample, annotator, status, reason, duration_ms, updated_at, hlc, client, seq) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT(sample, annotator) DO UPDATE SET "
        "status = excluded.status, reason = excluded.reason, duration_ms = excluded.duration_ms, "
        "updated_at = excluded.updated_at, hlc = excluded.hlc, client = excluded.client, seq = excluded.seq");
    statement.bind(1, row.sampleKey).bind(2, row.annotator).bind(3, row.status).bind(4, row.reason);
    statement.bind(5, row.durationMs).bind(6, row.updatedAt).bind(7, row.stamp.hlc).bind(8, row.stamp.client);
    statement.bind(9, row.seq).run();
}

void ResponseTable::setSeq(std::int64_t sample, std::string_view annotator, std::int64_t seq)
{
    m_db.cached("UPDATE responses SET seq = ? WHERE sample = ? AND annotator = ?")
        .bind(1, seq)
        .bind(2, sample)
        .bind(3, annotator)
        .run();
}

std::vector<ResponseChange> ResponseTable::changesAfter(std::int64_t seq, int limit, std::string_view viewer,
                                                        bool onlyViewers)
{
    auto& statement = m_db.cached(std::string(kResponseColumns) +
                                  "WHERE r.seq > ?1 AND (r.annotator = ?2 OR (?3 = 0 AND r.status <> 'draft')) "
                                  "ORDER BY r.seq LIMIT ?4");
    statement.bind(1, seq).bind(2, viewer).bind(3, onlyViewers ? 1 : 0).bind(4, limit);
    return readAll(statement);
}

std::vector<ResponseChange> ResponseTable::allChangesAfter(std::int64_t seq, int limit)
{
    auto& statement = m_db.cached(std::string(kResponseColumns) + "WHERE r.seq > ?1 ORDER BY r.seq LIMIT ?2");
    statement.bind(1, seq).bind(2, limit);
    return readAll(statement);
}

std::vector<ResponseChange> ResponseTable::unsequenced(int limit)
{
    auto& statement = m_db.cached(std::string(kResponseColumns) + "WHERE r.seq = 0 LIMIT ?");
    statement.bind(1, limit);
    return readAll(statement);
}

std::optional<std::int64_t> ResponseTable::firstDraftAfter(std::string_view annotator, std::int64_t afterKey)
{
    // The status literal lets SQLite use the partial index responses_drafts.
    auto& statement = m_db.cached("SELECT min(sample) FROM responses WHERE annotator = ? AND sample > ? AND "
                                  "status = 'draft'");
    statement.bind(1, annotator).bind(2, afterKey);
    statement.step();
    std::optional<std::int64_t> first;
    if (!statement.isNull(0)) {
        first = statement.columnInt(0);
    }
    statement.reset();
    return first;
}

std::vector<ResponseChange> ResponseTable::withStatus(std::string_view status)
{
    auto& statement = m_db.cached(std::string(kResponseColumns) + "WHERE r.status = ? ORDER BY r.sample, r.annotator");
    statement.bind(1, status);
    return readAll(statement);
}

std::vector<std::pair<std::string, std::int64_t>> ResponseTable::countsByStatus()
{
    auto& statement = m_db.cached("SELECT status, count(*) FROM responses GROUP BY status ORDER BY status");
    std::vector<std::pair<std::string, std::int64_t>> counts;
    while (statement.step()) {
        counts.emplace_back(statement.columnText(0), statement.columnInt(1));
    }
    return counts;
}

} // namespace concord::store
