// The outbox of a replica: local edits not yet acknowledged by the server, oldest first. An
// edit and its outbox row are written in one transaction, so that labeling never waits for
// the network and a crash loses neither. Refused operations stay, marked with the reason.
#pragma once

#include "core/model/SyncRecords.hpp"
#include "core/store/Sqlite.hpp"

#include <string_view>
#include <vector>

namespace concord::store {

class OutboxTable
{
public:
    explicit OutboxTable(sqlite::Database& db) : m_db(db) {}

    void add(const PendingOperation& operation);
    // Up to `limit` operations still to send, oldest first.
    std::vector<PendingOperation> pending(int limit);
    std::vector<PendingOperation> rejected();
    std::int64_t pendingCount();
    // Whether an unsent operation would write this row (a resolution's row is its sample's and
    // question's; a suggestion's `annotator` is its agent).
    bool hasPending(OperationKind kind, std::string_view sampleId, std::string_view annotator,
                    std::string_view question);
    // Once acknowledged.
    void remove(std::string_view opId);
    void reject(std::string_view opId, std::string_view reason);

private:
    sqlite::Database& m_db;
};

} // namespace concord::store
