#include "core/store/SuggestionTable.hpp"

#include <string>

namespace concord::store {

namespace {

constexpr const char* kSuggestionColumns =
    "SELECT g.sample, s.id, g.question, g.agent, g.value, g.score, g.updated_at, g.seq "
    "FROM suggestions g JOIN samples s ON s.pk = g.sample ";

SuggestionChange readSuggestion(const sqlite::Statement& row)
{
    SuggestionChange change;
    change.sampleKey = row.columnInt(0);
    change.sampleId = row.columnText(1);
    change.question = row.columnText(2);
    change.agent = row.columnText(3);
    change.value = row.columnText(4);
    if (!row.isNull(5)) {
        change.score = row.columnDouble(5);
    }
    change.updatedAt = row.columnInt(6);
    change.seq = row.columnInt(7);
    return change;
}

std::vector<SuggestionChange> readSuggestions(sqlite::Statement& statement)
{
    std::vector<SuggestionChange> rows;
    while (statement.step()) {
        rows.push_back(readSuggestion(statement));
    }
    return rows;
}

} // namespace

bool SuggestionTable::store(const SuggestionChange& row)
{
    const bool existed = find(row.sampleKey, row.question, row.agent).has_value();
    auto& statement = m_db.cached("INSERT INTO suggestions(sample, question, agent, value, score, updated_at, seq) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(sample, question, agent) DO "
                                  "UPDATE SET value = excluded.value, score = excluded.score, "
                                  "updated_at = excluded.updated_at, seq = excluded.seq");
    statement.bind(1, row.sampleKey).bind(2, row.question).bind(3, row.agent).bind(4, row.value);
    if (row.score) {
        statement.bind(5, *row.score);
    } else {
        statement.bindNull(5);
    }
    statement.bind(6, row.updatedAt).bind(7, row.seq).run();
    return existed;
}

std::optional<SuggestionChange> SuggestionTable::find(std::int64_t sample, std::string_view question,
                                                      std::string_view agent)
{
    auto& statement =
        m_db.cached(std::string(kSuggestionColumns) + "WHERE g.sample = ? AND g.question = ? AND g.agent = ?");
    statement.bind(1, sample).bind(2, question).bind(3, agent);
    if (!statement.step()) {
        return std::nullopt;
    }
    auto row = readSuggestion(statement);
    statement.reset();
    return row;
}

std::vector<SuggestionChange> SuggestionTable::forSample(std::int64_t sample)
{
    auto& statement = m_db.cached(std::string(kSuggestionColumns) +
                                  "WHERE g.sample = ? ORDER BY g.question, g.score IS NULL, g.score DESC, g.agent");
    statement.bind(1, sample);
    return readSuggestions(statement);
}

void SuggestionTable::setSeq(std::int64_t sample, std::string_view question, std::string_view agent, std::int64_t seq)
{
    m_db.cached("UPDATE suggestions SET seq = ? WHERE sample = ? AND question = ? AND agent = ?")
        .bind(1, seq)
        .bind(2, sample)
        .bind(3, question)
        .bind(4, agent)
        .run();
}

std::vector<SuggestionChange> SuggestionTable::changesAfter(std::int64_t seq, int limit)
{
    auto& statement = m_db.cached(std::string(kSuggestionColumns) + "WHERE g.seq > ? ORDER BY g.seq LIMIT ?");
    statement.bind(1, seq).bind(2, limit);
    return readSuggestions(statement);
}

std::vector<SuggestionChange> SuggestionTable::unsequenced(int limit)
{
    auto& statement = m_db.cached(std::string(kSuggestionColumns) + "WHERE g.seq = 0 LIMIT ?");
    statement.bind(1, limit);
    return readSuggestions(statement);
}

std::int64_t SuggestionTable::count()
{
    auto& statement = m_db.cached("SELECT count(*) FROM suggestions");
    statement.step();
    const std::int64_t count = statement.columnInt(0);
    statement.reset();
    return count;
}

bool SuggestionTable::anyFor(std::string_view question)
{
    auto& statement = m_db.cached("SELECT 1 FROM suggestions WHERE question = ? LIMIT 1");
    statement.bind(1, question);
    const bool found = statement.step();
    statement.reset();
    return found;
}

std::vector<std::string> SuggestionTable::agentsFor(std::string_view question)
{
    auto& statement = m_db.cached("SELECT DISTINCT agent FROM suggestions WHERE question = ? ORDER BY agent");
    statement.bind(1, question);
    std::vector<std::string> agents;
    while (statement.step()) {
        agents.push_back(statement.columnText(0));
    }
    return agents;
}

void SuggestionTable::forEachOf(std::string_view question, const std::function<void(const SuggestionChange&)>& visit)
{
    auto statement = m_db.prepare(std::string(kSuggestionColumns) + "WHERE g.question = ? ORDER BY g.sample, g.agent");
    statement.bind(1, question);
    while (statement.step()) {
        visit(readSuggestion(statement));
    }
}

} // namespace concord::store
