// The built-in classifier: a linear model over hashed features. Single-label tasks use
// multinomial logistic regression (softmax); multi-label tasks one sigmoid per label
// (one-vs-rest). Trained by AdaGrad with L2 regularisation; training continues from the current
// weights and accumulators, so a few new labels need only a few cheap passes. Deterministic
// for a seed: single-threaded, with our own shuffle (Random.hpp).
//
// L2 is applied to a weight when its feature occurs (the lazy, frequency-weighted form of L2
// that sparse online learners use), so a pass costs O(non-zeros × labels), not O(buckets).
// The AdaGrad accumulator is per feature (summed over labels), which halves the memory and
// gives each feature one step size. docs/learn.md has the update rule.
#pragma once

#include "core/learn/FeatureExtractor.hpp"
#include "core/learn/Probabilities.hpp"
#include "core/learn/SparseRows.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace concord::learn {

enum class ModelKind
{
    Softmax,  // single-label
    OneVsRest // multi-label
};

struct TrainOptions
{
    double l2 = 1e-4;
    double learningRate = 1.0;
    int epochs = 5;
    std::uint64_t seed = 1;

    void validate() const; // throws InputError
    nlohmann::json toJson() const;
    static TrainOptions fromJson(const nlohmann::json& json);
};

class LinearModel
{
public:
    LinearModel() = default;
    LinearModel(ModelKind kind, std::vector<std::string> labels, FeatureOptions features);

    ModelKind kind() const { return m_kind; }
    const std::vector<std::string>& labels() const { return m_labels; }
    const FeatureOptions& features() const { return m_features; }
    std::size_t classes() const { return m_labels.size(); }
    std::int64_t epochsTrained() const { return m_epochs; }
    std::int64_t examplesSeen() const { return m_examples; }

    // Runs `options.epochs` passes over the given rows of `x` (each with its labels in
    // `targets`, parallel to x), in an order shuffled from the seed and the epochs done so far.
    void train(const SparseRows& x, std::span<const LabelSet> targets, std::span<const std::size_t> rows,
               const TrainOptions& options);
    void train(const SparseRows& x, std::span<const LabelSet> targets, const TrainOptions& options);

    void predict(SparseView x, std::span<double> probabilities) const;
    Probabilities predictAll(const SparseRows& x) const;

    // Raw state, for the model file and for tests of determinism.
    std::vector<float>& weights() { return m_weights; }
    std::vector<float>& accumulators() { return m_accumulators; }
    const std::vector<float>& weights() const { return m_weights; }
    const std::vector<float>& accumulators() const { return m_accumulators; }
    void setProgress(std::int64_t epochs, std::int64_t examples)
    {
        m_epochs = epochs;
        m_examples = examples;
    }

private:
    void scores(SparseView x, std::span<double> out) const;
    void step(SparseView x, const LabelSet& target, const TrainOptions& options, std::span<double> work);

    ModelKind m_kind = ModelKind::Softmax;
    std::vector<std::string> m_labels;
    FeatureOptions m_features;
    std::uint32_t m_biasRow = 0;       // the row after the buckets holds the intercepts
    std::vector<float> m_weights;      // (buckets + 1) × classes, row-major by feature
    std::vector<float> m_accumulators; // buckets + 1: AdaGrad's sum of squared gradients
    std::int64_t m_epochs = 0;
    std::int64_t m_examples = 0;
};

// Turns raw scores into probabilities in place: softmax, or a sigmoid per label.
void toProbabilities(ModelKind kind, std::span<double> scores);

} // namespace concord::learn
