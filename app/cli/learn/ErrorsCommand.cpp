// concord-cli errors: labeled samples whose label the built-in model, cross-validated,
// confidently contradicts (confident learning), most suspicious first, for review.
#include "app/cli/Commands.hpp"
#include "app/cli/learn/LearnOptions.hpp"
#include "core/learn/CrossValidation.hpp"
#include "core/learn/LabelErrors.hpp"
#include "core/learn/TrainingSet.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

#include <cmath>
#include <iostream>

namespace concord::cli {

namespace {

struct ErrorsFlags
{
    std::string project;
    ModelFlags model;
    std::size_t folds = 5;
    std::string ranking = "self-confidence";
    std::size_t limit = 20;
    bool json = false;
};

void run(const ErrorsFlags& flags)
{
    auto project = Project::open(flags.project);
    const learn::TrainingSet set = learn::loadTrainingSet(*project);
    if (set.kind != learn::ModelKind::Softmax) {
        throw InputError("finding label errors needs a single-label or rating task");
    }
    const auto ranking = learn::errorRankingFromString(flags.ranking);
    const auto rows = set.labeledRows();
    learn::CrossValidationSetup setup{set.kind,    set.labels,      flags.model.features(), flags.model.training(),
                                      flags.folds, flags.model.seed};
    learn::FeatureExtractor extractor(setup.features);
    const auto probabilities = learn::crossValidate(extractor.extractAll(set.texts), set.targets, rows, setup);
    const auto given = set.singleLabels(rows);
    const auto report = learn::findLabelErrors(given, probabilities, ranking);

    const std::size_t shown = std::min(flags.limit, report.issues.size());
    const auto sourceName = [](learn::LabelSource source) {
        return source == learn::LabelSource::Gold ? "gold" : "majority";
    };
    if (flags.json) {
        nlohmann::ordered_json json;
        json["labeled"] = rows.size();
        json["flagged"] = report.issues.size();
        nlohmann::ordered_json thresholds = nlohmann::ordered_json::object();
        for (std::size_t k = 0; k < set.labels.size(); ++k) {
            thresholds[set.labels[k]] = std::isnan(report.thresholds[k]) ? nlohmann::ordered_json(nullptr)
                                                                         : nlohmann::ordered_json(report.thresholds[k]);
        }
        json["thresholds"] = thresholds;
        json["issues"] = nlohmann::ordered_json::array();
        for (std::size_t i = 0; i < shown; ++i) {
            const auto& issue = report.issues[i];
            const std::size_t row = rows[issue.row];
            json["issues"].push_back({{"id", set.ids[row]},
                                      {"label", set.labels[issue.given]},
                                      {"source", sourceName(set.sources[row])},
                                      {"suggested", set.labels[issue.suggested]},
                                      {"self_confidence", issue.selfConfidence},
                                      {"margin", issue.margin}});
        }
        std::cout << json.dump(2) << '\n';
        return;
    }
    std::cout << report.issues.size() << " of " << rows.size() << " labeled samples look mislabeled (" << flags.folds
              << "-fold out-of-sample probabilities, ranked by " << flags.ranking << ")";
    std::cout << (shown < report.issues.size() ? "; the first " + std::to_string(shown) + ":\n" : ":\n");
    if (shown == 0) {
        return;
    }
    std::cout << padRight("id", 24) << padRight("label", 16) << padRight("source", 10) << padRight("suggested", 16)
              << padLeft("p(label)", 9) << padLeft("margin", 9) << '\n';
    for (std::size_t i = 0; i < shown; ++i) {
        const auto& issue = report.issues[i];
        const std::size_t row = rows[issue.row];
        std::cout << padRight(set.ids[row], 24) << padRight(set.labels[issue.given], 16)
                  << padRight(sourceName(set.sources[row]), 10) << padRight(set.labels[issue.suggested], 16)
                  << padLeft(fixed(issue.selfConfidence, 3), 9) << padLeft(fixed(issue.margin, 3), 9) << '\n';
    }
}

} // namespace

void addErrorsCommand(CLI::App& app)
{
    auto flags = std::make_shared<ErrorsFlags>();
    auto* command = app.add_subcommand("errors", "List labeled samples whose label is likely wrong");
    command->add_option("project", flags->project, "Project file")->required();
    addModelFlags(command, flags->model);
    command->add_option("--folds", flags->folds, "Cross-validation folds")->capture_default_str();
    command->add_option("--rank", flags->ranking, "self-confidence or margin")->capture_default_str();
    command->add_option("--limit", flags->limit, "Show at most this many")->capture_default_str();
    command->add_flag("--json", flags->json, "Print JSON");
    command->callback([flags] { run(*flags); });
}

} // namespace concord::cli
