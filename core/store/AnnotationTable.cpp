#include "core/store/AnnotationTable.hpp"

#include "core/util/HybridClock.hpp"

namespace concord::store {

namespace {

constexpr const char* kAnnotationColumns =
    "SELECT sample, annotator, value, created_at, updated_at, seq FROM annotations ";

Annotation readAnnotation(const sqlite::Statement& row)
{
    return Annotation{row.columnInt(0), row.columnText(1), row.columnText(2),
                      row.columnInt(3), row.columnInt(4),  row.columnInt(5)};
}

constexpr const char* kChangeColumns =
    "SELECT a.sample, s.id, a.annotator, a.value, a.created_at, a.updated_at, a.hlc, a.client, a.seq "
    "FROM annotations a JOIN samples s ON s.pk = a.sample ";

AnnotationChange readChange(const sqlite::Statement& row)
{
    AnnotationChange change;
    change.sampleKey = row.columnInt(0);
    change.sampleId = row.columnText(1);
    change.annotator = row.columnText(2);
    change.value = row.columnText(3);
    change.createdAt = row.columnInt(4);
    change.updatedAt = row.columnInt(5);
    change.stamp = Stamp{row.columnInt(6), row.columnText(7)};
    change.seq = row.columnInt(8);
    return change;
}

} // namespace

void AnnotationTable::put(std::int64_t sample, std::string_view annotator, std::string_view value, std::int64_t now)
{
    put(sample, annotator, value, now, Stamp{hlc::fromMs(now), ""});
}

void AnnotationTable::put(std::int64_t sample, std::string_view annotator, std::string_view value, std::int64_t now,
                          const Stamp& stamp)
{
    // seq goes back to 0: the new value is not on the server yet.
    auto& statement = m_db.cached("INSERT INTO annotations(sample, annotator, value, created_at, updated_at, hlc, "
                                  "client) VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6) "
                                  "ON CONFLICT(sample, annotator) DO UPDATE SET value = excluded.value, "
                                  "updated_at = excluded.updated_at, hlc = excluded.hlc, client = excluded.client, "
                                  "seq = 0");
    statement.bind(1, sample).bind(2, annotator).bind(3, value).bind(4, now).bind(5, stamp.hlc).bind(6, stamp.client);
    statement.run();
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
    auto& statement = m_db.cached(std::string(kAnnotationColumns) + "WHERE sample = ? AND annotator = ?");
    statement.bind(1, sample).bind(2, annotator);
    if (!statement.step()) {
        return std::nullopt;
    }
    return readAnnotation(statement);
}

std::vector<Annotation> AnnotationTable::forSample(std::int64_t sample)
{
    auto& statement = m_db.cached(std::string(kAnnotationColumns) + "WHERE sample = ? ORDER BY annotator");
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
    auto& statement = m_db.cached("SELECT annotator, count(*) FROM annotations GROUP BY annotator ORDER BY annotator");
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

std::int64_t AnnotationTable::countFor(std::string_view annotator)
{
    auto& statement = m_db.cached("SELECT count(*) FROM annotations WHERE annotator = ?");
    statement.bind(1, annotator);
    statement.step();
    const std::int64_t count = statement.columnInt(0);
    statement.reset();
    return count;
}

std::optional<std::int64_t> AnnotationTable::nextUnlabeled(std::string_view annotator, std::int64_t afterKey)
{
    // Two ordered streams walked side by side: the samples after `afterKey`, and the samples
    // the annotator labeled (her index, annotator then sample). Her labels are a subset of the
    // samples, so the first sample where the streams part is the answer. A probe per sample
    // (NOT EXISTS) cost a B-tree descent each: over a second for an annotator resuming half a
    // million samples in; the walk reads both in page order.
    auto& samples = m_db.cached("SELECT pk FROM samples WHERE pk > ? ORDER BY pk");
    auto& labeled = m_db.cached("SELECT sample FROM annotations WHERE annotator = ? AND sample > ? ORDER BY sample");
    samples.bind(1, afterKey);
    labeled.bind(1, annotator).bind(2, afterKey);
    std::optional<std::int64_t> found;
    bool more = labeled.step();
    while (samples.step()) {
        const std::int64_t key = samples.columnInt(0);
        while (more && labeled.columnInt(0) < key) {
            more = labeled.step(); // a label whose sample is gone: nothing to match
        }
        if (!more || labeled.columnInt(0) != key) {
            found = key;
            break;
        }
        more = labeled.step();
    }
    // Reset now: a statement left mid-walk would hold its read snapshot open.
    samples.reset();
    labeled.reset();
    return found;
}

std::vector<std::optional<std::string>> AnnotationTable::history(std::int64_t sample, std::string_view annotator)
{
    auto& statement =
        m_db.cached("SELECT value FROM annotation_history WHERE sample = ? AND annotator = ? ORDER BY id");
    statement.bind(1, sample).bind(2, annotator);
    std::vector<std::optional<std::string>> versions;
    while (statement.step()) {
        versions.push_back(statement.columnOptionalText(0));
    }
    return versions;
}

void AnnotationTable::forEach(const std::function<void(const Annotation&)>& visit)
{
    auto statement = m_db.prepare(std::string(kAnnotationColumns) + "ORDER BY sample, annotator");
    while (statement.step()) {
        visit(readAnnotation(statement));
    }
}

std::optional<AnnotationChange> AnnotationTable::find(std::int64_t sample, std::string_view annotator)
{
    auto& statement = m_db.cached(std::string(kChangeColumns) + "WHERE a.sample = ? AND a.annotator = ?");
    statement.bind(1, sample).bind(2, annotator);
    if (!statement.step()) {
        return std::nullopt;
    }
    auto change = readChange(statement);
    statement.reset();
    return change;
}

void AnnotationTable::store(const AnnotationChange& row)
{
    const auto current = find(row.sampleKey, row.annotator);
    auto& statement = m_db.cached("INSERT INTO annotations(sample, annotator, value, created_at, updated_at, hlc, "
                                  "client, seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                                  "ON CONFLICT(sample, annotator) DO UPDATE SET value = excluded.value, "
                                  "created_at = excluded.created_at, updated_at = excluded.updated_at, "
                                  "hlc = excluded.hlc, client = excluded.client, seq = excluded.seq");
    statement.bind(1, row.sampleKey).bind(2, row.annotator).bind(3, row.value).bind(4, row.createdAt);
    statement.bind(5, row.updatedAt).bind(6, row.stamp.hlc).bind(7, row.stamp.client).bind(8, row.seq).run();
    if (!current || current->value != row.value) {
        appendHistory(row.sampleKey, row.annotator, row.value, row.updatedAt);
    }
}

void AnnotationTable::setSeq(std::int64_t sample, std::string_view annotator, std::int64_t seq)
{
    auto& statement = m_db.cached("UPDATE annotations SET seq = ? WHERE sample = ? AND annotator = ?");
    statement.bind(1, seq).bind(2, sample).bind(3, annotator).run();
}

std::vector<AnnotationChange> AnnotationTable::changesAfter(std::int64_t seq, int limit,
                                                            const std::optional<std::string>& annotator)
{
    auto& statement = m_db.cached(std::string(kChangeColumns) +
                                  "WHERE a.seq > ?1 AND (?2 IS NULL OR a.annotator = ?2) ORDER BY a.seq LIMIT ?3");
    statement.bind(1, seq).bind(2, annotator).bind(3, limit);
    std::vector<AnnotationChange> rows;
    while (statement.step()) {
        rows.push_back(readChange(statement));
    }
    return rows;
}

std::vector<AnnotationChange> AnnotationTable::unsequenced(int limit)
{
    auto& statement = m_db.cached(std::string(kChangeColumns) + "WHERE a.seq = 0 LIMIT ?");
    statement.bind(1, limit);
    std::vector<AnnotationChange> rows;
    while (statement.step()) {
        rows.push_back(readChange(statement));
    }
    return rows;
}

} // namespace concord::store
