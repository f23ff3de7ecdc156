// Users of a sync server: adding one (which makes its token), and checking a user's token at
// login. The token itself is never stored.
#pragma once

#include "core/model/SyncRecords.hpp"
#include "core/store/UserDirectory.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace concord::net {

// Adds a user and returns the token to hand to them, the only time it exists in the clear.
// Throws InputError for a malformed or taken name.
std::string addUser(store::UserDirectory& users, std::string_view name, Role role, std::int64_t now);

// Names are 1-64 letters, digits, '.', '_', '-' or '@', so that they are safe in file names,
// logs and messages. Throws InputError otherwise.
void checkUserName(std::string_view name);

enum class LoginOutcome
{
    Accepted,
    Refused, // unknown user or wrong token; the two are not told apart
    Revoked,
    NoRole // the right token of an account that has no role in this project
};

struct Login
{
    LoginOutcome outcome = LoginOutcome::Refused;
    std::optional<UserRecord> user;
};

// Checks a token. Takes about as long for an unknown user as for a known one, so that timing
// does not reveal which names exist.
Login checkLogin(store::UserDirectory& users, std::string_view name, std::string_view token);

} // namespace concord::net
