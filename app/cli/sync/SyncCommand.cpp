// concord-cli sync: send a replica's pending edits to its server and receive everything new.
// Safe to interrupt: what was acknowledged is recorded as it arrives, the rest goes next time.
#include "app/cli/Commands.hpp"
#include "app/cli/sync/SyncCliOptions.hpp"
#include "core/store/Project.hpp"

#include <iostream>

namespace concord::cli {

namespace {

struct SyncCliOptions
{
    std::string replica;
    bool json = false;
    ConnectionFlags connection;
};

void run(const SyncCliOptions& options)
{
    auto replica = Project::open(options.replica);
    const net::SyncReport report = net::syncReplica(*replica, syncOptionsFrom(options.connection));
    if (options.json) {
        std::cout << syncReportJson(report).dump() << '\n';
        exitIfIncomplete(report);
        return;
    }
    if (report.fingerprintChanged) {
        std::cout << "Accepted and pinned the server's new certificate " << report.fingerprint << ".\n";
    }
    printSyncReport(std::cout, report);
    exitIfIncomplete(report);
}

} // namespace

void addSyncCommand(CLI::App& app)
{
    auto options = std::make_shared<SyncCliOptions>();
    auto* command = app.add_subcommand("sync", "Send a replica's pending edits to its server and receive the rest");
    command->add_option("replica", options->replica, "Replica file (made by concord-cli join)")->required();
    command->add_flag("--json", options->json, "Print JSON");
    addConnectionFlags(*command, options->connection);
    command->callback([options] { run(*options); });
}

} // namespace concord::cli
