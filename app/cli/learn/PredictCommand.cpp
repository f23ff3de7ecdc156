// concord-cli predict: predicts every sample with the saved built-in model and stores the
// probabilities in the project as model "builtin".
#include "app/cli/Commands.hpp"
#include "core/learn/BuiltinModel.hpp"
#include "core/store/Project.hpp"

#include <iostream>

namespace concord::cli {

namespace {

struct PredictFlags
{
    std::string project;
};

void run(const PredictFlags& flags)
{
    auto project = Project::open(flags.project);
    const learn::TrainingSet set = learn::loadTrainingSet(*project);
    const std::size_t count = learn::predictBuiltin(*project, set);
    std::cout << "Stored predictions of the built-in model for " << count << " samples.\n";
}

} // namespace

void addPredictCommand(CLI::App& app)
{
    auto flags = std::make_shared<PredictFlags>();
    auto* command = app.add_subcommand("predict", "Predict every sample with the built-in model and store it");
    command->add_option("project", flags->project, "Project file")->required();
    command->callback([flags] { run(*flags); });
}

} // namespace concord::cli
