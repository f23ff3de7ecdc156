#include "core/model/Role.hpp"

#include "core/util/Error.hpp"

#include <string>

namespace concord {

std::string_view toString(Role role)
{
    switch (role) {
    case Role::Annotator:
        return "annotator";
    case Role::Reviewer:
        return "reviewer";
    case Role::Admin:
        return "admin";
    }
    return "annotator";
}

Role roleFromString(std::string_view name)
{
    for (Role role : {Role::Annotator, Role::Reviewer, Role::Admin}) {
        if (name == toString(role)) {
            return role;
        }
    }
    throw InputError("unknown role '" + std::string(name) + "'; use annotator, reviewer or admin");
}

} // namespace concord
