#include "net/auth/Accounts.hpp"

#include "core/util/Error.hpp"
#include "net/auth/Tokens.hpp"

#include <algorithm>

namespace concord::net {

void checkUserName(std::string_view name)
{
    const auto allowed = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
               c == '-' || c == '@';
    };
    if (name.empty() || name.size() > 64 || !std::all_of(name.begin(), name.end(), allowed)) {
        throw InputError("user name '" + std::string(name) +
                         "' is not allowed: use 1 to 64 letters, digits, '.', '_', '-' or '@'");
    }
}

std::string addUser(store::UserDirectory& users, std::string_view name, Role role, std::int64_t now)
{
    checkUserName(name);
    const std::string token = newToken();
    UserRecord user;
    user.name = std::string(name);
    user.role = role;
    user.salt = newSalt();
    user.iterations = kTokenIterations;
    user.hash = hashToken(token, user.salt, user.iterations);
    user.createdAt = now;
    users.add(user);
    return token;
}

Login checkLogin(store::UserDirectory& users, std::string_view name, std::string_view token)
{
    const auto user = users.find(name);
    if (!user) {
        if (const auto account = users.accountWithoutRole(name)) {
            if (!account->revokedAt &&
                hashesEqual(hashToken(token, account->salt, account->iterations), account->hash)) {
                return Login{LoginOutcome::NoRole, std::nullopt};
            }
            return {};
        }
        // Spend the same work as for a real user before refusing.
        hashesEqual(hashToken(token, "no such user", kTokenIterations), std::string(64, '0'));
        return {};
    }
    if (!hashesEqual(hashToken(token, user->salt, user->iterations), user->hash)) {
        return {};
    }
    if (user->revokedAt) {
        return Login{LoginOutcome::Revoked, user};
    }
    return Login{LoginOutcome::Accepted, user};
}

} // namespace concord::net
