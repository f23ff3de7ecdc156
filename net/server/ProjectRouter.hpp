// How a session finds the project its hello asks for: the server's one project, or on a server
// of several the one the hello names (by id for a replica, by name when joining), opened at the
// first hello that names it.
#pragma once

#include "net/protocol/ErrorCode.hpp"
#include "net/protocol/Messages.hpp"

#include <functional>
#include <optional>
#include <string>

namespace concord::net {

class ProjectHost;

struct RouteRefusal
{
    ErrorCode code = ErrorCode::UnknownProject;
    std::string message;
};

class ProjectRouter
{
public:
    // Exactly one of the two is set.
    using Routed = std::function<void(ProjectHost* project, std::optional<RouteRefusal> refusal)>;

    virtual ~ProjectRouter() = default;
    // `done` runs on the network thread, perhaps before this returns, and not at all once the
    // server stops.
    virtual void route(const Hello& hello, Routed done) = 0;
};

} // namespace concord::net
