// A user's role on a sync server. Annotators write their own annotations; reviewers also write
// resolutions; admins may write anything. The server enforces this on every message, and a
// replica refuses locally what the server would refuse anyway.
#pragma once

#include <string_view>

namespace concord {

enum class Role
{
    Annotator,
    Reviewer,
    Admin
};

std::string_view toString(Role role);
// Throws InputError naming the accepted roles.
Role roleFromString(std::string_view name);

inline bool canResolve(Role role)
{
    return role == Role::Reviewer || role == Role::Admin;
}

// Whether a user with `role` named `user` may write `annotator`'s annotation row.
inline bool canWriteAnnotation(Role role, std::string_view user, std::string_view annotator)
{
    return role == Role::Admin || user == annotator;
}

} // namespace concord
