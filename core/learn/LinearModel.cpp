// AdaGrad training and prediction of the linear model (see LinearModel.hpp).
#include "core/learn/LinearModel.hpp"

#include "core/learn/Parallel.hpp"
#include "core/learn/Random.hpp"
#include "core/util/Error.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace concord::learn {

namespace {

// Keeps the first AdaGrad step finite for a feature never seen before.
constexpr double kAdagradEpsilon = 1e-8;

} // namespace

void TrainOptions::validate() const
{
    if (!(l2 >= 0.0 && l2 < 1.0)) {
        throw InputError("the L2 strength must be at least 0 and below 1");
    }
    if (!(learningRate > 0.0 && learningRate <= 10.0)) {
        throw InputError("the learning rate must be above 0 and at most 10");
    }
    if (epochs < 1 || epochs > 1000) {
        throw InputError("epochs must be from 1 to 1000");
    }
}

nlohmann::json TrainOptions::toJson() const
{
    return {{"l2", l2}, {"learning_rate", learningRate}, {"epochs", epochs}, {"seed", seed}};
}

TrainOptions TrainOptions::fromJson(const nlohmann::json& json)
{
    TrainOptions options;
    options.l2 = json.at("l2").get<double>();
    options.learningRate = json.at("learning_rate").get<double>();
    options.epochs = json.at("epochs").get<int>();
    options.seed = json.at("seed").get<std::uint64_t>();
    return options;
}

void toProbabilities(ModelKind kind, std::span<double> scores)
{
    if (kind == ModelKind::OneVsRest) {
        for (double& s : scores) {
            s = 1.0 / (1.0 + std::exp(-s));
        }
        return;
    }
    const double top = *std::max_element(scores.begin(), scores.end());
    double sum = 0.0;
    for (double& s : scores) {
        s = std::exp(s - top);
        sum += s;
    }
    for (double& s : scores) {
        s /= sum;
    }
}

LinearModel::LinearModel(ModelKind kind, std::vector<std::string> labels, FeatureOptions features)
    : m_kind(kind), m_labels(std::move(labels)), m_features(features), m_biasRow(features.buckets())
{
    features.validate();
    if (m_labels.size() < 2 && kind == ModelKind::Softmax) {
        throw InputError("a single-label classifier needs at least two labels");
    }
    if (m_labels.empty()) {
        throw InputError("a classifier needs at least one label");
    }
    m_weights.assign((static_cast<std::size_t>(m_biasRow) + 1) * m_labels.size(), 0.0F);
    m_accumulators.assign(static_cast<std::size_t>(m_biasRow) + 1, 0.0F);
}

void LinearModel::scores(SparseView x, std::span<double> out) const
{
    // Accumulating in float keeps the inner loop a plain vectorisable multiply-add over one
    // contiguous row of weights; the sum of a few hundred unit-scale terms loses nothing that
    // matters to a probability.
    const std::size_t k = classes();
    thread_local std::vector<float> sums;
    sums.assign(m_weights.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(m_biasRow) * k),
                m_weights.begin() + static_cast<std::ptrdiff_t>((static_cast<std::size_t>(m_biasRow) + 1) * k));
    float* sum = sums.data();
    for (std::size_t j = 0; j < x.size(); ++j) {
        const float* w = &m_weights[static_cast<std::size_t>(x.indices[j]) * k];
        const float v = x.values[j];
        for (std::size_t c = 0; c < k; ++c) {
            sum[c] += v * w[c];
        }
    }
    for (std::size_t c = 0; c < k; ++c) {
        out[c] = sum[c];
    }
}

void LinearModel::predict(SparseView x, std::span<double> probabilities) const
{
    scores(x, probabilities);
    toProbabilities(m_kind, probabilities);
}

Probabilities LinearModel::predictAll(const SparseRows& x) const
{
    Probabilities out(x.rows(), classes());
    // Rows are independent and each thread writes only its own rows of `out`.
    forEachChunk(x.rows(), 4096, [&](std::size_t, std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            predict(x.row(i), out.row(i));
        }
    });
    return out;
}

void LinearModel::step(SparseView x, const LabelSet& target, const TrainOptions& options, std::span<double> p)
{
    const std::size_t k = classes();
    predict(x, p);
    thread_local std::vector<float> gradient;
    gradient.resize(k);
    float* g = gradient.data();
    double squared = 0.0;
    for (std::size_t c = 0; c < k; ++c) {
        g[c] = static_cast<float>(p[c]);
    }
    for (std::uint32_t label : target) {
        g[label] -= 1.0F; // the log loss's gradient with respect to the scores: p - y
    }
    for (std::size_t c = 0; c < k; ++c) {
        squared += static_cast<double>(g[c]) * g[c];
    }
    const auto update = [&](std::uint32_t row, double v, double l2) {
        float& accumulator = m_accumulators[row];
        accumulator += static_cast<float>(v * v * squared);
        const double rate = options.learningRate / std::sqrt(static_cast<double>(accumulator) + kAdagradEpsilon);
        float* w = &m_weights[static_cast<std::size_t>(row) * k];
        const float a = static_cast<float>(rate * v);
        if (l2 > 0.0) {
            const float decay = static_cast<float>(1.0 - std::min(rate * l2, 1.0));
            for (std::size_t c = 0; c < k; ++c) {
                w[c] = w[c] * decay - a * g[c];
            }
        } else {
            for (std::size_t c = 0; c < k; ++c) {
                w[c] -= a * g[c];
            }
        }
    };
    for (std::size_t j = 0; j < x.size(); ++j) {
        update(x.indices[j], x.values[j], options.l2);
    }
    update(m_biasRow, 1.0, 0.0); // the intercepts are not regularised
}

void LinearModel::train(const SparseRows& x, std::span<const LabelSet> targets, std::span<const std::size_t> rows,
                        const TrainOptions& options)
{
    options.validate();
    if (targets.size() != x.rows()) {
        throw InputError("training: features and labels differ in length");
    }
    std::vector<std::size_t> order;
    std::vector<double> work(classes());
    for (int epoch = 0; epoch < options.epochs; ++epoch) {
        // Each pass's order depends only on the seed and the number of passes done before, so
        // that 3 passes and then 2 more give the same weights as 5 in one go.
        order.assign(rows.begin(), rows.end());
        Random random(options.seed * 0x9E3779B97F4A7C15ULL + static_cast<std::uint64_t>(m_epochs));
        random.shuffle(std::span<std::size_t>(order));
        for (std::size_t i : order) {
            step(x.row(i), targets[i], options, work);
        }
        ++m_epochs;
        m_examples += static_cast<std::int64_t>(order.size());
    }
}

void LinearModel::train(const SparseRows& x, std::span<const LabelSet> targets, const TrainOptions& options)
{
    std::vector<std::size_t> rows(x.rows());
    std::iota(rows.begin(), rows.end(), std::size_t{0});
    train(x, targets, rows, options);
}

} // namespace concord::learn
