// concord-cli simulate: on a fully labeled project, simulates annotation rounds with each
// strategy against random sampling from the same seed set, and writes the learning curves
// (accuracy and macro-F1 against the number of labels) as CSV.
#include "app/cli/Commands.hpp"
#include "app/cli/learn/LearnOptions.hpp"
#include "core/io/AtomicFile.hpp"
#include "core/learn/Simulation.hpp"
#include "core/learn/TrainingSet.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

#include <iostream>

namespace concord::cli {

namespace {

struct SimulateFlags
{
    std::string project;
    ModelFlags model;
    std::vector<std::string> strategies = {"entropy", "margin", "random"};
    std::size_t seedSize = 20;
    std::size_t batch = 20;
    std::size_t rounds = 10;
    double testShare = 0.2;
    std::string out = "-";
};

void run(const SimulateFlags& flags)
{
    auto project = Project::open(flags.project);
    const learn::TrainingSet set = learn::loadTrainingSet(*project);
    if (set.kind != learn::ModelKind::Softmax) {
        throw InputError("the simulation needs a single-label or rating task");
    }
    const auto rows = set.labeledRows();
    if (rows.size() < set.size()) {
        std::cerr << "simulate: using the " << rows.size() << " labeled samples of " << set.size() << '\n';
    }
    learn::SimulationOptions options;
    options.strategies.clear();
    for (const auto& name : flags.strategies) {
        options.strategies.push_back(learn::strategyFromString(name));
    }
    options.seedSize = flags.seedSize;
    options.batch = flags.batch;
    options.rounds = flags.rounds;
    options.testShare = flags.testShare;
    options.seed = flags.model.seed;
    options.features = flags.model.features();
    options.training = flags.model.training();
    learn::FeatureExtractor extractor(options.features);
    learn::SparseRows x;
    for (std::size_t row : rows) {
        extractor.extract(set.texts[row], x);
    }
    const auto points = learn::simulate(x, set.singleLabels(rows), set.labels, options);
    if (flags.out == "-") {
        learn::writeSimulationCsv(std::cout, points);
        return;
    }
    io::AtomicFile file(flags.out);
    learn::writeSimulationCsv(file.stream(), points);
    file.commit();
    std::cerr << "Wrote " << points.size() << " points to " << flags.out << '\n';
}

} // namespace

void addSimulateCommand(CLI::App& app)
{
    auto flags = std::make_shared<SimulateFlags>();
    auto* command = app.add_subcommand("simulate", "Simulate active learning on a fully labeled project (CSV)");
    command->add_option("project", flags->project, "Project file")->required();
    addModelFlags(command, flags->model);
    command->add_option("--strategies", flags->strategies, "Comma-separated strategies")
        ->delimiter(',')
        ->capture_default_str();
    command->add_option("--seed-size", flags->seedSize, "Labels to start from")->capture_default_str();
    command->add_option("--batch", flags->batch, "Labels added per round")->capture_default_str();
    command->add_option("--rounds", flags->rounds, "Rounds")->capture_default_str();
    command->add_option("--test-share", flags->testShare, "Share held out for scoring")->capture_default_str();
    command->add_option("--out", flags->out, "CSV file (default: standard output)")->capture_default_str();
    command->callback([flags] { run(*flags); });
}

} // namespace concord::cli
