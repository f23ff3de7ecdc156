// concord-cli export: every sample with its annotations and gold label as plain JSONL.
// (The training-dataset exporter with splits and other formats is a later issue.)
#include "app/cli/Commands.hpp"
#include "core/io/PlainExporter.hpp"
#include "core/signals/SignalEngine.hpp"
#include "core/store/Project.hpp"

#include <iostream>

namespace concord::cli {

namespace {

struct ExportOptions
{
    std::string project;
    std::string output;
    std::string where;
    std::string signal;
};

void run(const ExportOptions& options)
{
    auto project = Project::open(options.project);
    std::vector<std::int64_t> selected;
    const std::vector<std::int64_t>* only = nullptr;
    if (const auto expression = signals::expressionFrom(*project, options.where, options.signal)) {
        selected = signals::SignalEngine(*project).select(*expression);
        only = &selected;
    }
    if (options.output == "-") {
        const std::size_t count = io::exportPlainJsonl(*project, std::cout, only);
        std::cerr << "Exported " << count << " samples.\n";
        return;
    }
    const std::size_t count = io::exportPlainJsonlFile(*project, options.output, only);
    std::cout << "Exported " << count << " samples to " << options.output << ".\n";
}

} // namespace

void addExportCommand(CLI::App& app)
{
    auto options = std::make_shared<ExportOptions>();
    auto* command = app.add_subcommand("export", "Write every sample with its annotations and gold label as JSONL");
    command->add_option("project", options->project, "Project file")->required();
    command->add_option("output", options->output, "Output file, or - for standard output")->required();
    command->add_option("--where", options->where, "Only the samples this SQL expression selects (see 'signal')");
    command->add_option("--signal", options->signal, "Only the samples this saved signal selects");
    command->callback([options] { run(*options); });
}

} // namespace concord::cli
