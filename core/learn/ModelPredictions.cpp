// Reading and writing model predictions (see ModelPredictions.hpp).
#include "core/learn/ModelPredictions.hpp"

#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

#include <cmath>
#include <unordered_map>

namespace concord::learn {

std::string probabilitiesJson(std::span<const double> row, const std::vector<std::string>& labels)
{
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (std::size_t k = 0; k < labels.size(); ++k) {
        object[labels[k]] = std::round(row[k] * 1e6) / 1e6;
    }
    return object.dump();
}

void storePredictions(Project& project, std::string_view model, std::span<const std::int64_t> keys,
                      const Probabilities& probabilities, const std::vector<std::string>& labels)
{
    sqlite::Transaction transaction(project.database());
    // A direct statement, as the exporter's scans are: the table class has no bulk delete.
    auto clear = project.database().prepare("DELETE FROM predictions WHERE model = ?");
    clear.bind(1, model).run();
    const std::int64_t now = project.now();
    for (std::size_t i = 0; i < keys.size(); ++i) {
        project.predictions().put(keys[i], model, probabilitiesJson(probabilities.row(i), labels), now);
    }
    transaction.commit();
}

ModelPredictions loadPredictions(Project& project, std::string_view model, const std::vector<std::string>& labels)
{
    std::unordered_map<std::string, std::size_t> column;
    for (std::size_t k = 0; k < labels.size(); ++k) {
        column.emplace(labels[k], k);
    }
    ModelPredictions result;
    result.labels = labels;
    std::vector<double> values;
    auto rows = project.database().prepare("SELECT sample, probabilities FROM predictions WHERE model = ? "
                                           "ORDER BY sample");
    rows.bind(1, model);
    while (rows.step()) {
        result.keys.push_back(rows.columnInt(0));
        const std::size_t base = values.size();
        values.resize(base + labels.size(), 0.0);
        const auto object = nlohmann::json::parse(rows.columnView(1));
        for (const auto& [label, p] : object.items()) {
            if (const auto found = column.find(label); found != column.end() && p.is_number()) {
                values[base + found->second] = p.get<double>();
            }
        }
    }
    if (result.keys.empty()) {
        throw InputError("model '" + std::string(model) + "' has no predictions in " + project.path());
    }
    result.probabilities = Probabilities(result.keys.size(), labels.size());
    for (std::size_t i = 0; i < result.keys.size(); ++i) {
        for (std::size_t k = 0; k < labels.size(); ++k) {
            result.probabilities(i, k) = values[i * labels.size() + k];
        }
    }
    return result;
}

std::vector<std::string> predictionModels(Project& project)
{
    return project.predictions().models();
}

} // namespace concord::learn
