// concord-cli endpoint list|add|remove REPLICA [HOST:PORT]: the servers a replica syncs with.
// Several servers of one project (on one PostgreSQL database, sharing its certificate) give
// fail-over: sync, next and sync --watch move to the next server when one cannot be reached.
#include "app/cli/Commands.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"
#include "net/client/Endpoint.hpp"
#include "net/client/ReplicaSync.hpp"

#include <algorithm>
#include <iostream>

namespace concord::cli {

namespace {

struct EndpointOptions
{
    std::string replica;
    std::string server;
};

void list(const EndpointOptions& options)
{
    auto replica = Project::open(options.replica);
    for (const net::Endpoint& server : net::serversOf(*replica)) {
        std::cout << server.toString() << '\n';
    }
}

void change(const EndpointOptions& options, bool add)
{
    auto replica = Project::open(options.replica);
    std::vector<net::Endpoint> servers = net::serversOf(*replica);
    const net::Endpoint named = net::parseEndpoint(options.server);
    const auto found = std::find_if(servers.begin(), servers.end(),
                                    [&](const net::Endpoint& server) { return server.toString() == named.toString(); });
    if (add) {
        if (found != servers.end()) {
            throw InputError(options.replica + " syncs with " + named.toString() + " already");
        }
        servers.push_back(named);
    } else {
        if (found == servers.end()) {
            throw InputError(options.replica + " does not sync with " + named.toString() +
                             " (concord-cli endpoint list shows the servers it does)");
        }
        if (servers.size() == 1) {
            throw InputError(named.toString() + " is the only server of " + options.replica +
                             ": add the new one before removing it");
        }
        servers.erase(found);
    }
    replica->replica().setServer(net::joinEndpoints(servers));
    std::cout << options.replica << " syncs with " << net::joinEndpoints(servers)
              << (add ? " (the new one is tried when those before it cannot be reached)" : "") << ".\n";
}

} // namespace

void addEndpointCommand(CLI::App& app)
{
    auto options = std::make_shared<EndpointOptions>();
    auto* command = app.add_subcommand("endpoint", "The servers a replica syncs with (fail-over): list, add, remove");
    command->require_subcommand(1);
    auto* listed = command->add_subcommand("list", "List the servers, in the order they are tried");
    listed->add_option("replica", options->replica, "The replica")->required();
    listed->callback([options] { list(*options); });
    auto* added = command->add_subcommand("add", "Add a server of the same project, tried after the others");
    added->add_option("replica", options->replica, "The replica")->required();
    added->add_option("server", options->server, "HOST:PORT")->required();
    added->callback([options] { change(*options, true); });
    auto* removed = command->add_subcommand("remove", "Remove a server (not the last)");
    removed->add_option("replica", options->replica, "The replica")->required();
    removed->add_option("server", options->server, "HOST:PORT")->required();
    removed->callback([options] { change(*options, false); });
}

} // namespace concord::cli
