// concord-cli next: ask the server which samples to label next. It reserves them for this user
// for a while (serve --reservation-minutes), so that each sample gets the project's overlap
// without two people doing the same extra work.
#include "app/cli/Commands.hpp"
#include "app/cli/sync/SyncCliOptions.hpp"
#include "app/cli/sync/UtcTime.hpp"
#include "core/store/Project.hpp"

#include <iostream>

namespace concord::cli {

namespace {

struct NextOptions
{
    std::string replica;
    int count = 10;
    bool json = false;
    ConnectionFlags connection;
};

void run(const NextOptions& options)
{
    auto replica = Project::open(options.replica);
    const net::Assignment assignment =
        net::requestAssignment(*replica, options.count, syncOptionsFrom(options.connection));
    if (options.json) {
        std::cout << nlohmann::json{{"samples", assignment.samples},
                                    {"expires_at", assignment.expiresAt},
                                    {"waiting", assignment.waiting}}
                         .dump()
                  << '\n';
        return;
    }
    if (assignment.samples.empty()) {
        if (assignment.waiting > 0) {
            std::cout << "Nothing for you now: " << assignment.waiting
                      << " samples still need labels but are reserved by others; ask again later.\n";
        } else {
            std::cout << "Nothing left to label.\n";
        }
        return;
    }
    std::cout << "Reserved for you until " << utcMinute(assignment.expiresAt) << " UTC:\n";
    for (const auto& sample : assignment.samples) {
        std::cout << sample << '\n';
    }
}

} // namespace

void addNextCommand(CLI::App& app)
{
    auto options = std::make_shared<NextOptions>();
    auto* command = app.add_subcommand("next", "Sync, then reserve the next samples for you to label");
    command->add_option("replica", options->replica, "Replica file (made by concord-cli join)")->required();
    command->add_option("--count", options->count, "How many samples (1-100)")
        ->check(CLI::Range(1, 100))
        ->capture_default_str();
    command->add_flag("--json", options->json, "Print JSON");
    addConnectionFlags(*command, options->connection);
    command->callback([options] { run(*options); });
}

} // namespace concord::cli
