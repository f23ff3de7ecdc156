// Model predictions per sample and model name: probabilities per label as a JSON object.
#pragma once

#include "core/model/Records.hpp"
#include "core/store/Sqlite.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace concord::store {

class PredictionTable
{
public:
    explicit PredictionTable(sqlite::Database& db) : m_db(db) {}

    void put(std::int64_t sample, std::string_view model, std::string_view probabilities, std::int64_t now);
    std::optional<Prediction> get(std::int64_t sample, std::string_view model);
    std::vector<std::string> models();

private:
    sqlite::Database& m_db;
};

} // namespace concord::store
