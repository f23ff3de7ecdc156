// A model's predictions in the project's predictions table (one row per sample and model,
// the probabilities as a JSON object label → probability): writing the built-in model's, and
// reading any model's back as a matrix over the schema's labels.
#pragma once

#include "core/learn/Probabilities.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace concord {
class Project;
}

namespace concord::learn {

inline constexpr std::string_view kBuiltinModel = "builtin";

struct ModelPredictions
{
    std::vector<std::string> labels; // columns
    std::vector<std::int64_t> keys;  // rows: sample keys, ascending
    Probabilities probabilities;
};

// The JSON text stored for one row (probabilities rounded to 6 decimals, which is finer than
// any decision made from them and keeps a million rows small).
std::string probabilitiesJson(std::span<const double> row, const std::vector<std::string>& labels);

// Replaces every stored prediction of `model` with these, in one transaction.
void storePredictions(Project& project, std::string_view model, std::span<const std::int64_t> keys,
                      const Probabilities& probabilities, const std::vector<std::string>& labels);

// Every stored prediction of `model`, with columns in the order of `labels` (a label the row
// does not mention counts 0). Throws InputError when the model has no predictions.
ModelPredictions loadPredictions(Project& project, std::string_view model, const std::vector<std::string>& labels);

// The names of the models with stored predictions.
std::vector<std::string> predictionModels(Project& project);

} // namespace concord::learn
