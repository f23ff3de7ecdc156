// concord-cli migrate-store FROM TO [--project NAME]: copies a server project between a project
// file and a project of a PostgreSQL store, either way (or between two stores), numbers kept,
// verified by counts and checksums, and resumable: run it again after an interruption and it
// goes on after the copy's last operation (net/server/ProjectCopy.hpp says why that is its
// place).
#include "app/cli/Commands.hpp"
#include "core/util/Error.hpp"
#include "net/server/ProjectCopy.hpp"
#include "net/server/ServerProject.hpp"
#include "pgstore/CopyProject.hpp"
#include "pgstore/PgServerStore.hpp"
#include "pgstore/StoreAddress.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>
#include <memory>

namespace concord::cli {

namespace {

struct MigrateOptions
{
    std::string from;
    std::string to;
    std::string project;   // the project's name on a store side
    std::string toProject; // on the destination store, when it differs
    int chunk = 1000;
    bool json = false;
    bool quiet = false;
};

// One side of the copy and what keeps it alive.
struct Side
{
    std::unique_ptr<net::ServerStore> store;
    std::string describe; // for messages: the file, or "project NAME in STORE"
    std::vector<std::string> notes;
};

void needProject(const std::string& address, const std::string& name)
{
    if (name.empty()) {
        throw SettingError("project", address + " is a PostgreSQL store: name the project with --project NAME");
    }
}

Side openSource(const std::string& where, const std::string& name)
{
    Side side;
    if (pg::looksLikeStoreAddress(where)) {
        needProject(where, name);
        auto connection = pg::openStore(where);
        const pg::ProjectRow project = pg::requireProject(*connection, name);
        side.describe = "project " + name + " in " + connection->describe();
        side.store = std::make_unique<pg::PgServerStore>(std::move(connection), project);
        return side;
    }
    if (!std::filesystem::exists(where)) {
        throw InputError("no project file " + where);
    }
    side.store = std::make_unique<net::ServerProject>(where);
    side.describe = where;
    return side;
}

// The destination: made from the source the first time, opened as it is when a copy into it
// was interrupted (copyProject checks that it is a copy of the same project).
Side openDestination(const std::string& where, const std::string& name, net::ServerStore& source, bool& made)
{
    Side side;
    if (pg::looksLikeStoreAddress(where)) {
        needProject(where, name);
        auto connection = pg::openStore(where);
        auto project = pg::findProject(*connection, name);
        made = !project;
        if (!project) {
            auto copy = pg::createProjectCopy(*connection, name, source);
            project = copy.project;
            side.notes = std::move(copy.notes);
        }
        side.describe = "project " + name + " in " + connection->describe();
        side.store = std::make_unique<pg::PgServerStore>(std::move(connection), *project);
        return side;
    }
    made = !std::filesystem::exists(where);
    if (made) {
        net::ServerProject::createCopy(where, source);
    }
    side.store = std::make_unique<net::ServerProject>(where);
    side.describe = where;
    return side;
}

nlohmann::json tallyJson(const net::ProjectTally& tally)
{
    return {{"records", tally.records},
            {"users", tally.users},
            {"operations", tally.operations},
            {"last_operation", tally.head},
            {"answers", tally.annotations},
            {"resolutions", tally.resolutions},
            {"response_statuses", tally.responses},
            {"suggestions", tally.suggestions},
            {"operations_sha256", tally.logChecksum},
            {"rows_sha256", tally.rowChecksum}};
}

void migrate(const MigrateOptions& options)
{
    if (options.chunk < 1) {
        throw SettingError("chunk", "--chunk must be at least 1 operation");
    }
    Side source = openSource(options.from, options.project);
    bool made = false;
    Side destination = openDestination(options.to, options.toProject.empty() ? options.project : options.toProject,
                                       *source.store, made);
    net::CopyOptions copy;
    copy.chunk = options.chunk;
    if (!options.quiet && !options.json) {
        std::cout << (made ? "Made " : "Going on with ") << destination.describe << " (a copy of " << source.describe
                  << ").\n";
        copy.progress = [](const net::CopyProgress& progress) {
            std::cerr << "\rcopied " << progress.copied << " of " << progress.total << " operations" << std::flush;
        };
    }
    const net::CopyReport report = net::copyProject(*source.store, *destination.store, copy);
    if (copy.progress && report.operationsCopied > 0) {
        std::cerr << '\n';
    }
    if (options.json) {
        std::cout << nlohmann::json{{"from", source.describe},
                                    {"to", destination.describe},
                                    {"made", made},
                                    {"resumed_after", report.resumedAfter},
                                    {"operations_copied", report.operationsCopied},
                                    {"rows_copied", report.rowsCopied},
                                    {"verified", tallyJson(report.copy)},
                                    {"notes", destination.notes}}
                         .dump(2)
                  << '\n';
        return;
    }
    for (const auto& note : destination.notes) {
        std::cout << "Note: " << note << '\n';
    }
    const auto& tally = report.copy;
    std::cout << "Copied " << report.operationsCopied << " operations and " << report.rowsCopied << " rows";
    if (report.resumedAfter > 0) {
        std::cout << ", going on after operation " << report.resumedAfter;
    }
    std::cout << ".\nVerified, the same on both sides: " << tally.records << " records, " << tally.users << " users, "
              << tally.operations << " operations (the last numbered " << tally.head << "), " << tally.annotations
              << " answers, " << tally.resolutions << " resolutions, " << tally.responses << " response statuses, "
              << tally.suggestions << " suggestions.\n"
              << "SHA-256 of the operations: " << tally.logChecksum << "\n"
              << "SHA-256 of the current rows: " << tally.rowChecksum << '\n';
    std::cout << "Serve the copy with: concord-cli serve "
              << (pg::looksLikeStoreAddress(options.to)
                      ? "--store '" + options.to + "' --project " +
                            (options.toProject.empty() ? options.project : options.toProject)
                      : options.to)
              << "\nIts replicas keep their cursors: point them at its server with concord-cli endpoint add REPLICA "
                 "HOST:PORT.\n";
}

} // namespace

void addMigrateStoreCommand(CLI::App& app)
{
    auto options = std::make_shared<MigrateOptions>();
    auto* command = app.add_subcommand(
        "migrate-store",
        "Copy a server project between a project file and a PostgreSQL store, either way, numbers kept, verified "
        "by counts and checksums; run again after an interruption, it goes on where it stopped. Stop the source's "
        "server first.");
    command->add_option("from", options->from, "The project file, or the store (postgresql://... or 'host=...')")
        ->required();
    command->add_option("to", options->to, "A new project file or a store; a copy interrupted earlier goes on")
        ->required();
    command->add_option("--project", options->project, "The project's name in the store(s)");
    command->add_option("--to-project", options->toProject,
                        "The project's name in the destination store, when it differs from --project");
    command->add_option("--chunk", options->chunk, "Operations per transaction on the destination (default 1000)");
    command->add_flag("--json", options->json, "Print the result as JSON");
    command->add_flag("--quiet", options->quiet, "No progress");
    command->callback([options] { migrate(*options); });
}

} // namespace concord::cli
