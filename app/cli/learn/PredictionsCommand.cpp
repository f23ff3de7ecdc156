// concord-cli predictions: imports another model's predictions (JSONL of
// {"id", "probabilities": {label: p}}) under a model name, and lists the stored models.
#include "app/cli/Commands.hpp"
#include "core/learn/ModelPredictions.hpp"
#include "core/learn/PredictionImport.hpp"
#include "core/store/Project.hpp"

#include <iostream>

namespace concord::cli {

namespace {

struct PredictionsFlags
{
    std::string project;
    std::string file;
    std::string model;
};

void runImport(const PredictionsFlags& flags)
{
    auto project = Project::open(flags.project);
    const auto result = learn::importPredictions(*project, flags.model, flags.file);
    std::cout << "Imported predictions of model " << flags.model << " for " << result.imported << " samples";
    if (result.samplesWithout > 0) {
        std::cout << " (" << result.samplesWithout << " samples have none)";
    }
    std::cout << ".\n";
}

void runList(const PredictionsFlags& flags)
{
    auto project = Project::open(flags.project);
    for (const auto& name : learn::predictionModels(*project)) {
        std::cout << name << '\n';
    }
}

} // namespace

void addPredictionsCommand(CLI::App& app)
{
    auto flags = std::make_shared<PredictionsFlags>();
    auto* command = app.add_subcommand("predictions", "Import or list models' predictions");
    command->require_subcommand(1);
    auto* import = command->add_subcommand(
        "import", "Import a JSONL file of {\"id\", \"probabilities\": {label: p}} under a model name (replacing that "
                  "model's earlier predictions; one transaction)");
    import->add_option("project", flags->project, "Project file")->required();
    import->add_option("file", flags->file, "JSONL file")->required();
    import->add_option("--model", flags->model, "The model's name, e.g. roberta-v2")->required();
    import->callback([flags] { runImport(*flags);
});
auto* list = command->add_subcommand("list", "List the models with stored predictions");
list->add_option("project", flags->project, "Project file")->required();
list->callback([flags] { runList(*flags); });
} // namespace concord::cli

} // namespace concord::cli
