#include "core/store/ResolutionTable.hpp"

namespace concord::store {

void ResolutionTable::set(std::int64_t sample, std::string_view value, std::string_view note,
                          std::string_view author, std::int64_t now)
{
    auto& upsert = m_db.cached("INSERT INTO resolutions(sample, value, note, author, updated_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(sample) DO UPDATE SET "
                               "value = excluded.value, note = excluded.note, author = excluded.author, "
                               "updated_at = excluded.updated_at");
    upsert.bind(1, sample).bind(2, value).bind(3, note).bind(4, author).bind(5, now).run();
    auto& history = m_db.cached(
        "INSERT INTO resolution_history(sample, value, note, author, changed_at) VALUES (?, ?, ?, ?, ?)");
    history.bind(1, sample).bind(2, value).bind(3, note).bind(4, author).bind(5, now).run();
}

std::optional<Resolution> ResolutionTable::get(std::int64_t sample)
{
    auto& statement = m_db.cached("SELECT sample, value, note, author, updated_at FROM resolutions WHERE sample = ?");
    statement.bind(1, sample);
    if (!statement.step()) {
        return std::nullopt;
    }
    return Resolution{statement.columnInt(0), statement.columnText(1), statement.columnText(2),
                      statement.columnText(3), statement.columnInt(4)};
}

std::vector<Resolution> ResolutionTable::history(std::int64_t sample)
{
    auto& statement = m_db.cached("SELECT sample, value, note, author, changed_at FROM resolution_history "
                                  "WHERE sample = ? ORDER BY id");
    statement.bind(1, sample);
    std::vector<Resolution> versions;
    while (statement.step()) {
        versions.push_back(Resolution{statement.columnInt(0), statement.columnText(1), statement.columnText(2),
                                      statement.columnText(3), statement.columnInt(4)});
    }
    return versions;
}

std::int64_t ResolutionTable::count()
{
    auto& statement = m_db.cached("SELECT count(*) FROM resolutions");
    statement.step();
    return statement.columnInt(0);
}

} // namespace concord::store
