// `concord-cli serve --store URI [--project NAME]`: what net::Server needs to serve the projects
// of a PostgreSQL store. Each project served holds two connections, its database thread's and its
// notices'; the login checks of every project share a pool of `loginConnections`. With --project
// a server serves that project alone; without, every project of the store, each opened at the
// first hello naming it. Several processes on one database may serve the same projects or
// different ones.
#pragma once

#include "net/server/Server.hpp"

#include <string>

namespace concord::pg {

// Logins are rare beside commits, and each holds its connection for one query.
constexpr std::size_t kDefaultLoginConnections = 2;

// Points `options` at the project; throws InputError naming the project when the store has no
// such project or it is archived, SettingError("store") for a bad address, PgError when the
// database cannot be reached.
void serveFromStore(net::ServerOptions& options, const std::string& address, const std::string& project,
                    std::size_t loginConnections = kDefaultLoginConnections);
// Points `options` at every project of the store; throws as serveFromStore when the store
// cannot be reached or its schema is not current.
void serveWholeStore(net::ServerOptions& options, const std::string& address,
                     std::size_t loginConnections = kDefaultLoginConnections);

} // namespace concord::pg
