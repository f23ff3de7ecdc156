// Assignment reservations on the server: which annotator holds which sample, until when. A
// reservation lapses at its expiry, so that an absent annotator does not hold samples forever,
// and is dropped once the annotator has labeled the sample.
#pragma once

#include "core/store/Sqlite.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace concord::store {

class ReservationTable
{
public:
    explicit ReservationTable(sqlite::Database& db) : m_db(db) {}

    void expire(std::int64_t now);
    // The annotator's live reservations on samples it has not labeled yet, by sample key.
    std::vector<std::int64_t> heldBy(std::string_view annotator, std::int64_t now);
    // Samples the annotator has neither labeled nor reserved whose annotators plus live
    // reservations number fewer than `overlap`, in sample order.
    std::vector<std::int64_t> candidates(std::string_view annotator, int overlap, std::int64_t now, int limit);
    // Samples that still need annotators but are all held by others' live reservations.
    std::int64_t heldByOthers(std::string_view annotator, int overlap, std::int64_t now);
    void reserve(std::int64_t sample, std::string_view annotator, std::int64_t expiresAt);
    void release(std::int64_t sample, std::string_view annotator);
    std::int64_t count();

private:
    sqlite::Database& m_db;
};

} // namespace concord::store
