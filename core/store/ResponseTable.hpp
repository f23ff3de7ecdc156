// Each annotator's status on each record: draft, submitted or discarded, with a reason for a
// discard and the time spent. No row means submitted: a label made before statuses existed.
#pragma once

#include "core/model/SyncRecords.hpp"
#include "core/store/Sqlite.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace concord::store {

class ResponseTable
{
public:
    explicit ResponseTable(sqlite::Database& db) : m_db(db) {}

    std::optional<ResponseChange> find(std::int64_t sample, std::string_view annotator);
    // A local edit (seq 0: not yet on the server).
    void put(const ResponseChange& row);
    // Writes the row exactly as given (a version accepted by the server or received from it).
    void store(const ResponseChange& row);
    void setSeq(std::int64_t sample, std::string_view annotator, std::int64_t seq);
    // Rows changed after `seq` that `viewer` may see: hers, and (unless `onlyViewers`) others'
    // that are not drafts.
    std::vector<ResponseChange> changesAfter(std::int64_t seq, int limit, std::string_view viewer, bool onlyViewers);
    // Every row changed after `seq`, drafts included, in sequence order (migrate-store's copy).
    std::vector<ResponseChange> allChangesAfter(std::int64_t seq, int limit);
    std::vector<ResponseChange> unsequenced(int limit);
    // The first record after `afterKey` where `annotator` has a draft.
    std::optional<std::int64_t> firstDraftAfter(std::string_view annotator, std::int64_t afterKey);
    // Every response in `status` ("draft", "submitted", "discarded"), by record then annotator.
    std::vector<ResponseChange> withStatus(std::string_view status);
    // Responses per status ("draft", "submitted", "discarded"), of rows that have one.
    std::vector<std::pair<std::string, std::int64_t>> countsByStatus();

private:
    sqlite::Database& m_db;
};

} // namespace concord::store
