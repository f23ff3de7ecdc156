// The project file's reservations table (see Reservations.hpp).
#pragma once

#include "core/store/Reservations.hpp"
#include "core/store/Sqlite.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace concord::store {

class ReservationTable : public Reservations
{
public:
    explicit ReservationTable(sqlite::Database& db) : m_db(db) {}

    void expire(std::int64_t now) override;
    std::vector<std::int64_t> heldBy(std::string_view annotator, std::int64_t now) override;
    std::vector<std::int64_t> candidates(std::string_view annotator, int overlap, std::int64_t now, int limit) override;
    std::int64_t heldByOthers(std::string_view annotator, int overlap, std::int64_t now) override;
    void reserve(std::int64_t sample, std::string_view annotator, std::int64_t expiresAt) override;
    void release(std::int64_t sample, std::string_view annotator) override;
    std::int64_t count();

private:
    sqlite::Database& m_db;
};

} // namespace concord::store
