#include "core/store/ReadAside.hpp"

#include <sqlite3.h>

namespace concord::store {

bool canReadAside(Project& project)
{
    const std::string& path = project.path();
    return !path.empty() && path != ":memory:" && path.rfind("file:", 0) != 0 &&
           sqlite3_get_autocommit(project.database().handle()) != 0;
}

} // namespace concord::store
