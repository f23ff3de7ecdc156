// `concord-cli serve --store URI [--project NAME]`: what net::Server needs to serve the projects
// of a PostgreSQL store. Each project served gets its database thread's connection, its login
// check's and its notices' (three connections a project). With --project a server serves that
// project alone; without, every project of the store, each opened at the first hello naming it.
// Several processes on one database may serve the same projects or different ones.
#pragma once

#include "net/server/Server.hpp"

#include <string>

namespace concord::pg {

// Points `options` at the project; throws InputError naming the project when the store has no
// such project or it is archived, SettingError("store") for a bad address, PgError when the
// database cannot be reached.
void serveFromStore(net::ServerOptions& options, const std::string& address, const std::string& project);
// Points `options` at every project of the store; throws as serveFromStore when the store
// cannot be reached or its schema is not current.
void serveWholeStore(net::ServerOptions& options, const std::string& address);

} // namespace concord::pg
