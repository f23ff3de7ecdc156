#include "core/store/AnnotationTable.hpp"

namespace concord::store {

namespace {

constexpr const char* kColumns = "SELECT sample, annotator, value, created_at, updated_at, seq FROM annotations ";

Annotation readAnnotation(const sqlite::Statement& row)
{
    return Annotation{row.columnInt(0), row.columnText(1), row.columnText(2),
                      row.columnInt(3), row.columnInt(4),  row.columnInt(5)};
}

} // namespace

void AnnotationTable::put(std::int64_t sample, std::string_view annotator, std::string_view value, std::int64_t now)
{
    auto& statement = m_db.cached("INSERT INTO annotations(sample, annotator, value, created_at, updated_at) "
                                  "VALUES (?1, ?2, ?3, ?4, ?4) "
                                  "ON CONFLICT(sample, annotator) DO UPDATE SET value = excluded.value, "
                                  "updated_at = excluded.updated_at");
    statement.bind(1, sample).bind(2, annotator).bind(3, value).bind(4, now).run();
    appendHistory(sample, annotator, std::string(value), now);
}

bool AnnotationTable::remove(std::int64_t sample, std::string_view annotator, std::int64_t now)
{
    auto& statement = m_db.cached("DELETE FROM annotations WHERE sample = ? AND annotator = ?");
    statement.bind(1, sample).bind(2, annotator).run();
    if (m_db.changes() == 0) {
        return false;
    }
    appendHistory(sample, annotator, std::nullopt, now);
    return true;
}

void AnnotationTable::appendHistory(std::int64_t sample, std::string_view annotator,
                                    const std::optional<std::string>& value, std::int64_t now)
{
    auto& statement =
        m_db.cached("INSERT INTO annotation_history(sample, annotator, value, changed_at) VALUES (?, ?, ?, ?)");
    statement.bind(1, sample).bind(2, annotator).bind(3, value).bind(4, now).run();
}

std::optional<Annotation> AnnotationTable::get(std::int64_t sample, std::string_view annotator)
{
    auto& statement = m_db.cached(std::string(kColumns) + "WHERE sample = ? AND annotator = ?");
    statement.bind(1, sample).bind(2, annotator);
    if (!statement.step()) {
        return std::nullopt;
    }
    return readAnnotation(statement);
}

std::vector<Annotation> AnnotationTable::forSample(std::int64_t sample)
{
    auto& statement = m_db.cached(std::string(kColumns) + "WHERE sample = ? ORDER BY annotator");
    statement.bind(1, sample);
    std::vector<Annotation> rows;
    while (statement.step()) {
        rows.push_back(readAnnotation(statement));
    }
    return rows;
}

std::int64_t AnnotationTable::count()
{
    auto& statement = m_db.cached("SELECT count(*) FROM annotations");
    statement.step();
    return statement.columnInt(0);
}

std::vector<std::pair<std::string, std::int64_t>> AnnotationTable::countsByAnnotator()
{
    auto& statement =
        m_db.cached("SELECT annotator, count(*) FROM annotations GROUP BY annotator ORDER BY annotator");
    std::vector<std::pair<std::string, std::int64_t>> counts;
    while (statement.step()) {
        counts.emplace_back(statement.columnText(0), statement.columnInt(1));
    }
    return counts;
}

std::int64_t AnnotationTable::labeledSampleCount()
{
    auto& statement = m_db.cached("SELECT count(DISTINCT sample) FROM annotations");
    statement.step();
    return statement.columnInt(0);
}

std::optional<std::int64_t> AnnotationTable::nextUnlabeled(std::string_view annotator, std::int64_t afterKey)
{
    auto& statement = m_db.cached("SELECT pk FROM samples WHERE pk > ?1 AND NOT EXISTS "
                                  "(SELECT 1 FROM annotations WHERE sample = samples.pk AND annotator = ?2) "
                                  "ORDER BY pk LIMIT 1");
    statement.bind(1, afterKey).bind(2, annotator);
    if (!statement.step()) {
        return std::nullopt;
    }
    return statement.columnInt(0);
}

std::vector<std::optional<std::string>> AnnotationTable::history(std::int64_t sample, std::string_view annotator)
{
    auto& statement = m_db.cached(
        "SELECT value FROM annotation_history WHERE sample = ? AND annotator = ? ORDER BY id");
    statement.bind(1, sample).bind(2, annotator);
    std::vector<std::optional<std::string>> versions;
    while (statement.step()) {
        versions.push_back(statement.columnOptionalText(0));
    }
    return versions;
}

void AnnotationTable::forEach(const std::function<void(const Annotation&)>& visit)
{
    auto statement = m_db.prepare(std::string(kColumns) + "ORDER BY sample, annotator");
    while (statement.step()) {
        visit(readAnnotation(statement));
    }
}

} // namespace concord::store
