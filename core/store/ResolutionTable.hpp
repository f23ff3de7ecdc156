// The reviewers' gold values per sample, with every earlier version kept in the history.
#pragma once

#include "core/model/Records.hpp"
#include "core/store/Sqlite.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace concord::store {

class ResolutionTable
{
public:
    explicit ResolutionTable(sqlite::Database& db) : m_db(db) {}

    void set(std::int64_t sample, std::string_view value, std::string_view note, std::string_view author,
             std::int64_t now);
    std::optional<Resolution> get(std::int64_t sample);
    // Every version for the sample, oldest first.
    std::vector<Resolution> history(std::int64_t sample);
    std::int64_t count();

private:
    sqlite::Database& m_db;
};

} // namespace concord::store
