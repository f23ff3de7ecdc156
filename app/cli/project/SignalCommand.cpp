// concord-cli signal: named filters over the samples (add, list, remove, show).
#include "app/cli/Commands.hpp"
#include "core/signals/SignalEngine.hpp"
#include "core/util/Error.hpp"

#include <iomanip>
#include <iostream>

namespace concord::cli {

namespace {

struct SignalOptions
{
    std::string project;
    std::string name;
    std::string expression;
    std::string where;
    std::size_t limit = 20;
    bool json = false;
};

std::string columnsHelp()
{
    std::string help = "Columns a signal can use (an SQL boolean expression over them):\n";
    for (const auto& column : signals::viewColumns()) {
        help += "  " + std::string(column.name) + ": " + column.meaning + "\n";
    }
    return help + "Functions: SQLite's own, `X REGEXP 'pattern'` (ECMAScript) and token_count(text).";
}

void add(const SignalOptions& options)
{
    auto project = Project::open(options.project);
    signals::SignalEngine engine(*project);
    engine.validate(options.expression);
    const std::size_t matches = engine.select(options.expression).size();
    project->signals().put(options.name, options.expression, project->now());
    std::cout << "Saved signal '" << options.name << "': " << matches << " samples match now.\n";
}

void list(const SignalOptions& options)
{
    auto project = Project::open(options.project);
    signals::SignalEngine engine(*project);
    nlohmann::json json = nlohmann::json::array();
    for (const auto& signal : project->signals().list()) {
        const std::size_t matches = engine.select(signal.expression).size();
        if (options.json) {
            json.push_back({{"name", signal.name}, {"expression", signal.expression}, {"matches", matches}});
        } else {
            std::cout << std::left << std::setw(20) << signal.name << std::right << std::setw(9) << matches << "  "
                      << signal.expression << '\n';
        }
    }
    if (options.json) {
        std::cout << json.dump(2) << '\n';
    } else if (json.empty() && project->signals().list().empty()) {
        std::cout << "No signals yet. Add one: concord-cli signal add " << options.project
                  << " long \"length > 200\"\n";
    }
}

void remove(const SignalOptions& options)
{
    auto project = Project::open(options.project);
    if (!project->signals().remove(options.name)) {
        throw InputError("no signal named '" + options.name + "' in " + options.project);
    }
    std::cout << "Removed signal '" << options.name << "'.\n";
}

void show(const SignalOptions& options)
{
    auto project = Project::open(options.project);
    const auto expression = signals::expressionFrom(*project, options.where, options.name);
    if (!expression) {
        throw InputError("give a signal's name or --where EXPRESSION");
    }
    signals::SignalEngine engine(*project);
    const auto ids = engine.selectIds(*expression);
    if (options.json) {
        std::cout << nlohmann::json({{"expression", *expression}, {"matches", ids.size()}, {"ids", ids}}).dump(2)
                  << '\n';
        return;
    }
    for (std::size_t i = 0; i < ids.size() && (options.limit == 0 || i < options.limit); ++i) {
        std::cout << ids[i] << '\n';
    }
    std::cerr << ids.size() << " samples match " << *expression << '\n';
}

} // namespace

void addSignalCommand(CLI::App& app)
{
    auto options = std::make_shared<SignalOptions>();
    auto* command = app.add_subcommand("signal", "Named filters over the samples: add, list, remove, show");
    command->require_subcommand(1);
    command->footer(columnsHelp());

    auto* addCommand = command->add_subcommand("add", "Save a named signal (checked before it is saved)");
    addCommand->add_option("project", options->project, "Project file")->required();
    addCommand->add_option("name", options->name, "Signal name")->required();
    addCommand->add_option("expression", options->expression, "SQL boolean expression, e.g. \"length > 200\"")
        ->required();
    addCommand->footer(columnsHelp());
    addCommand->callback([options] { add(*options); });

    auto* listCommand = command->add_subcommand("list", "List the saved signals with how many samples match");
    listCommand->add_option("project", options->project, "Project file")->required();
    listCommand->add_flag("--json", options->json, "Print JSON");
    listCommand->callback([options] { list(*options); });

    auto* removeCommand = command->add_subcommand("remove", "Delete a saved signal");
    removeCommand->add_option("project", options->project, "Project file")->required();
    removeCommand->add_option("name", options->name, "Signal name")->required();
    removeCommand->callback([options] { remove(*options); });

    auto* showCommand = command->add_subcommand("show", "Print the ids of the samples a signal selects");
    showCommand->add_option("project", options->project, "Project file")->required();
    showCommand->add_option("name", options->name, "Signal name (or give --where)");
    showCommand->add_option("--where", options->where, "An expression instead of a saved signal");
    showCommand->add_option("--limit", options->limit, "At most this many ids (0: all)")->capture_default_str();
    showCommand->add_flag("--json", options->json, "Print JSON with every id");
    showCommand->footer(columnsHelp());
    showCommand->callback([options] { show(*options); });
}

} // namespace concord::cli
