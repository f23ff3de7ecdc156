// concord-cli rank: the unlabeled samples to label next, best first, with their scores.
#include "app/cli/Commands.hpp"
#include "app/cli/learn/LearnOptions.hpp"
#include "core/learn/ActiveLearning.hpp"
#include "core/signals/SignalEngine.hpp"
#include "core/store/Project.hpp"

#include <iostream>

namespace concord::cli {

namespace {

struct RankFlags
{
    std::string project;
    std::string strategy = "entropy";
    std::size_t batch = 10;
    double diverse = 0.0;
    std::string model = "builtin";
    std::vector<std::string> committee;
    std::size_t members = 5;
    std::uint64_t seed = 1;
    std::string where;
    std::string signal;
    bool json = false;
};

void run(const RankFlags& flags)
{
    auto project = Project::open(flags.project);
    learn::RankRequest request;
    request.options.strategy = learn::strategyFromString(flags.strategy);
    request.options.batch = flags.batch;
    request.options.diversityThreshold = flags.diverse;
    request.options.seed = flags.seed;
    request.model = flags.model;
    request.committee = flags.committee;
    request.members = flags.members;
    if (const auto expression = signals::expressionFrom(*project, flags.where, flags.signal)) {
        request.filter = signals::SignalEngine(*project, flags.model).select(*expression);
    }
    const learn::RankResult result = learn::rankProject(*project, request);

    if (flags.json) {
        nlohmann::ordered_json json;
        json["strategy"] = flags.strategy;
        json["candidates"] = result.candidates;
        json["ranked"] = nlohmann::ordered_json::array();
        for (const auto& sample : result.ranked) {
            nlohmann::ordered_json probabilities = nlohmann::ordered_json::object();
            for (std::size_t k = 0; k < result.labels.size(); ++k) {
                probabilities[result.labels[k]] = sample.probabilities[k];
            }
            json["ranked"].push_back({{"id", sample.id}, {"score", sample.score}, {"probabilities", probabilities}});
        }
        std::cout << json.dump(2) << '\n';
        return;
    }
    std::cout << result.ranked.size() << " of " << result.candidates << " unlabeled samples by " << flags.strategy
              << (flags.diverse > 0 ? " (near duplicates above cosine " + fixed(flags.diverse, 2) + " skipped)" : "")
              << ":\n";
    std::cout << padLeft("rank", 5) << "  " << padRight("id", 24) << padLeft("score", 9) << "  most likely\n";
    for (std::size_t i = 0; i < result.ranked.size(); ++i) {
        const auto& sample = result.ranked[i];
        std::size_t top = 0;
        for (std::size_t k = 1; k < sample.probabilities.size(); ++k) {
            top = sample.probabilities[k] > sample.probabilities[top] ? k : top;
        }
        std::cout << padLeft(std::to_string(i + 1), 5) << "  " << padRight(sample.id, 24)
                  << padLeft(fixed(sample.score), 9) << "  " << result.labels[top] << " ("
                  << fixed(sample.probabilities[top], 2) << ")\n";
    }
}

} // namespace

void addRankCommand(CLI::App& app)
{
    auto flags = std::make_shared<RankFlags>();
    auto* command = app.add_subcommand("rank", "List the unlabeled samples most worth labeling next");
    command->add_option("project", flags->project, "Project file")->required();
    command
        ->add_option("--strategy", flags->strategy,
                     "least-confidence, margin, entropy, vote-entropy, kl (committees) or random")
        ->capture_default_str();
    command->add_option("-n,--batch", flags->batch, "How many samples to list")->capture_default_str();
    command->add_option("--diverse", flags->diverse,
                        "Skip a sample whose cosine similarity to one already listed exceeds this (e.g. 0.8)");
    command
        ->add_option("--model", flags->model,
                     "Score with this model's stored predictions (default: the "
                     "saved built-in model)")
        ->capture_default_str();
    command
        ->add_option("--committee", flags->committee,
                     "Imported models forming the committee for vote-entropy or kl (default: bootstrap "
                     "copies of the built-in model)")
        ->delimiter(',');
    command->add_option("--members", flags->members, "Bootstrap committee size")->capture_default_str();
    command->add_option("--seed", flags->seed, "Seed for random and the bootstrap")->capture_default_str();
    command->add_option("--where", flags->where, "Rank only the samples this SQL expression selects (see 'signal')");
    command->add_option("--signal", flags->signal, "Rank only the samples this saved signal selects");
    command->add_flag("--json", flags->json, "Print JSON");
    command->callback([flags] { run(*flags); });
}

} // namespace concord::cli
