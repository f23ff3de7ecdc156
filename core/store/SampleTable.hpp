// The samples table: the texts to label, each with the user's stable id and JSON metadata.
#pragma once

#include "core/model/Records.hpp"
#include "core/store/Sqlite.hpp"

#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace concord::store {

class SampleTable
{
public:
    explicit SampleTable(sqlite::Database& db) : m_db(db) {}

    // Returns the new sample's key, or nullopt when a sample with this id already exists.
    // `record`: a record with fields (encodeRecord()), empty for a one-text sample.
    std::optional<std::int64_t> insert(std::string_view id, std::string_view text, std::string_view meta,
                                       std::string_view record = {});
    // Replaces a record's stored fields and their metadata (a re-import's new metadata).
    void setRecord(std::int64_t key, std::string_view record);

    std::int64_t count();
    std::optional<Sample> findById(std::string_view id);
    std::optional<Sample> findByKey(std::int64_t key);
    std::optional<std::int64_t> keyOf(std::string_view id);

    // Up to `limit` samples with keys greater than `afterKey`, in key order (keyset paging,
    // which stays fast deep into a million rows).
    std::vector<Sample> pageAfter(std::int64_t afterKey, int limit);

    void forEach(const std::function<void(const Sample&)>& visit);

private:
    sqlite::Database& m_db;
};

} // namespace concord::store
