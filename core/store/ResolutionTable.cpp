#include "core/store/ResolutionTable.hpp"

#include "core/util/HybridClock.hpp"

namespace concord::store {

namespace {

constexpr const char* kGoldChangeColumns =
    "SELECT r.sample, s.id, r.value, r.note, r.author, r.updated_at, r.hlc, r.client, r.seq, r.question "
    "FROM gold r JOIN samples s ON s.pk = r.sample ";

ResolutionChange readGoldChange(const sqlite::Statement& row)
{
    ResolutionChange change;
    change.sampleKey = row.columnInt(0);
    change.sampleId = row.columnText(1);
    change.value = row.columnText(2);
    change.note = row.columnText(3);
    change.author = row.columnText(4);
    change.updatedAt = row.columnInt(5);
    change.stamp = Stamp{row.columnInt(6), row.columnText(7)};
    change.seq = row.columnInt(8);
    change.question = row.columnText(9);
    return change;
}

} // namespace

void ResolutionTable::set(std::int64_t sample, std::string_view value, std::string_view note, std::string_view author,
                          std::int64_t now)
{
    set(sample, value, note, author, now, Stamp{hlc::fromMs(now), ""});
}

void ResolutionTable::set(std::int64_t sample, std::string_view value, std::string_view note, std::string_view author,
                          std::int64_t now, const Stamp& stamp)
{
    // seq goes back to 0: the new value is not on the server yet.
    auto& upsert = m_db.cached("INSERT INTO gold(sample, value, note, author, updated_at, hlc, client, question) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(sample, question) DO UPDATE SET "
                               "value = excluded.value, note = excluded.note, author = excluded.author, "
                               "updated_at = excluded.updated_at, hlc = excluded.hlc, client = excluded.client, "
                               "seq = 0");
    upsert.bind(1, sample).bind(2, value).bind(3, note).bind(4, author).bind(5, now).bind(6, stamp.hlc);
    upsert.bind(7, stamp.client).bind(8, m_question).run();
    appendHistory(sample, value, note, author, now);
}

void ResolutionTable::appendHistory(std::int64_t sample, std::string_view value, std::string_view note,
                                    std::string_view author, std::int64_t now)
{
    auto& history = m_db.cached(
        "INSERT INTO resolution_history(sample, value, note, author, changed_at, question) VALUES (?, ?, ?, ?, ?, ?)");
    history.bind(1, sample).bind(2, value).bind(3, note).bind(4, author).bind(5, now).bind(6, m_question).run();
}

std::optional<Resolution> ResolutionTable::get(std::int64_t sample)
{
    auto& statement =
        m_db.cached("SELECT sample, value, note, author, updated_at FROM gold WHERE sample = ? AND question = ?");
    statement.bind(1, sample).bind(2, m_question);
    if (!statement.step()) {
        return std::nullopt;
    }
    Resolution row{statement.columnInt(0), statement.columnText(1), statement.columnText(2), statement.columnText(3),
                   statement.columnInt(4)};
    statement.reset();
    return row;
}

std::vector<Resolution> ResolutionTable::history(std::int64_t sample)
{
    auto& statement = m_db.cached("SELECT sample, value, note, author, changed_at FROM resolution_history "
                                  "WHERE sample = ? AND question = ? ORDER BY id");
    statement.bind(1, sample).bind(2, m_question);
    std::vector<Resolution> versions;
    while (statement.step()) {
        versions.push_back(Resolution{statement.columnInt(0), statement.columnText(1), statement.columnText(2),
                                      statement.columnText(3), statement.columnInt(4)});
    }
    return versions;
}

std::int64_t ResolutionTable::count()
{
    auto& statement = m_db.cached("SELECT count(*) FROM gold WHERE question = ?");
    statement.bind(1, m_question).step();
    const std::int64_t count = statement.columnInt(0);
    statement.reset();
    return count;
}

bool ResolutionTable::remove(std::int64_t sample, std::int64_t now)
{
    const auto current = find(sample);
    if (!current) {
        return false;
    }
    m_db.cached("DELETE FROM gold WHERE sample = ? AND question = ?").bind(1, sample).bind(2, m_question).run();
    auto& history = m_db.cached("INSERT INTO resolution_history(sample, value, note, author, changed_at, question) "
                                "VALUES (?, NULL, '', ?, ?, ?)");
    history.bind(1, sample).bind(2, current->author).bind(3, now).bind(4, m_question).run();
    return true;
}

std::optional<ResolutionChange> ResolutionTable::find(std::int64_t sample)
{
    auto& statement = m_db.cached(std::string(kGoldChangeColumns) + "WHERE r.sample = ? AND r.question = ?");
    statement.bind(1, sample).bind(2, m_question);
    if (!statement.step()) {
        return std::nullopt;
    }
    auto change = readGoldChange(statement);
    statement.reset();
    return change;
}

void ResolutionTable::store(const ResolutionChange& row)
{
    auto table = forQuestion(row.question);
    const auto current = table.find(row.sampleKey);
    auto& statement = m_db.cached("INSERT INTO gold(sample, value, note, author, updated_at, hlc, client, seq, "
                                  "question) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                                  "ON CONFLICT(sample, question) DO UPDATE SET "
                                  "value = excluded.value, note = excluded.note, author = excluded.author, "
                                  "updated_at = excluded.updated_at, hlc = excluded.hlc, client = excluded.client, "
                                  "seq = excluded.seq");
    statement.bind(1, row.sampleKey).bind(2, row.value).bind(3, row.note).bind(4, row.author);
    statement.bind(5, row.updatedAt).bind(6, row.stamp.hlc).bind(7, row.stamp.client).bind(8, row.seq);
    statement.bind(9, row.question).run();
    if (!current || current->value != row.value || current->note != row.note || current->author != row.author) {
        table.appendHistory(row.sampleKey, row.value, row.note, row.author, row.updatedAt);
    }
}

void ResolutionTable::setSeq(std::int64_t sample, std::int64_t seq)
{
    auto& statement = m_db.cached("UPDATE gold SET seq = ? WHERE sample = ? AND question = ?");
    statement.bind(1, seq).bind(2, sample).bind(3, m_question).run();
}

std::vector<ResolutionChange> ResolutionTable::changesAfter(std::int64_t seq, int limit)
{
    auto& statement = m_db.cached(std::string(kGoldChangeColumns) + "WHERE r.seq > ? ORDER BY r.seq LIMIT ?");
    statement.bind(1, seq).bind(2, limit);
    std::vector<ResolutionChange> rows;
    while (statement.step()) {
        rows.push_back(readGoldChange(statement));
    }
    return rows;
}

std::vector<ResolutionChange> ResolutionTable::unsequenced(int limit)
{
    auto& statement = m_db.cached(std::string(kGoldChangeColumns) + "WHERE r.seq = 0 LIMIT ?");
    statement.bind(1, limit);
    std::vector<ResolutionChange> rows;
    while (statement.step()) {
        rows.push_back(readGoldChange(statement));
    }
    return rows;
}

} // namespace concord::store

namespace concord::store {

bool ResolutionTable::anyResolution()
{
    auto& statement = m_db.cached("SELECT 1 FROM gold WHERE question = ? LIMIT 1");
    statement.bind(1, m_question);
    const bool found = statement.step();
    statement.reset();
    return found;
}

} // namespace concord::store
