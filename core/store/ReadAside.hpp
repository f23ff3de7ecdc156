// Runs a read of a project's file on another thread, through a read-only connection of its
// own, so that two scans of a large project (its records and its answers) take two cores. The
// two connections each read a consistent snapshot, but not necessarily the same one when
// another connection writes meanwhile (a sync): callers take that into account. Only when
// canReadAside().
#pragma once

#include "core/store/Project.hpp"
#include "core/store/Sqlite.hpp"

#include <future>
#include <type_traits>
#include <utility>

namespace concord::store {

// Whether a read may go aside: the project is a file, and its connection holds no transaction
// (another connection would not see what that transaction wrote).
bool canReadAside(Project& project);

template <typename Read>
auto readAside(const Project& project, Read read) -> std::future<std::invoke_result_t<Read&, sqlite::Database&>>
{
    return std::async(std::launch::async, [path = project.path(), read = std::move(read)]() mutable {
        sqlite::Database db(path, sqlite::Database::Mode::ReadOnly);
        return read(db);
    });
}

} // namespace concord::store
