#include "core/store/FlagTable.hpp"

#include "core/store/ReadSnapshot.hpp"

namespace concord::store {

FlagTable::FlagTable(sqlite::Database& db) : m_db(db) {}

bool FlagTable::exists()
{
    auto& statement = m_db.cached("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'flags'");
    const bool found = statement.step();
    statement.reset();
    return found;
}

void FlagTable::put(std::int64_t sample, std::string_view annotator, std::string_view comment, std::int64_t now)
{
    // A write on a connection that shares its file with a sync thread starts from the latest
    // snapshot (see ReadSnapshot.hpp); the table is made by the first flag.
    releaseReadSnapshot(m_db);
    m_db.exec("CREATE TABLE IF NOT EXISTS flags("
              "sample INTEGER NOT NULL REFERENCES samples(pk) ON DELETE CASCADE,"
              "annotator TEXT NOT NULL,"
              "comment TEXT NOT NULL,"
              "created INTEGER NOT NULL,"
              "PRIMARY KEY(sample, annotator))");
    auto& statement = m_db.cached("INSERT INTO flags(sample, annotator, comment, created) VALUES(?, ?, ?, ?) "
                                  "ON CONFLICT(sample, annotator) DO UPDATE SET comment = excluded.comment, "
                                  "created = excluded.created");
    statement.bind(1, sample).bind(2, annotator).bind(3, comment).bind(4, now);
    statement.run();
}

bool FlagTable::remove(std::int64_t sample, std::string_view annotator)
{
    if (!exists()) {
        return false;
    }
    releaseReadSnapshot(m_db);
    auto& statement = m_db.cached("DELETE FROM flags WHERE sample = ? AND annotator = ?");
    statement.bind(1, sample).bind(2, annotator);
    statement.run();
    return m_db.changes() > 0;
}

std::optional<Flag> FlagTable::get(std::int64_t sample, std::string_view annotator)
{
    if (!exists()) {
        return std::nullopt;
    }
    auto& statement = m_db.cached("SELECT comment, created FROM flags WHERE sample = ? AND annotator = ?");
    statement.bind(1, sample).bind(2, annotator);
    std::optional<Flag> flag;
    if (statement.step()) {
        flag = Flag{sample, std::string(annotator), statement.columnText(0), statement.columnInt(1)};
    }
    statement.reset();
    return flag;
}

std::vector<Flag> FlagTable::list()
{
    if (!exists()) {
        return {};
    }
    auto statement = m_db.prepare("SELECT sample, annotator, comment, created FROM flags ORDER BY created, sample");
    std::vector<Flag> flags;
    while (statement.step()) {
        flags.push_back(
            {statement.columnInt(0), statement.columnText(1), statement.columnText(2), statement.columnInt(3)});
    }
    return flags;
}

} // namespace concord::store
