// concord-cli info: what a project holds and how far its annotators have come.
#include "app/cli/Commands.hpp"
#include "app/cli/store/StoreSnapshot.hpp"
#include "core/store/Project.hpp"

#include <iomanip>
#include <iostream>

namespace concord::cli {

namespace {

struct InfoOptions
{
    std::string project;
    bool json = false;
};

void run(const InfoOptions& options)
{
    auto project = Project::open(options.project);
    const ProjectSettings settings = project->settings();
    const LabelSchema& schema = project->schema();
    const std::int64_t samples = project->samples().count();
    const std::int64_t annotations = project->annotations().count();
    const std::int64_t labeled = project->annotations().labeledSampleCount();
    const std::int64_t resolved = project->resolutions().count();
    const auto perAnnotator = project->annotations().countsByAnnotator();

    if (options.json) {
        nlohmann::json json = {{"name", settings.name},       {"file", options.project},    {"schema", schema.toJson()},
                               {"overlap", settings.overlap}, {"blind", settings.blind},    {"samples", samples},
                               {"annotations", annotations},  {"labeled_samples", labeled}, {"resolutions", resolved}};
        json["annotators"] = nlohmann::json::array();
        for (const auto& [name, count] : perAnnotator) {
            json["annotators"].push_back({{"name", name}, {"labeled", count}});
        }
        std::cout << json.dump(2) << '\n';
        return;
    }
    std::cout << "Project   " << settings.name << " (" << options.project << ")\n";
    std::cout << "Task      " << toString(schema.kind);
    if (schema.kind == TaskKind::Rating) {
        std::cout << " " << schema.ratingMin << ".." << schema.ratingMax;
    }
    if (schema.kind == TaskKind::Spans) {
        std::cout << (schema.allowOverlap ? ", overlapping spans allowed" : ", spans may not overlap");
    }
    std::cout << '\n';
    if (!schema.labels.empty()) {
        std::cout << "Labels   ";
        for (const auto& label : schema.labels) {
            std::cout << ' ' << label.name << " [" << label.key << ']';
        }
        std::cout << '\n';
    }
    std::cout << "Overlap   " << settings.overlap << " annotator" << (settings.overlap == 1 ? "" : "s") << " per sample"
              << (settings.blind ? ", blind" : "") << '\n';
    std::cout << "Samples   " << samples << " (" << labeled << " labeled by someone, " << resolved
              << " with a gold label)\n";
    std::cout << "Labels    " << annotations << " annotations\n";
    if (perAnnotator.empty()) {
        std::cout << "Annotators: none yet\n";
        return;
    }
    std::cout << "\nAnnotator             Labeled   Progress\n";
    for (const auto& [name, count] : perAnnotator) {
        const double percent = samples > 0 ? 100.0 * static_cast<double>(count) / static_cast<double>(samples) : 0.0;
        std::cout << std::left << std::setw(20) << name << std::right << std::setw(10) << count << "   " << std::fixed
                  << std::setprecision(1) << std::setw(5) << percent << "%\n";
    }
}

} // namespace

void addInfoCommand(CLI::App& app)
{
    auto options = std::make_shared<InfoOptions>();
    auto* command = app.add_subcommand("info", "Show a project's schema, counts and each annotator's progress");
    auto store = std::make_shared<StoreProjectOptions>();
    command->add_option("project", options->project, "Project file");
    addStoreProjectOptions(*command, *store);
    command->add_flag("--json", options->json, "Print JSON instead of a table");
    command->callback([options, store] {
        const auto snapshot = projectFileFor(options->project, *store);
        run(*options);
    });
}

} // namespace concord::cli
