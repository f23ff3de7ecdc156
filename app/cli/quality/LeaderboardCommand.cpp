// concord-cli leaderboard: ranks the models that wrote the compared responses by a
// Bradley–Terry fit of the votes, from a project or from a CSV of comparisons.
#include "app/cli/Commands.hpp"
#include "app/cli/quality/LeaderboardOutput.hpp"
#include "core/quality/leaderboard/ComparisonsCsv.hpp"
#include "core/quality/leaderboard/Leaderboard.hpp"
#include "core/quality/leaderboard/ProjectComparisons.hpp"
#include "core/store/Project.hpp"

#include <iostream>
#include <memory>

namespace concord::cli {

namespace {

struct LeaderboardCliOptions
{
    std::string project;
    std::string comparisons;
    std::string question;
    std::size_t rounds = 200;
    std::uint64_t seed = 1;
    double prior = 0.0;
    bool json = false;
};

void run(const LeaderboardCliOptions& options)
{
    if (options.project.empty() == options.comparisons.empty()) {
        throw CLI::ValidationError("leaderboard", "give either a PROJECT or --comparisons FILE.csv, not both");
    }
    if (!options.question.empty() && options.project.empty()) {
        throw CLI::ValidationError("--question", "--question applies to a PROJECT");
    }
    LeaderboardSource source;
    quality::ComparisonSet set;
    if (!options.project.empty()) {
        source.path = options.project;
        auto project = Project::open(options.project);
        source.project = quality::loadProjectComparisons(*project, options.question);
        set = std::move(source.project->set);
        source.project->set = {};
    } else {
        source.path = options.comparisons;
        set = quality::loadComparisonsCsv(options.comparisons);
    }
    quality::LeaderboardOptions leaderboard;
    leaderboard.rounds = options.rounds;
    leaderboard.seed = options.seed;
    leaderboard.fit.prior = options.prior;
    const quality::Leaderboard board = quality::buildLeaderboard(set, leaderboard);
    if (options.json) {
        std::cout << leaderboardJson(board, source, leaderboard.fit).dump(2) << '\n';
    } else {
        printLeaderboard(std::cout, board, source, leaderboard.fit);
    }
}

} // namespace

void addLeaderboardCommand(CLI::App& app)
{
    auto options = std::make_shared<LeaderboardCliOptions>();
    auto* command = app.add_subcommand(
        "leaderboard", "Rank the models that wrote the compared responses (Bradley-Terry), from a project's "
                       "preference or ranking votes or from a CSV of comparisons");
    command->add_option("project", options->project,
                        "Project file; its fields name their model in the field metadata 'model'");
    command->add_option("--comparisons", options->comparisons,
                        "CSV with a header model_a,model_b,winner (a, b or tie) and optionally record, "
                        "instead of a project");
    command->add_option("--question", options->question,
                        "The preference or ranking question to read (default: the first preference question, "
                        "else the first ranking question)");
    command->add_option("--rounds", options->rounds,
                        "Bootstrap resamples of records for the 95% intervals (default 200; 0: none; at most 10000)");
    command->add_option("--seed", options->seed, "Seed of the bootstrap (default 1)");
    command
        ->add_option("--prior", options->prior,
                     "Weight of a weak prior: that many virtual tied games between each model and a virtual "
                     "reference (default 0: none); makes the ratings exist when a model never wins or never "
                     "loses, and shrinks them toward each other")
        ->check(CLI::NonNegativeNumber);
    command->add_flag("--json", options->json, "Print JSON, values at full precision");
    command->callback([options] { run(*options); });
}

} // namespace concord::cli
