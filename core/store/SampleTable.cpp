#include "core/store/SampleTable.hpp"

namespace concord::store {

namespace {

constexpr const char* kSampleColumns = "SELECT pk, id, text, meta, coalesce(record, '') FROM samples ";

Sample readSample(const sqlite::Statement& row)
{
    return Sample{row.columnInt(0), row.columnText(1), row.columnText(2), row.columnText(3), row.columnText(4)};
}

} // namespace

std::optional<std::int64_t> SampleTable::insert(std::string_view id, std::string_view text, std::string_view meta,
                                                std::string_view record)
{
    auto& statement = m_db.cached("INSERT OR IGNORE INTO samples(id, text, meta, record) VALUES (?, ?, ?, ?)");
    statement.bind(1, id).bind(2, text).bind(3, meta);
    if (record.empty()) {
        statement.bindNull(4);
    } else {
        statement.bind(4, record);
    }
    statement.run();
    if (m_db.changes() == 0) {
        return std::nullopt;
    }
    return m_db.lastInsertRowid();
}

void SampleTable::setRecord(std::int64_t key, std::string_view record)
{
    m_db.cached("UPDATE samples SET record = ? WHERE pk = ?").bind(1, record).bind(2, key).run();
}

std::int64_t SampleTable::count()
{
    // max(pk) would be cheaper but wrong after deletions; count(*) on the pk b-tree is fast.
    auto& statement = m_db.cached("SELECT count(*) FROM samples");
    statement.step();
    return statement.columnInt(0);
}

std::optional<Sample> SampleTable::findById(std::string_view id)
{
    auto& statement = m_db.cached(std::string(kSampleColumns) + "WHERE id = ?");
    statement.bind(1, id);
    if (!statement.step()) {
        return std::nullopt;
    }
    return readSample(statement);
}

std::optional<Sample> SampleTable::findByKey(std::int64_t key)
{
    auto& statement = m_db.cached(std::string(kSampleColumns) + "WHERE pk = ?");
    statement.bind(1, key);
    if (!statement.step()) {
        return std::nullopt;
    }
    return readSample(statement);
}

std::optional<std::int64_t> SampleTable::keyOf(std::string_view id)
{
    auto& statement = m_db.cached("SELECT pk FROM samples WHERE id = ?");
    statement.bind(1, id);
    if (!statement.step()) {
        return std::nullopt;
    }
    return statement.columnInt(0);
}

std::vector<Sample> SampleTable::pageAfter(std::int64_t afterKey, int limit)
{
    auto& statement = m_db.cached(std::string(kSampleColumns) + "WHERE pk > ? ORDER BY pk LIMIT ?");
    statement.bind(1, afterKey).bind(2, limit);
    std::vector<Sample> page;
    while (statement.step()) {
        page.push_back(readSample(statement));
    }
    return page;
}

void SampleTable::forEach(const std::function<void(const Sample&)>& visit)
{
    auto statement = m_db.prepare(std::string(kSampleColumns) + "ORDER BY pk");
    while (statement.step()) {
        visit(readSample(statement));
    }
}

} // namespace concord::store
