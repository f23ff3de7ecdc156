// A model's predictions scored against the true labels: everything `concord-cli evaluate`
// shows, for single-label (accuracy, precision/recall/F1 per label with macro and micro
// averages, AUC-ROC, log loss, confusion matrix) and multi-label tasks (subset accuracy,
// Hamming loss, per-label precision/recall/F1 at p >= 0.5 with macro and micro averages,
// macro AUC-ROC over labels).
#pragma once

#include "core/learn/LinearModel.hpp"
#include "core/learn/Metrics.hpp"
#include "core/learn/Probabilities.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace concord::learn {

struct EvaluationReport
{
    std::string model; // a name for the table: "builtin (5-fold CV)", an imported model's name
    ModelKind kind = ModelKind::Softmax;
    std::vector<std::string> labels;
    std::size_t samples = 0;
    double accuracy = 0.0; // subset accuracy for multi-label
    PrecisionRecall scores;
    std::optional<double> aucRoc;
    std::optional<double> logLoss;     // single-label only
    std::optional<double> hammingLoss; // multi-label only
    ConfusionMatrix confusion;         // single-label only

    nlohmann::ordered_json toJson() const;
};

EvaluationReport evaluate(std::string model, const std::vector<std::string>& labels, ModelKind kind,
                          std::span<const LabelSet> truth, const Probabilities& probabilities);

} // namespace concord::learn
