// concord-cli evaluate: how good models are. Without --model, cross-validates the built-in
// model on the labeled samples (stratified k-fold, or leave-one-out); with --model (repeat),
// compares stored predictions against the gold labels (or, --against labels, the training
// labels), side by side. A table, or --json.
#include "app/cli/Commands.hpp"
#include "app/cli/learn/LearnOptions.hpp"
#include "core/learn/CrossValidation.hpp"
#include "core/learn/Evaluation.hpp"
#include "core/learn/ModelPredictions.hpp"
#include "core/learn/TrainingSet.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

#include <iostream>
#include <unordered_map>

namespace concord::cli {

namespace {

struct EvaluateFlags
{
    std::string project;
    ModelFlags model;
    std::size_t folds = 5;
    bool leaveOneOut = false;
    bool crossValidate = false;
    std::vector<std::string> models;
    std::string against = "gold";
    bool json = false;
};

learn::EvaluationReport crossValidation(const EvaluateFlags& flags, const learn::TrainingSet& set)
{
    const auto rows = set.labeledRows();
    learn::CrossValidationSetup setup{set.kind,
                                      set.labels,
                                      flags.model.features(),
                                      flags.model.training(),
                                      flags.leaveOneOut ? rows.size() : flags.folds,
                                      flags.model.seed};
    learn::FeatureExtractor extractor(setup.features);
    const learn::SparseRows x = extractor.extractAll(set.texts);
    const auto probabilities = learn::crossValidate(x, set.targets, rows, setup);
    std::vector<learn::LabelSet> truth;
    for (std::size_t row : rows) {
        truth.push_back(set.targets[row]);
    }
    const std::string name =
        flags.leaveOneOut ? "builtin (leave-one-out)" : "builtin (" + std::to_string(setup.folds) + "-fold CV)";
    return learn::evaluate(name, set.labels, set.kind, truth, probabilities);
}

learn::EvaluationReport storedModel(Project& project, const std::string& model, const learn::TrainingSet& set,
                                    bool goldOnly)
{
    const auto predictions = learn::loadPredictions(project, model, set.labels);
    std::unordered_map<std::int64_t, std::size_t> rowOfKey;
    for (std::size_t i = 0; i < set.size(); ++i) {
        rowOfKey.emplace(set.keys[i], i);
    }
    std::vector<learn::LabelSet> truth;
    std::vector<std::size_t> kept;
    for (std::size_t i = 0; i < predictions.keys.size(); ++i) {
        const auto found = rowOfKey.find(predictions.keys[i]);
        if (found == rowOfKey.end()) {
            continue;
        }
        const auto source = set.sources[found->second];
        if (source == learn::LabelSource::Gold || (!goldOnly && source == learn::LabelSource::Aggregated)) {
            truth.push_back(set.targets[found->second]);
            kept.push_back(i);
        }
    }
    if (kept.empty()) {
        throw InputError("model '" + model + "' has no predictions for samples with " +
                         (goldOnly ? "a gold label (try --against labels)" : "labels"));
    }
    learn::Probabilities probabilities(kept.size(), set.labels.size());
    for (std::size_t i = 0; i < kept.size(); ++i) {
        const auto from = predictions.probabilities.row(kept[i]);
        std::copy(from.begin(), from.end(), probabilities.row(i).begin());
    }
    return learn::evaluate(model, set.labels, set.kind, truth, probabilities);
}

void printReports(const std::vector<learn::EvaluationReport>& reports)
{
    const bool multi = reports.front().kind == learn::ModelKind::OneVsRest;
    std::cout << padRight("model", 28) << padLeft("samples", 8) << padLeft(multi ? "exact" : "accuracy", 10)
              << padLeft("macro-P", 9) << padLeft("macro-R", 9) << padLeft("macro-F1", 10) << padLeft("micro-F1", 10)
              << padLeft("AUC", 8) << padLeft(multi ? "hamming" : "log loss", 10) << '\n';
    for (const auto& r : reports) {
        std::cout << padRight(r.model, 28) << padLeft(std::to_string(r.samples), 8) << padLeft(fixed(r.accuracy), 10)
                  << padLeft(fixed(r.scores.macro.precision), 9) << padLeft(fixed(r.scores.macro.recall), 9)
                  << padLeft(fixed(r.scores.macro.f1), 10) << padLeft(fixed(r.scores.micro.f1), 10)
                  << padLeft(fixed(r.aucRoc), 8) << padLeft(fixed(multi ? r.hammingLoss : r.logLoss), 10) << '\n';
    }
    const auto& labels = reports.front().labels;
    std::cout << "\nPer label (precision / recall / F1, support):\n";
    for (std::size_t k = 0; k < labels.size(); ++k) {
        std::cout << "  " << padRight(labels[k], 20);
        for (const auto& r : reports) {
            const auto& s = r.scores.perLabel[k];
            std::cout << "  " << fixed(s.precision, 3) << " / " << fixed(s.recall, 3) << " / " << fixed(s.f1, 3)
                      << padLeft(std::to_string(s.support), 6);
        }
        std::cout << '\n';
    }
    for (const auto& r : reports) {
        if (r.confusion.empty()) {
            continue;
        }
        std::cout << "\nConfusion matrix of " << r.model << " (rows: true label, columns: predicted):\n"
                  << padRight("", 22);
        for (std::size_t k = 0; k < labels.size(); ++k) {
            std::cout << padLeft(labels[k].substr(0, 9), 10);
        }
        std::cout << '\n';
        for (std::size_t t = 0; t < labels.size(); ++t) {
            std::cout << "  " << padRight(labels[t], 20);
            for (std::size_t p = 0; p < labels.size(); ++p) {
                std::cout << padLeft(std::to_string(r.confusion[t][p]), 10);
            }
            std::cout << '\n';
        }
    }
}

void run(const EvaluateFlags& flags)
{
    if (flags.against != "gold" && flags.against != "labels") {
        throw InputError("--against takes gold or labels, not '" + flags.against + "'");
    }
    auto project = Project::open(flags.project);
    const learn::TrainingSet set = learn::loadTrainingSet(*project);
    std::vector<learn::EvaluationReport> reports;
    if (flags.models.empty() || flags.crossValidate || flags.leaveOneOut) {
        reports.push_back(crossValidation(flags, set));
    }
    for (const auto& model : flags.models) {
        reports.push_back(storedModel(*project, model, set, flags.against == "gold"));
    }
    if (flags.json) {
        nlohmann::ordered_json json = nlohmann::ordered_json::array();
        for (const auto& report : reports) {
            json.push_back(report.toJson());
        }
        std::cout << json.dump(2) << '\n';
        return;
    }
    printReports(reports);
}

} // namespace

void addEvaluateCommand(CLI::App& app)
{
    auto flags = std::make_shared<EvaluateFlags>();
    auto* command = app.add_subcommand("evaluate", "Cross-validate the built-in model, or score stored "
                                                   "predictions against the gold labels");
    command->add_option("project", flags->project, "Project file")->required();
    addModelFlags(command, flags->model);
    command->add_option("--folds", flags->folds, "Folds for cross-validation")->capture_default_str();
    command->add_flag("--loo", flags->leaveOneOut, "Leave-one-out cross-validation");
    command->add_flag("--cv", flags->crossValidate, "Also cross-validate the built-in model when --model is given");
    command->add_option("--model", flags->models, "A model with stored predictions (repeat to compare several)");
    command
        ->add_option("--against", flags->against,
                     "Score stored predictions against gold labels, or against "
                     "the training labels (gold, else majority)")
        ->capture_default_str();
    command->add_flag("--json", flags->json, "Print JSON");
    command->callback([flags] { run(*flags); });
}

} // namespace concord::cli
