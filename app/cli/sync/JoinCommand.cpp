// concord-cli join: make a local replica of a served project. The server's certificate is
// pinned on first use; the fingerprint is printed so that it can be compared with the one the
// server printed when it started (or given beforehand with --accept-fingerprint).
#include "app/cli/Commands.hpp"
#include "app/cli/sync/SyncCliOptions.hpp"

#include <iostream>

namespace concord::cli {

namespace {

struct JoinCliOptions
{
    std::string server;
    std::string user;
    std::string token;
    std::string out;
    std::string project;
    bool json = false;
    ConnectionFlags connection;
};

void run(const JoinCliOptions& options)
{
    net::JoinOptions join;
    const std::vector<net::Endpoint> servers = net::parseEndpoints(options.server);
    join.endpoint = servers.front(); // joined through the first; the others are kept for fail-over
    join.fallbacks.assign(servers.begin() + 1, servers.end());
    join.user = options.user;
    join.token = options.token;
    join.path = options.out;
    join.project = options.project;
    join.sync = syncOptionsFrom(options.connection);
    const net::JoinReport report = net::joinServer(join);
    if (options.json) {
        std::cout << nlohmann::json{{"replica", options.out},
                                    {"server", net::joinEndpoints(servers)},
                                    {"project", report.projectName},
                                    {"user", options.user},
                                    {"role", toString(report.role)},
                                    {"fingerprint", report.fingerprint},
                                    {"sync", syncReportJson(report.sync)}}
                         .dump()
                  << '\n';
        exitIfIncomplete(report.sync);
        return;
    }
    std::cout << "Joined '" << report.projectName << "' on " << join.endpoint.toString() << " as " << options.user
              << " (" << toString(report.role) << "): " << options.out << '\n';
    std::cout << "Pinned the server's certificate " << report.fingerprint;
    std::cout << (options.connection.acceptFingerprint ? " (as given).\n"
                                                       : "; compare it with the fingerprint the server printed.\n");
    printSyncReport(std::cout, report.sync);
    std::cout << "Label offline with concord-cli label " << options.out << " SAMPLE --annotator " << options.user
              << " ..., then run concord-cli sync " << options.out << '\n';
    exitIfIncomplete(report.sync);
}

} // namespace

void addJoinCommand(CLI::App& app)
{
    auto options = std::make_shared<JoinCliOptions>();
    auto* command = app.add_subcommand("join", "Make a local replica of a project served by concord-cli serve");
    command
        ->add_option("server", options->server,
                     "The server's address, HOST:PORT; several servers of the project as HOST:PORT,HOST:PORT "
                     "(a sync moves to the next when one cannot be reached)")
        ->required();
    command->add_option("--user", options->user, "Your user name on the server")->required();
    command->add_option("--token", options->token, "The token 'user add' printed for you")
        ->envname("CONCORD_TOKEN")
        ->required();
    command->add_option("--out", options->out, "The replica file to create (must not exist)")->required();
    command->add_option("--project", options->project,
                        "The project to join, by name, when the server serves several (serve --store without "
                        "--project)");
    command->add_flag("--json", options->json, "Print JSON");
    addConnectionFlags(*command, options->connection);
    command->callback([options] { run(*options); });
}

} // namespace concord::cli
