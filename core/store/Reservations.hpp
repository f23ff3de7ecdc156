// Assignment reservations on a sync server: which annotator holds which record, until when. A
// reservation lapses at its expiry, so that an absent annotator does not hold records forever,
// and is dropped once the annotator has answered the record. Implemented by the project file's
// reservations table (ReservationTable) and by a PostgreSQL store (pgstore/PgServerStore).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace concord::store {

class Reservations
{
public:
    virtual ~Reservations() = default;

    virtual void expire(std::int64_t now) = 0;
    // The annotator's live reservations on records she has not answered yet, by record key.
    virtual std::vector<std::int64_t> heldBy(std::string_view annotator, std::int64_t now) = 0;
    // Records the annotator has neither answered nor reserved whose annotators plus live
    // reservations number fewer than `overlap`, in record order.
    virtual std::vector<std::int64_t> candidates(std::string_view annotator, int overlap, std::int64_t now,
                                                 int limit) = 0;
    // Records that still need annotators but are all held by others' live reservations.
    virtual std::int64_t heldByOthers(std::string_view annotator, int overlap, std::int64_t now) = 0;
    virtual void reserve(std::int64_t sample, std::string_view annotator, std::int64_t expiresAt) = 0;
    virtual void release(std::int64_t sample, std::string_view annotator) = 0;
};

} // namespace concord::store
