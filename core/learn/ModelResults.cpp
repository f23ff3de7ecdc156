// The dashboard's model results (see ModelResults.hpp), from the same pieces the CLI's
// evaluate and simulate commands use.
#include "core/learn/ModelResults.hpp"

#include "core/learn/CrossValidation.hpp"
#include "core/learn/Metrics.hpp"
#include "core/learn/ModelFile.hpp"
#include "core/learn/ModelPredictions.hpp"
#include "core/learn/SettingsSearch.hpp"
#include "core/learn/TrainingSet.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

#include <algorithm>
#include <memory>
#include <numeric>
#include <unordered_map>

namespace concord::learn {

std::vector<RocCurve> rocCurves(std::span<const LabelSet> truth, const Probabilities& probabilities,
                                const std::vector<std::string>& labels)
{
    std::vector<RocCurve> curves;
    const std::size_t n = truth.size();
    std::vector<std::size_t> order(n);
    for (std::size_t c = 0; c < labels.size(); ++c) {
        RocCurve curve;
        curve.label = labels[c];
        const auto positive = std::make_unique<bool[]>(n);
        std::vector<double> scores(n);
        std::size_t positives = 0;
        for (std::size_t i = 0; i < n; ++i) {
            positive[i] = std::find(truth[i].begin(), truth[i].end(), c) != truth[i].end();
            scores[i] = probabilities(i, c);
            positives += positive[i] ? 1 : 0;
        }
        const std::size_t negatives = n - positives;
        curve.auc = rocAuc(std::span<const bool>(positive.get(), n), scores);
        curve.points.push_back({0.0, 0.0});
        if (positives > 0 && negatives > 0) {
            // Highest score first; every distinct score is a threshold.
            std::iota(order.begin(), order.end(), std::size_t{0});
            std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
            std::size_t tp = 0;
            std::size_t fp = 0;
            for (std::size_t k = 0; k < n; ++k) {
                const std::size_t i = order[k];
                (positive[i] ? tp : fp) += 1;
                if (k + 1 == n || scores[order[k + 1]] != scores[i]) {
                    curve.points.push_back({static_cast<double>(fp) / static_cast<double>(negatives),
                                            static_cast<double>(tp) / static_cast<double>(positives)});
                }
            }
        }
        curves.push_back(std::move(curve));
    }
    return curves;
}

namespace {

// Joins the parts by appending (GCC 12 at -O3 warns, wrongly, about "literal" + std::string&&).
template <typename... Parts> std::string cat(const Parts&... parts)
{
    std::string text;
    (text += ... += parts);
    return text;
}

std::string foldName(std::size_t folds)
{
    return cat("(", std::to_string(folds), "-fold CV)");
}

// The labeled rows of `set` with their targets and texts, in key order.
struct Labeled
{
    std::vector<std::size_t> rows; // into the training set
    std::vector<LabelSet> targets;
    std::vector<std::string_view> texts;
};

Labeled labeledOf(const TrainingSet& set)
{
    Labeled labeled;
    labeled.rows = set.labeledRows();
    for (std::size_t row : labeled.rows) {
        labeled.targets.push_back(set.targets[row]);
        labeled.texts.emplace_back(set.texts[row]);
    }
    return labeled;
}

ModelScore storedScore(Project& project, const std::string& model, const TrainingSet& set)
{
    const auto predictions = loadPredictions(project, model, set.labels);
    std::unordered_map<std::int64_t, std::size_t> rowOfKey;
    for (std::size_t i = 0; i < set.size(); ++i) {
        rowOfKey.emplace(set.keys[i], i);
    }
    std::vector<LabelSet> truth;
    std::vector<std::size_t> kept;
    for (std::size_t i = 0; i < predictions.keys.size(); ++i) {
        const auto found = rowOfKey.find(predictions.keys[i]);
        if (found != rowOfKey.end() && !set.targets[found->second].empty()) {
            truth.push_back(set.targets[found->second]);
            kept.push_back(i);
        }
    }
    ModelScore score{model, "stored predictions", kept.size(), 0.0, 0.0, std::nullopt};
    if (kept.empty()) {
        return score;
    }
    Probabilities probabilities(kept.size(), set.labels.size());
    for (std::size_t i = 0; i < kept.size(); ++i) {
        const auto from = predictions.probabilities.row(kept[i]);
        std::copy(from.begin(), from.end(), probabilities.row(i).begin());
    }
    const EvaluationReport report = evaluate(model, set.labels, set.kind, truth, probabilities);
    score.accuracy = report.accuracy;
    score.macroF1 = report.scores.macro.f1;
    score.aucRoc = report.aucRoc;
    return score;
}

} // namespace

ModelResults computeModelResults(Project& project, const ModelResultsOptions& options, const Progress& progress)
{
    std::size_t done = 0;
    std::size_t total = 2;
    const auto step = [&](std::string_view what) {
        progress.throwIfCancelled();
        progress.report(done, total, what);
    };
    step("Reading the labels");
    const TrainingSet set = loadTrainingSet(project);
    const auto saved = loadModelIfExists(modelPathFor(project.path()));
    const FeatureOptions features = options.features ? *options.features
                                    : saved          ? saved->model.features()
                                                     : FeatureOptions{};
    const TrainOptions training = options.training ? *options.training : saved ? saved->training : TrainOptions{};
    const Labeled labeled = labeledOf(set);
    if (labeled.rows.size() < std::max<std::size_t>(options.folds, 2)) {
        throw InputError(cat("cross-validation needs at least ",
                             std::to_string(std::max<std::size_t>(options.folds, 2)),
                             " labeled samples; the project has ", std::to_string(labeled.rows.size())));
    }

    ModelResults results;
    results.kind = set.kind;
    results.labels = set.labels;
    results.labeled = labeled.rows.size();
    results.settings = features.describe();

    std::vector<FeatureOptions> variants;
    if (options.compareSettings) {
        for (const auto& variant : SearchGrid::defaults(features).features) {
            if (!(variant == features)) {
                variants.push_back(variant);
            }
        }
    }
    const std::vector<std::string> stored = predictionModels(project);
    const bool simulating = set.kind == ModelKind::Softmax;
    total = 2 + options.folds * (1 + variants.size()) + stored.size() +
            (simulating ? options.simulation.strategies.size() : 0);
    ++done;

    // The built-in model with the project's settings: per fold, pooled, ROC.
    step("Extracting features");
    std::vector<std::size_t> all(labeled.rows.size());
    std::iota(all.begin(), all.end(), std::size_t{0});
    const auto crossValidated = [&](const FeatureOptions& with, const std::string& name) {
        const CrossValidationSetup setup{set.kind, set.labels, with, training, options.folds, options.seed};
        const SparseRows x = FeatureExtractor(with).extractViews(labeled.texts);
        step(cat(name, ": fold 1 of ", std::to_string(options.folds)));
        const Probabilities p = crossValidate(
            x, labeled.targets, all, setup, Progress([&](const ProgressStep& fold) {
                ++done;
                if (fold.done < options.folds) {
                    step(cat(name, ": fold ", std::to_string(fold.done + 1), " of ", std::to_string(options.folds)));
                }
            }));
        return std::pair{p, foldsOf(labeled.targets, all, setup)};
    };
    ++done;
    const auto [probabilities, folds] = crossValidated(features, "Cross-validating");
    results.pooled = evaluate(cat("builtin, ", results.settings, " ", foldName(options.folds)), set.labels, set.kind,
                              labeled.targets, probabilities);
    results.roc = rocCurves(labeled.targets, probabilities, set.labels);
    for (std::uint32_t fold = 0; fold < options.folds; ++fold) {
        std::vector<LabelSet> truth;
        std::vector<std::size_t> members;
        for (std::size_t i = 0; i < folds.size(); ++i) {
            if (folds[i] == fold) {
                members.push_back(i);
                truth.push_back(labeled.targets[i]);
            }
        }
        Probabilities part(members.size(), set.labels.size());
        for (std::size_t k = 0; k < members.size(); ++k) {
            const auto from = probabilities.row(members[k]);
            std::copy(from.begin(), from.end(), part.row(k).begin());
        }
        const EvaluationReport report = evaluate("fold", set.labels, set.kind, truth, part);
        results.folds.push_back({members.size(), report.accuracy, report.scores.macro.f1});
        results.mean.samples += members.size();
        results.mean.accuracy += report.accuracy / static_cast<double>(options.folds);
        results.mean.macroF1 += report.scores.macro.f1 / static_cast<double>(options.folds);
    }
    results.models.push_back({results.pooled.model, "cross-validation", results.pooled.samples, results.pooled.accuracy,
                              results.pooled.scores.macro.f1, results.pooled.aucRoc});

    // The other feature settings, and every stored model.
    for (const auto& variant : variants) {
        const std::string name = cat("builtin, ", variant.describe(), " ", foldName(options.folds));
        const Probabilities p = crossValidated(variant, cat("Comparing ", variant.describe())).first;
        const EvaluationReport report = evaluate(name, set.labels, set.kind, labeled.targets, p);
        results.models.push_back(
            {name, "cross-validation", report.samples, report.accuracy, report.scores.macro.f1, report.aucRoc});
    }
    for (const auto& model : stored) {
        step(cat("Scoring the stored predictions of ", model));
        results.models.push_back(storedScore(project, model, set));
        ++done;
    }

    // The active-learning curve, one strategy at a time (each from the same seed set).
    if (!simulating) {
        results.curveNote = "The active-learning simulation needs a single-label or rating task.";
        return results;
    }
    std::vector<std::string_view> texts;
    std::vector<std::uint32_t> labels;
    const std::size_t stride = (labeled.rows.size() + options.simulationLimit - 1) / options.simulationLimit;
    for (std::size_t i = 0; i < labeled.rows.size(); i += std::max<std::size_t>(stride, 1)) {
        texts.push_back(labeled.texts[i]);
        labels.push_back(labeled.targets[i].front());
    }
    SimulationOptions simulation = options.simulation;
    // On a small project the seed set and the batches shrink so that every round still labels
    // some of the pool (the rest of the samples after the test share).
    const auto pool = static_cast<std::size_t>(static_cast<double>(texts.size()) * (1.0 - simulation.testShare));
    const std::size_t rounds = std::max<std::size_t>(simulation.rounds, 1);
    simulation.seedSize = std::min(simulation.seedSize, std::max<std::size_t>(2, pool / (rounds + 1)));
    simulation.batch =
        std::min(simulation.batch, std::max<std::size_t>(1, (pool - std::min(pool, simulation.seedSize)) / rounds));
    simulation.features = features;
    simulation.training = training;
    simulation.seed = options.seed;
    const SparseRows x = FeatureExtractor(features).extractViews(texts);
    try {
        for (Strategy strategy : options.simulation.strategies) {
            step(cat("Simulating active learning: ", std::string(toString(strategy))));
            simulation.strategies = {strategy};
            const auto points = simulate(x, labels, set.labels, simulation);
            results.curve.insert(results.curve.end(), points.begin(), points.end());
            ++done;
        }
        results.curveNote =
            cat("Simulated on ", std::to_string(texts.size()), " labeled samples (",
                std::to_string(static_cast<int>(simulation.testShare * 100)), "% held out for testing).");
    } catch (const InputError& error) {
        results.curve.clear();
        results.curveNote = cat("No active-learning curve: ", std::string(error.what()));
    }
    step("Done");
    return results;
}

} // namespace concord::learn
