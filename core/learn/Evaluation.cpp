// Building an evaluation report from probabilities and true labels (see Evaluation.hpp).
#include "core/learn/Evaluation.hpp"

#include <algorithm>
#include <memory>

namespace concord::learn {

namespace {

nlohmann::ordered_json scoresJson(const LabelScores& s)
{
    return {{"precision", s.precision}, {"recall", s.recall}, {"f1", s.f1}, {"support", s.support}};
}

void evaluateMulti(EvaluationReport& report, std::span<const LabelSet> truth, const Probabilities& probabilities)
{
    const std::size_t k = report.labels.size();
    const std::size_t n = truth.size();
    std::size_t exact = 0;
    double wrongBits = 0.0;
    std::vector<double> tp(k, 0.0);
    std::vector<double> fp(k, 0.0);
    std::vector<double> fn(k, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        bool same = true;
        for (std::size_t c = 0; c < k; ++c) {
            const bool actual = std::find(truth[i].begin(), truth[i].end(), c) != truth[i].end();
            const bool predicted = probabilities(i, c) >= 0.5;
            tp[c] += actual && predicted ? 1.0 : 0.0;
            fp[c] += !actual && predicted ? 1.0 : 0.0;
            fn[c] += actual && !predicted ? 1.0 : 0.0;
            if (actual != predicted) {
                same = false;
                wrongBits += 1.0;
            }
        }
        exact += same ? 1 : 0;
    }
    report.accuracy = n > 0 ? static_cast<double>(exact) / static_cast<double>(n) : 0.0;
    report.hammingLoss = n > 0 ? wrongBits / static_cast<double>(n * k) : 0.0;
    // Per label, a 2×2 confusion matrix [[tn, fp], [fn, tp]] gives the "yes" class's precision,
    // recall and F1 (tn does not enter them).
    double tpSum = 0.0;
    double fpSum = 0.0;
    double fnSum = 0.0;
    for (std::size_t c = 0; c < k; ++c) {
        const auto binary = precisionRecallF1({{0, static_cast<std::int64_t>(fp[c])},
                                               {static_cast<std::int64_t>(fn[c]), static_cast<std::int64_t>(tp[c])}});
        LabelScores scores = binary.perLabel[1];
        report.scores.perLabel.push_back(scores);
        report.scores.macro.precision += scores.precision / static_cast<double>(k);
        report.scores.macro.recall += scores.recall / static_cast<double>(k);
        report.scores.macro.f1 += scores.f1 / static_cast<double>(k);
        report.scores.macro.support += scores.support;
        tpSum += tp[c];
        fpSum += fp[c];
        fnSum += fn[c];
    }
    const auto micro = precisionRecallF1(
        {{0, static_cast<std::int64_t>(fpSum)}, {static_cast<std::int64_t>(fnSum), static_cast<std::int64_t>(tpSum)}});
    report.scores.micro = micro.perLabel[1];
    double aucSum = 0.0;
    std::size_t aucCount = 0;
    std::unique_ptr<bool[]> positive(new bool[n]);
    std::vector<double> scores(n);
    for (std::size_t c = 0; c < k; ++c) {
        for (std::size_t i = 0; i < n; ++i) {
            positive[i] = std::find(truth[i].begin(), truth[i].end(), c) != truth[i].end();
            scores[i] = probabilities(i, c);
        }
        if (const auto auc = rocAuc(std::span<const bool>(positive.get(), n), scores)) {
            aucSum += *auc;
            ++aucCount;
        }
    }
    if (aucCount > 0) {
        report.aucRoc = aucSum / static_cast<double>(aucCount);
    }
}

} // namespace

EvaluationReport evaluate(std::string model, const std::vector<std::string>& labels, ModelKind kind,
                          std::span<const LabelSet> truth, const Probabilities& probabilities)
{
    EvaluationReport report;
    report.model = std::move(model);
    report.kind = kind;
    report.labels = labels;
    report.samples = truth.size();
    if (kind == ModelKind::OneVsRest) {
        evaluateMulti(report, truth, probabilities);
        return report;
    }
    std::vector<std::uint32_t> actual;
    actual.reserve(truth.size());
    for (const auto& set : truth) {
        actual.push_back(set.front());
    }
    const auto predicted = predictedLabels(probabilities);
    report.accuracy = accuracy(actual, predicted);
    report.confusion = confusionMatrix(actual, predicted, labels.size());
    report.scores = precisionRecallF1(report.confusion);
    report.aucRoc = rocAucMacro(actual, probabilities);
    if (!actual.empty()) {
        report.logLoss = logLoss(actual, probabilities);
    }
    return report;
}

nlohmann::ordered_json EvaluationReport::toJson() const
{
    nlohmann::ordered_json json;
    json["model"] = model;
    json["samples"] = samples;
    json[kind == ModelKind::OneVsRest ? "subset_accuracy" : "accuracy"] = accuracy;
    json["macro"] = scoresJson(scores.macro);
    json["micro"] = scoresJson(scores.micro);
    json["auc_roc"] = aucRoc ? nlohmann::ordered_json(*aucRoc) : nlohmann::ordered_json(nullptr);
    if (kind == ModelKind::Softmax) {
        json["log_loss"] = logLoss ? nlohmann::ordered_json(*logLoss) : nlohmann::ordered_json(nullptr);
    } else {
        json["hamming_loss"] = hammingLoss.value_or(0.0);
    }
    nlohmann::ordered_json perLabel = nlohmann::ordered_json::object();
    for (std::size_t k = 0; k < labels.size() && k < scores.perLabel.size(); ++k) {
        perLabel[labels[k]] = scoresJson(scores.perLabel[k]);
    }
    json["labels"] = perLabel;
    if (!confusion.empty()) {
        json["confusion"] = {{"labels", labels}, {"matrix", confusion}};
    }
    return json;
}

} // namespace concord::learn
