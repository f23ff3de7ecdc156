// concord-cli train: trains the built-in classifier on the project's labels (gold values, else
// the annotators' majority) and saves it beside the project; --search first picks the L2
// strength and n-gram settings by cross-validation and prints the grid.
#include "app/cli/Commands.hpp"
#include "app/cli/learn/LearnOptions.hpp"
#include "core/learn/BuiltinModel.hpp"
#include "core/learn/SettingsSearch.hpp"
#include "core/store/Project.hpp"

#include <iostream>

namespace concord::cli {

namespace {

struct TrainFlags
{
    std::string project;
    ModelFlags model;
    bool fresh = false;
    bool search = false;
    std::size_t folds = 5;
    bool json = false;
};

void printGrid(const learn::SearchResult& result, std::size_t folds)
{
    std::cout << "Settings search, " << folds << "-fold cross-validation:\n\n"
              << padRight("features", 46) << padLeft("L2", 9) << padLeft("accuracy", 10) << padLeft("macro-F1", 10)
              << '\n';
    for (std::size_t i = 0; i < result.points.size(); ++i) {
        const auto& point = result.points[i];
        char l2[32];
        std::snprintf(l2, sizeof l2, "%.0e", point.l2);
        std::cout << padRight(point.features.describe(), 46) << padLeft(l2, 9) << padLeft(fixed(point.accuracy), 10)
                  << padLeft(fixed(point.macroF1), 10) << (i == result.best ? "  <- best" : "") << '\n';
    }
    std::cout << '\n';
}

void run(const TrainFlags& flags)
{
    auto project = Project::open(flags.project);
    const learn::TrainingSet set = learn::loadTrainingSet(*project);
    learn::BuiltinTrainOptions options;
    options.features = flags.model.features();
    options.training = flags.model.training();
    options.continueEpochs = flags.model.epochs.value_or(2);
    options.fresh = flags.fresh;

    nlohmann::ordered_json json;
    if (flags.search) {
        const auto grid = learn::SearchGrid::defaults(options.features);
        const auto result = learn::searchSettings(set, grid, options.training, flags.folds, flags.model.seed);
        const auto& best = result.points[result.best];
        options.features = best.features;
        options.training.l2 = best.l2;
        options.fresh = true; // the chosen settings may differ from the saved model's
        if (flags.json) {
            json["search"] = nlohmann::ordered_json::array();
            for (const auto& point : result.points) {
                json["search"].push_back({{"features", point.features.toJson()},
                                          {"l2", point.l2},
                                          {"accuracy", point.accuracy},
                                          {"macro_f1", point.macroF1}});
            }
            json["best"] = result.best;
        } else {
            printGrid(result, flags.folds);
        }
    }
    const auto summary = learn::trainBuiltin(*project, set, options);
    if (flags.json) {
        json["model"] = summary.modelPath;
        json["samples"] = summary.samples;
        json["gold"] = summary.gold;
        json["aggregated"] = summary.aggregated;
        json["continued"] = summary.continued;
        json["epochs"] = summary.epochs;
        json["features"] = options.features.toJson();
        json["training"] = options.training.toJson();
        std::cout << json.dump(2) << '\n';
        return;
    }
    std::cout << (summary.continued ? "Continued training" : "Trained") << " the built-in model on " << summary.samples
              << " samples (" << summary.gold << " gold, " << summary.aggregated << " by majority vote), "
              << summary.epochs << " epochs; " << options.features.describe() << ", L2 " << options.training.l2
              << ".\nSaved " << summary.modelPath << '\n';
}

} // namespace

void addTrainCommand(CLI::App& app)
{
    auto flags = std::make_shared<TrainFlags>();
    auto* command = app.add_subcommand("train", "Train the built-in classifier on the labels so far");
    command->add_option("project", flags->project, "Project file")->required();
    addModelFlags(command, flags->model);
    command->add_flag("--fresh", flags->fresh, "Start from zero instead of continuing the saved model");
    command->add_flag("--search", flags->search, "Pick L2 and n-gram settings by cross-validation first");
    command->add_option("--folds", flags->folds, "Folds for --search")->capture_default_str();
    command->add_flag("--json", flags->json, "Print JSON");
    command->callback([flags] { run(*flags); });
}

} // namespace concord::cli
