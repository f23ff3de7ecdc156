#include "core/store/AnnotationTable.hpp"

#include "core/util/HybridClock.hpp"

namespace concord::store {

// The answer's response is submitted (or has no status: a label made before statuses existed);
// drafts are their annotator's only, discards stay out of every count.
#define CONCORD_SUBMITTED_ONLY                                                                                         \
    "NOT EXISTS (SELECT 1 FROM responses r WHERE r.sample = a.sample AND r.annotator = a.annotator "                   \
    "AND r.status <> 'submitted') "

namespace {

// This question's submitted answers.
constexpr const char* kAnnotationColumns =
    "SELECT sample, annotator, value, created_at, updated_at, seq FROM answers a "
    "WHERE a.question = ?1 AND " CONCORD_SUBMITTED_ONLY;

Annotation readAnnotation(const sqlite::Statement& row)
{
    return Annotation{row.columnInt(0), row.columnText(1), row.columnText(2),
                      row.columnInt(3), row.columnInt(4),  row.columnInt(5)};
}

constexpr const char* kChangeColumns =
    "SELECT a.sample, s.id, a.annotator, a.question, a.value, a.context, a.created_at, a.updated_at, a.hlc, a.client, "
    "a.seq FROM answers a JOIN samples s ON s.pk = a.sample ";

AnnotationChange readChange(const sqlite::Statement& row)
{
    AnnotationChange change;
    change.sampleKey = row.columnInt(0);
    change.sampleId = row.columnText(1);
    change.annotator = row.columnText(2);
    change.question = row.columnText(3);
    change.value = row.columnText(4);
    change.context = row.columnText(5);
    change.createdAt = row.columnInt(6);
    change.updatedAt = row.columnInt(7);
    change.stamp = Stamp{row.columnInt(8), row.columnText(9)};
    change.seq = row.columnInt(10);
    return change;
}

} // namespace

void AnnotationTable::put(std::int64_t sample, std::string_view annotator, std::string_view value, std::int64_t now)
{
    put(sample, annotator, value, now, Stamp{hlc::fromMs(now), ""});
}

void AnnotationTable::put(std::int64_t sample, std::string_view annotator, std::string_view value, std::int64_t now,
                          const Stamp& stamp, std::string_view context)
{
    // seq goes back to 0: the new value is not on the server yet.
    auto& statement = m_db.cached("INSERT INTO answers(sample, annotator, question, value, context, created_at, "
                                  "updated_at, hlc, client) VALUES (?1, ?2, ?7, ?3, ?8, ?4, ?4, ?5, ?6) "
                                  "ON CONFLICT(sample, annotator, question) DO UPDATE SET value = excluded.value, "
                                  "context = excluded.context, updated_at = excluded.updated_at, hlc = excluded.hlc, "
                                  "client = excluded.client, seq = 0");
    statement.bind(1, sample).bind(2, annotator).bind(3, value).bind(4, now).bind(5, stamp.hlc).bind(6, stamp.client);
    statement.bind(7, m_question).bind(8, context.empty() ? std::string_view("") : context);
    statement.run();
    appendHistory(sample, annotator, std::string(value), now);
}

bool AnnotationTable::remove(std::int64_t sample, std::string_view annotator, std::int64_t now)
{
    auto& statement = m_db.cached("DELETE FROM answers WHERE sample = ? AND annotator = ? AND question = ?");
    statement.bind(1, sample).bind(2, annotator).bind(3, m_question).run();
    if (m_db.changes() == 0) {
        return false;
    }
    appendHistory(sample, annotator, std::nullopt, now);
    return true;
}

void AnnotationTable::appendHistory(std::int64_t sample, std::string_view annotator,
                                    const std::optional<std::string>& value, std::int64_t now)
{
    auto& statement = m_db.cached(
        "INSERT INTO annotation_history(sample, annotator, question, value, changed_at) VALUES (?, ?, ?, ?, ?)");
    statement.bind(1, sample).bind(2, annotator).bind(3, m_question).bind(4, value).bind(5, now).run();
}

std::optional<Annotation> AnnotationTable::get(std::int64_t sample, std::string_view annotator)
{
    // The row itself, whatever its response's status: its annotator continues a draft.
    auto& statement = m_db.cached("SELECT sample, annotator, value, created_at, updated_at, seq FROM answers "
                                  "WHERE sample = ? AND annotator = ? AND question = ?");
    statement.bind(1, sample).bind(2, annotator).bind(3, m_question);
    if (!statement.step()) {
        return std::nullopt;
    }
    auto row = readAnnotation(statement);
    statement.reset();
    return row;
}

std::vector<Annotation> AnnotationTable::forSample(std::int64_t sample)
{
    auto& statement = m_db.cached(std::string(kAnnotationColumns) + "AND a.sample = ?2 ORDER BY a.annotator");
    statement.bind(1, m_question).bind(2, sample);
    std::vector<Annotation> rows;
    while (statement.step()) {
        rows.push_back(readAnnotation(statement));
    }
    return rows;
}

std::int64_t AnnotationTable::count()
{
    auto& statement = m_db.cached("SELECT count(*) FROM answers a WHERE a.question = ? AND " CONCORD_SUBMITTED_ONLY);
    statement.bind(1, m_question).step();
    const std::int64_t count = statement.columnInt(0);
    statement.reset();
    return count;
}

std::vector<std::pair<std::string, std::int64_t>> AnnotationTable::countsByAnnotator()
{
    auto& statement =
        m_db.cached("SELECT annotator, count(*) FROM answers a WHERE a.question = ? AND " CONCORD_SUBMITTED_ONLY
                    "GROUP BY annotator ORDER BY annotator");
    statement.bind(1, m_question);
    std::vector<std::pair<std::string, std::int64_t>> counts;
    while (statement.step()) {
        counts.emplace_back(statement.columnText(0), statement.columnInt(1));
    }
    return counts;
}

std::vector<AnnotationTable::StatusCount> AnnotationTable::countsByStatus()
{
    auto& statement = m_db.cached(
        "SELECT annotator, status, sum(n) FROM ("
        " SELECT a.annotator AS annotator, coalesce(r.status, 'submitted') AS status, count(*) AS n FROM answers a"
        " LEFT JOIN responses r ON r.sample = a.sample AND r.annotator = a.annotator WHERE a.question = ?1"
        " GROUP BY 1, 2"
        " UNION ALL"
        " SELECT r.annotator, r.status, count(*) FROM responses r WHERE r.status = 'discarded' AND NOT EXISTS"
        " (SELECT 1 FROM answers a WHERE a.sample = r.sample AND a.annotator = r.annotator AND a.question = ?1)"
        " GROUP BY 1, 2) GROUP BY 1, 2 ORDER BY 1, 2");
    statement.bind(1, m_question);
    std::vector<StatusCount> counts;
    while (statement.step()) {
        counts.push_back({statement.columnText(0), statement.columnText(1), statement.columnInt(2)});
    }
    return counts;
}

std::int64_t AnnotationTable::labeledSampleCount()
{
    auto& statement =
        m_db.cached("SELECT count(DISTINCT sample) FROM answers a WHERE a.question = ? AND " CONCORD_SUBMITTED_ONLY);
    statement.bind(1, m_question).step();
    const std::int64_t count = statement.columnInt(0);
    statement.reset();
    return count;
}

std::int64_t AnnotationTable::countFor(std::string_view annotator)
{
    auto& statement = m_db.cached(
        "SELECT count(*) FROM answers a WHERE a.annotator = ? AND a.question = ? AND " CONCORD_SUBMITTED_ONLY);
    statement.bind(1, annotator).bind(2, m_question);
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
    // Her own answers count whatever their status: a draft or a discard is hers to finish.
    auto& labeled =
        m_db.cached("SELECT sample FROM answers WHERE annotator = ? AND sample > ? AND question = ? ORDER BY sample");
    samples.bind(1, afterKey);
    labeled.bind(1, annotator).bind(2, afterKey).bind(3, m_question);
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
    auto& statement = m_db.cached(
        "SELECT value FROM annotation_history WHERE sample = ? AND annotator = ? AND question = ? ORDER BY id");
    statement.bind(1, sample).bind(2, annotator).bind(3, m_question);
    std::vector<std::optional<std::string>> versions;
    while (statement.step()) {
        versions.push_back(statement.columnOptionalText(0));
    }
    return versions;
}

void AnnotationTable::forEach(const std::function<void(const Annotation&)>& visit)
{
    auto statement = m_db.prepare(std::string(kAnnotationColumns) + "ORDER BY a.sample, a.annotator");
    statement.bind(1, m_question);
    while (statement.step()) {
        visit(readAnnotation(statement));
    }
}

std::optional<AnnotationChange> AnnotationTable::find(std::int64_t sample, std::string_view annotator)
{
    auto& statement =
        m_db.cached(std::string(kChangeColumns) + "WHERE a.sample = ? AND a.annotator = ? AND a.question = ?");
    statement.bind(1, sample).bind(2, annotator).bind(3, m_question);
    if (!statement.step()) {
        return std::nullopt;
    }
    auto change = readChange(statement);
    statement.reset();
    return change;
}

void AnnotationTable::store(const AnnotationChange& row)
{
    auto table = forQuestion(row.question);
    const auto current = table.find(row.sampleKey, row.annotator);
    auto& statement = m_db.cached("INSERT INTO answers(sample, annotator, question, value, context, created_at, "
                                  "updated_at, hlc, client, seq) VALUES (?1, ?2, ?9, ?3, ?10, ?4, ?5, ?6, ?7, ?8) "
                                  "ON CONFLICT(sample, annotator, question) DO UPDATE SET value = excluded.value, "
                                  "context = excluded.context, created_at = excluded.created_at, "
                                  "updated_at = excluded.updated_at, hlc = excluded.hlc, client = excluded.client, "
                                  "seq = excluded.seq");
    statement.bind(1, row.sampleKey).bind(2, row.annotator).bind(3, row.value).bind(4, row.createdAt);
    statement.bind(5, row.updatedAt).bind(6, row.stamp.hlc).bind(7, row.stamp.client).bind(8, row.seq);
    statement.bind(9, row.question).bind(10, row.context).run();
    if (!current || current->value != row.value) {
        table.appendHistory(row.sampleKey, row.annotator, row.value, row.updatedAt);
    }
}

void AnnotationTable::setSeq(std::int64_t sample, std::string_view annotator, std::int64_t seq)
{
    auto& statement = m_db.cached("UPDATE answers SET seq = ? WHERE sample = ? AND annotator = ? AND question = ?");
    statement.bind(1, seq).bind(2, sample).bind(3, annotator).bind(4, m_question).run();
}

std::vector<AnnotationChange> AnnotationTable::changesAfter(std::int64_t seq, int limit, std::string_view viewer,
                                                            bool onlyViewers)
{
    // Another annotator's answers reach the viewer only when their response is not a draft.
    auto& statement = m_db.cached(
        std::string(kChangeColumns) +
        "WHERE a.seq > ?1 AND (a.annotator = ?2 OR (?3 = 0 AND NOT EXISTS (SELECT 1 FROM responses r WHERE "
        "r.sample = a.sample AND r.annotator = a.annotator AND r.status = 'draft'))) ORDER BY a.seq LIMIT ?4");
    statement.bind(1, seq).bind(2, viewer).bind(3, onlyViewers ? 1 : 0).bind(4, limit);
    std::vector<AnnotationChange> rows;
    while (statement.step()) {
        rows.push_back(readChange(statement));
    }
    return rows;
}

std::vector<AnnotationChange> AnnotationTable::allChangesAfter(std::int64_t seq, int limit)
{
    auto& statement = m_db.cached(std::string(kChangeColumns) + "WHERE a.seq > ?1 ORDER BY a.seq LIMIT ?2");
    statement.bind(1, seq).bind(2, limit);
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

namespace concord::store {

std::vector<AnnotationChange> AnnotationTable::forResponse(std::int64_t sample, std::string_view annotator)
{
    auto& statement =
        m_db.cached(std::string(kChangeColumns) + "WHERE a.sample = ? AND a.annotator = ? ORDER BY a.question");
    statement.bind(1, sample).bind(2, annotator);
    std::vector<AnnotationChange> rows;
    while (statement.step()) {
        rows.push_back(readChange(statement));
    }
    return rows;
}

bool AnnotationTable::anyAnswer()
{
    auto& statement = m_db.cached("SELECT 1 FROM answers WHERE question = ? LIMIT 1");
    statement.bind(1, m_question);
    const bool found = statement.step();
    statement.reset();
    return found;
}

} // namespace concord::store

#undef CONCORD_SUBMITTED_ONLY
