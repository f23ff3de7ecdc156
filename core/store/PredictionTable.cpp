#include "core/store/PredictionTable.hpp"

namespace concord::store {

void PredictionTable::put(std::int64_t sample, std::string_view model, std::string_view probabilities, std::int64_t now)
{
    auto& statement = m_db.cached("INSERT OR REPLACE INTO predictions(sample, model, probabilities, created_at) "
                                  "VALUES (?, ?, ?, ?)");
    statement.bind(1, sample).bind(2, model).bind(3, probabilities).bind(4, now).run();
}

std::optional<Prediction> PredictionTable::get(std::int64_t sample, std::string_view model)
{
    auto& statement =
        m_db.cached("SELECT sample, model, probabilities FROM predictions WHERE model = ? AND sample = ?");
    statement.bind(1, model).bind(2, sample);
    if (!statement.step()) {
        return std::nullopt;
    }
    return Prediction{statement.columnInt(0), statement.columnText(1), statement.columnText(2)};
}

std::vector<std::string> PredictionTable::models()
{
    auto& statement = m_db.cached("SELECT DISTINCT model FROM predictions ORDER BY model");
    std::vector<std::string> names;
    while (statement.step()) {
        names.push_back(statement.columnText(0));
    }
    return names;
}

} // namespace concord::store
