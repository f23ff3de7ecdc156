// concord-cli project create|list|archive --store URI and concord-cli health --store URI: the
// projects of a server on PostgreSQL, and whether its database is reachable with current tables
// (what a load balancer's or systemd's health check runs). The address never carries the
// password (pgstore/StoreAddress.hpp).
#include "app/cli/Commands.hpp"
#include "core/util/Error.hpp"
#include "pgstore/PgServerStore.hpp"
#include "pgstore/Projects.hpp"
#include "pgstore/Schema.hpp"
#include "pgstore/StoreAddress.hpp"

#include <nlohmann/json.hpp>

#include <iomanip>
#include <iostream>

namespace concord::cli {

namespace {

struct StoreOptions
{
    std::string store;
    std::string name;
    std::string from; // a project file whose settings, questions and records the new project takes
    bool json = false;
};

void create(const StoreOptions& options)
{
    auto connection = pg::openStore(options.store);
    std::unique_ptr<Project> file = options.from.empty() ? nullptr : Project::open(options.from);
    const pg::ProjectRow project = file ? pg::createProjectFromFile(*connection, options.name, *file)
                                        : pg::createProject(*connection, options.name);
    if (options.json) {
        std::cout << nlohmann::json{{"project", project.name}, {"id", project.id}}.dump() << '\n';
        return;
    }
    std::cout << "Created project " << project.name << " in " << connection->describe();
    if (file) {
        std::cout << ", with the questions and " << file->samples().count() << " records of " << options.from;
    }
    std::cout << ".\n";
}

void list(const StoreOptions& options)
{
    auto connection = pg::openStore(options.store);
    const auto projects = pg::listProjects(*connection);
    if (options.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& project : projects) {
            out.push_back({{"project", project.name}, {"id", project.id}, {"archived", project.archived}});
        }
        std::cout << out.dump(2) << '\n';
        return;
    }
    if (projects.empty()) {
        std::cout << "No projects. Make one with concord-cli project create NAME --store " << options.store << '\n';
        return;
    }
    std::cout << std::left << std::setw(40) << "Project"
              << "Status\n";
    for (const auto& project : projects) {
        std::cout << std::setw(40) << project.name << (project.archived ? "archived" : "active") << '\n';
    }
}

void archive(const StoreOptions& options)
{
    auto connection = pg::openStore(options.store);
    pg::archiveProject(*connection, options.name);
    std::cout << "Archived project " << options.name << ": kept, no longer served.\n";
}

void health(const StoreOptions& options)
{
    pg::checkStoreAddress(options.store);
    pg::Connection connection(options.store);
    const auto version = pg::schemaVersion(connection);
    if (version != pg::kSchemaVersion) {
        throw StoreError(connection.describe() + " is reachable, but its Concord tables are " +
                         (version ? "of version " + std::to_string(*version) : std::string("missing")) +
                         " (this Concord uses version " + std::to_string(pg::kSchemaVersion) +
                         "): concord-cli project create or serve --store makes them current");
    }
    std::cout << "ok: " << connection.describe() << ", Concord tables of version " << *version << '\n';
}

void addStoreOption(CLI::App& command, StoreOptions& options)
{
    command
        .add_option("--store", options.store,
                    "The PostgreSQL store: postgresql://USER@HOST/DATABASE or 'host=... dbname=...' (the password "
                    "from ~/.pgpass, PGPASSFILE or PGPASSWORD, never here)")
        ->required();
}

} // namespace

void addProjectCommand(CLI::App& app)
{
    auto options = std::make_shared<StoreOptions>();
    auto* project = app.add_subcommand("project", "The projects of a server on PostgreSQL: create, list, archive");
    project->require_subcommand(1);

    auto* made = project->add_subcommand("create", "Make a project in the store");
    made->add_option("name", options->name, "The project's name (1 to 200 characters)")->required();
    addStoreOption(*made, *options);
    made->add_option("--from", options->from,
                     "A project file (concord-cli init, import) whose settings, questions and records it starts with; "
                     "needed before it can be served");
    made->add_flag("--json", options->json, "Print the project as JSON");
    made->callback([options] { create(*options); });

    auto* listed = project->add_subcommand("list", "List the store's projects");
    addStoreOption(*listed, *options);
    listed->add_flag("--json", options->json, "Print the projects as JSON");
    listed->callback([options] { list(*options); });

    auto* archived = project->add_subcommand("archive", "Archive a project: kept, no longer served");
    archived->add_option("name", options->name, "The project's name")->required();
    addStoreOption(*archived, *options);
    archived->callback([options] { archive(*options); });
}

void addHealthCommand(CLI::App& app)
{
    auto options = std::make_shared<StoreOptions>();
    auto* health = app.add_subcommand(
        "health", "Exit 0 when the PostgreSQL store is reachable and its tables current (for health checks)");
    addStoreOption(*health, *options);
    health->callback([options] { cli::health(*options); });
}

} // namespace concord::cli
