#include "core/store/ReservationTable.hpp"

namespace concord::store {

void ReservationTable::expire(std::int64_t now)
{
    m_db.cached("DELETE FROM reservations WHERE expires_at <= ?").bind(1, now).run();
}

std::vector<std::int64_t> ReservationTable::heldBy(std::string_view annotator, std::int64_t now)
{
    auto& statement =
        m_db.cached("SELECT r.sample FROM reservations r WHERE r.annotator = ?1 AND r.expires_at > ?2 "
                    "AND NOT EXISTS (SELECT 1 FROM annotations a WHERE a.sample = r.sample "
                    "AND a.annotator = ?1) AND NOT EXISTS (SELECT 1 FROM responses g WHERE "
                    "g.sample = r.sample AND g.annotator = ?1 AND g.status <> 'draft') ORDER BY r.sample");
    statement.bind(1, annotator).bind(2, now);
    std::vector<std::int64_t> samples;
    while (statement.step()) {
        samples.push_back(statement.columnInt(0));
    }
    return samples;
}

std::vector<std::int64_t> ReservationTable::candidates(std::string_view annotator, int overlap, std::int64_t now,
                                                       int limit)
{
    // Live reservations count only while their holder has not labeled the sample, so that
    // an annotator is never counted twice. A response its annotator gave (submitted, or
    // discarded: done for her, though not toward the overlap) is never offered to her again.
    auto& statement = m_db.cached(
        "SELECT s.pk FROM samples s "
        "WHERE NOT EXISTS (SELECT 1 FROM annotations a WHERE a.sample = s.pk AND a.annotator = ?1) "
        "AND NOT EXISTS (SELECT 1 FROM responses g WHERE g.sample = s.pk AND g.annotator = ?1 AND g.status <> 'draft') "
        "AND NOT EXISTS (SELECT 1 FROM reservations r WHERE r.sample = s.pk AND r.annotator = ?1) "
        "AND (SELECT count(*) FROM annotations a WHERE a.sample = s.pk) "
        "  + (SELECT count(*) FROM reservations r WHERE r.sample = s.pk AND r.expires_at > ?2 "
        "     AND NOT EXISTS (SELECT 1 FROM annotations a WHERE a.sample = r.sample AND a.annotator = r.annotator)) "
        "  < ?3 "
        "ORDER BY s.pk LIMIT ?4");
    statement.bind(1, annotator).bind(2, now).bind(3, overlap).bind(4, limit);
    std::vector<std::int64_t> samples;
    while (statement.step()) {
        samples.push_back(statement.columnInt(0));
    }
    return samples;
}

std::int64_t ReservationTable::heldByOthers(std::string_view annotator, int overlap, std::int64_t now)
{
    auto& statement = m_db.cached(
        "SELECT count(*) FROM samples s "
        "WHERE NOT EXISTS (SELECT 1 FROM annotations a WHERE a.sample = s.pk AND a.annotator = ?1) "
        "AND NOT EXISTS (SELECT 1 FROM responses g WHERE g.sample = s.pk AND g.annotator = ?1 AND g.status <> 'draft') "
        "AND NOT EXISTS (SELECT 1 FROM reservations r WHERE r.sample = s.pk AND r.annotator = ?1) "
        "AND (SELECT count(*) FROM annotations a WHERE a.sample = s.pk) < ?3 "
        "AND (SELECT count(*) FROM annotations a WHERE a.sample = s.pk) "
        "  + (SELECT count(*) FROM reservations r WHERE r.sample = s.pk AND r.expires_at > ?2 "
        "     AND NOT EXISTS (SELECT 1 FROM annotations a WHERE a.sample = r.sample AND a.annotator = r.annotator)) "
        "  >= ?3");
    statement.bind(1, annotator).bind(2, now).bind(3, overlap);
    statement.step();
    const std::int64_t count = statement.columnInt(0);
    statement.reset();
    return count;
}

void ReservationTable::reserve(std::int64_t sample, std::string_view annotator, std::int64_t expiresAt)
{
    m_db.cached("INSERT INTO reservations(sample, annotator, expires_at) VALUES (?, ?, ?) "
                "ON CONFLICT(sample, annotator) DO UPDATE SET expires_at = excluded.expires_at")
        .bind(1, sample)
        .bind(2, annotator)
        .bind(3, expiresAt)
        .run();
}

void ReservationTable::release(std::int64_t sample, std::string_view annotator)
{
    m_db.cached("DELETE FROM reservations WHERE sample = ? AND annotator = ?").bind(1, sample).bind(2, annotator).run();
}

std::int64_t ReservationTable::count()
{
    auto& statement = m_db.cached("SELECT count(*) FROM reservations");
    statement.step();
    const std::int64_t count = statement.columnInt(0);
    statement.reset();
    return count;
}

} // namespace concord::store
