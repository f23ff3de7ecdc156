// `concord-cli serve --store URI --project NAME`: what net::Server needs to serve a project of a
// PostgreSQL store. The database thread gets the project on a connection of its own, the login
// thread another. One server process serves one project; several processes (on one database)
// may serve the same project or different ones.
#pragma once

#include "net/server/Server.hpp"

#include <string>

namespace concord::pg {

// Points `options` at the project; throws InputError naming the project when the store has no
// such project or it is archived, SettingError("store") for a bad address, PgError when the
// database cannot be reached.
void serveFromStore(net::ServerOptions& options, const std::string& address, const std::string& project);

} // namespace concord::pg
