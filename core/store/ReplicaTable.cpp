#include "core/store/ReplicaTable.hpp"

#include "core/util/Error.hpp"
#include "core/util/HybridClock.hpp"

#include <string>

namespace concord::store {

std::optional<ReplicaInfo> ReplicaTable::load()
{
    auto& statement = m_db.cached("SELECT server, user, role, token, project_id, client_id, fingerprint, cursor, "
                                  "sample_cursor, hlc FROM replica WHERE id = 1");
    if (!statement.step()) {
        return std::nullopt;
    }
    ReplicaInfo info;
    info.server = statement.columnText(0);
    info.user = statement.columnText(1);
    info.role = roleFromString(statement.columnView(2));
    info.token = statement.columnText(3);
    info.projectId = statement.columnText(4);
    info.clientId = statement.columnText(5);
    info.fingerprint = statement.columnText(6);
    info.cursor = statement.columnInt(7);
    info.sampleCursor = statement.columnInt(8);
    info.hlc = statement.columnInt(9);
    statement.reset();
    return info;
}

void ReplicaTable::create(const ReplicaInfo& info)
{
    auto& statement = m_db.cached("INSERT INTO replica(id, server, user, role, token, project_id, client_id, "
                                  "fingerprint, cursor, sample_cursor, hlc) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    statement.bind(1, info.server).bind(2, info.user).bind(3, toString(info.role)).bind(4, info.token);
    statement.bind(5, info.projectId).bind(6, info.clientId).bind(7, info.fingerprint).bind(8, info.cursor);
    statement.bind(9, info.sampleCursor).bind(10, info.hlc).run();
}

void ReplicaTable::setCursor(std::int64_t cursor)
{
    m_db.cached("UPDATE replica SET cursor = ? WHERE id = 1").bind(1, cursor).run();
}

void ReplicaTable::setSampleCursor(std::int64_t sampleCursor)
{
    m_db.cached("UPDATE replica SET sample_cursor = ? WHERE id = 1").bind(1, sampleCursor).run();
}

void ReplicaTable::setFingerprint(std::string_view fingerprint)
{
    m_db.cached("UPDATE replica SET fingerprint = ? WHERE id = 1").bind(1, fingerprint).run();
}

void ReplicaTable::setRole(Role role)
{
    m_db.cached("UPDATE replica SET role = ? WHERE id = 1").bind(1, toString(role)).run();
}

void ReplicaTable::setToken(std::string_view token)
{
    m_db.cached("UPDATE replica SET token = ? WHERE id = 1").bind(1, token).run();
}

void ReplicaTable::setServer(std::string_view servers)
{
    m_db.cached("UPDATE replica SET server = ? WHERE id = 1").bind(1, servers).run();
}

std::int64_t ReplicaTable::tick(std::int64_t nowMs)
{
    auto& read = m_db.cached("SELECT hlc FROM replica WHERE id = 1");
    if (!read.step()) {
        throw StoreError(m_db.path() + " is not a replica");
    }
    const std::int64_t stamp = hlc::next(read.columnInt(0), nowMs);
    read.reset();
    m_db.cached("UPDATE replica SET hlc = ? WHERE id = 1").bind(1, stamp).run();
    return stamp;
}

void ReplicaTable::observe(std::int64_t stamp)
{
    m_db.cached("UPDATE replica SET hlc = max(hlc, ?) WHERE id = 1").bind(1, stamp).run();
}

} // namespace concord::store
