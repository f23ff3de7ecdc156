// Named filters over the samples (SQL boolean expressions); evaluated by the quality module.
#pragma once

#include "core/model/Records.hpp"
#include "core/store/Sqlite.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace concord::store {

class SignalTable
{
public:
    explicit SignalTable(sqlite::Database& db) : m_db(db) {}

    void put(std::string_view name, std::string_view expression, std::int64_t now);
    bool remove(std::string_view name);
    std::optional<Signal> get(std::string_view name);
    std::vector<Signal> list();

private:
    sqlite::Database& m_db;
};

} // namespace concord::store
