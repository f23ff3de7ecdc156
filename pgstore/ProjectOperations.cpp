#include "pgstore/ProjectOperations.hpp"

#include "pgstore/ChangeLog.hpp"

#include "core/util/Error.hpp"

#include <nlohmann/json.hpp>

namespace concord::pg {

std::optional<store::LoggedOperation> ProjectOperations::find(std::string_view user, std::string_view opId)
{
    if (m_readUser && *m_readUser == user) {
        if (const auto read = m_read.find(std::string(opId)); read != m_read.end()) {
            return read->second;
        }
    }
    m_connection.prepare("concord_find_operation",
                         "SELECT seq, superseded FROM changes WHERE project = $1 AND author = $2 AND op_id = $3");
    const Result found = m_connection.execPrepared("concord_find_operation",
                                                   {std::to_string(m_project), std::string(user), std::string(opId)});
    if (found.rows() == 0) {
        return std::nullopt;
    }
    return store::LoggedOperation{found.integer(0, 0), found.text(0, 1) == "t"};
}

std::int64_t ProjectOperations::append(std::string_view opId, std::string_view user, std::string_view kind,
                                       std::string_view sampleId, std::string_view body, std::int64_t appliedAt,
                                       bool superseded)
{
    Change change;
    change.kind = std::string(kind);
    change.body = std::string(body);
    change.opId = std::string(opId);
    change.author = std::string(user);
    change.sampleId = std::string(sampleId);
    change.appliedAt = appliedAt;
    change.superseded = superseded;
    if (!m_batch) {
        return appendChanges(m_connection, m_project, {change});
    }
    lockNow();
    insertChange(m_connection, m_project, ++m_next, change);
    if (m_readUser && *m_readUser == user) {
        m_read[std::string(opId)] = store::LoggedOperation{m_next, superseded};
    }
    return m_next;
}

void ProjectOperations::lockNow()
{
    if (!m_locked) {
        m_first = m_next = lockSequence(m_connection, m_project);
        m_locked = true;
    }
}

void ProjectOperations::readAhead(std::string_view user, const std::vector<std::string>& opIds)
{
    m_readUser = std::string(user);
    m_read.clear();
    for (const auto& opId : opIds) {
        m_read.emplace(opId, std::nullopt);
    }
    m_connection.prepare("concord_find_operations",
                         "SELECT op_id, seq, superseded FROM changes WHERE project = $1 AND author = $2 AND op_id IN "
                         "(SELECT jsonb_array_elements_text($3::jsonb))");
    const Result found = m_connection.execPrepared(
        "concord_find_operations", {std::to_string(m_project), std::string(user), nlohmann::json(opIds).dump()});
    for (int row = 0; row < found.rows(); ++row) {
        m_read[found.text(row, 0)] = store::LoggedOperation{found.integer(row, 1), found.text(row, 2) == "t"};
    }
}

void ProjectOperations::forgetReadAhead()
{
    m_readUser.reset();
    m_read.clear();
}

std::int64_t ProjectOperations::head()
{
    // Within a batch, its own numbers count: a push's ack names the head after its operations.
    return m_locked ? m_next : lastSeq(m_connection, m_project);
}

void ProjectOperations::beginBatch()
{
    m_batch = true;
    m_locked = false;
}

void ProjectOperations::publishBatch()
{
    if (m_locked && m_next > m_first) {
        publishSequence(m_connection, m_project, m_next);
    }
    m_batch = false;
    m_locked = false;
}

void ProjectOperations::abandonBatch()
{
    m_batch = false;
    m_locked = false;
}

void ProjectOperations::restore(const Mark& mark)
{
    m_locked = mark.locked;
    m_next = mark.next;
}

std::int64_t ProjectOperations::count()
{
    return m_connection.exec("SELECT count(*) FROM changes WHERE project = $1", {std::to_string(m_project)})
        .integer(0, 0);
}

std::vector<store::LogEntry> ProjectOperations::entriesAfter(std::int64_t seq, int limit)
{
    std::vector<store::LogEntry> entries;
    for (auto& logged : changesAfter(m_connection, m_project, seq, static_cast<std::size_t>(limit))) {
        entries.push_back(store::LogEntry{logged.seq, logged.change.opId.value_or(""), std::move(logged.change.author),
                                          std::move(logged.change.kind), std::move(logged.change.sampleId),
                                          std::move(logged.change.body), logged.change.appliedAt,
                                          logged.change.superseded});
    }
    return entries;
}

void ProjectOperations::copyEntry(const store::LogEntry& entry)
{
    const bool alone = !m_batch;
    lockNow();
    if (entry.seq <= m_next) {
        throw InputError("operation " + std::to_string(entry.seq) + " is not above the log's last (" +
                         std::to_string(m_next) + ")");
    }
    Change change;
    change.kind = entry.kind;
    change.body = entry.body;
    change.opId = entry.opId.empty() ? std::nullopt : std::optional<std::string>(entry.opId);
    change.author = entry.user;
    change.sampleId = entry.sampleId;
    change.appliedAt = entry.appliedAt;
    change.superseded = entry.superseded;
    insertChange(m_connection, m_project, entry.seq, change);
    m_next = entry.seq;
    if (alone) {
        publishSequence(m_connection, m_project, m_next);
        m_locked = false;
    }
}

} // namespace concord::pg
