// The replica table: present (one row) only in a project file made by `concord-cli join`. It
// links the file to its server and holds what sync resumes from: the change cursor, the
// sample cursor, the pinned certificate fingerprint and the replica's hybrid logical clock.
#pragma once

#include "core/model/SyncRecords.hpp"
#include "core/store/Sqlite.hpp"

#include <optional>
#include <string_view>

namespace concord::store {

class ReplicaTable
{
public:
    explicit ReplicaTable(sqlite::Database& db) : m_db(db) {}

    std::optional<ReplicaInfo> load();
    void create(const ReplicaInfo& info);

    void setCursor(std::int64_t cursor);
    void setSampleCursor(std::int64_t sampleCursor);
    void setFingerprint(std::string_view fingerprint);
    void setRole(Role role);
    void setToken(std::string_view token);
    // The servers to sync with, HOST:PORT[,HOST:PORT...] (checked by the caller).
    void setServer(std::string_view servers);

    // A stamp for a new local edit: later than every stamp made or seen here, and not before
    // the wall clock. Must run inside the edit's transaction.
    std::int64_t tick(std::int64_t nowMs);
    // Moves the clock past a stamp received from the server.
    void observe(std::int64_t stamp);

private:
    sqlite::Database& m_db;
};

} // namespace concord::store
