// Who is on the other end of a session: unknown until a hello succeeds, then a user with a
// role (re-read from the users table for every message, so that a revocation or a role change
// takes effect at once), the device's client id and the peer's address.
#pragma once

#include "core/model/Role.hpp"

#include <string>

namespace concord::net {

struct Identity
{
    bool authenticated = false;
    std::string user;
    Role role = Role::Annotator;
    std::string client;
    std::string peer; // address, for logs and the login throttle
    int protocol = 0; // the version agreed in the hello
};

// Whether this user may receive other annotators' labels (and the gold labels): not an
// annotator in a blind project.
inline bool seesOthers(const Identity& who, bool blind)
{
    return !blind || who.role != Role::Annotator;
}

} // namespace concord::net
