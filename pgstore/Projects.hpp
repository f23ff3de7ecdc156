// The projects a PostgreSQL store serves, by name. Each has its counter row for the sequence of
// its changes (ChangeLog.hpp), made with it.
#pragma once

#include "pgstore/Connection.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace concord::pg {

struct ProjectRow
{
    std::int64_t id = 0;
    std::string name;
    bool archived = false;
};

// Throws InputError when the name is taken or not 1 to 200 characters.
ProjectRow createProject(Connection& connection, const std::string& name);
// The same inside the caller's transaction.
ProjectRow insertProject(Connection& connection, const std::string& name);
std::optional<ProjectRow> findProject(Connection& connection, const std::string& name);
// The project that is not archived and whose replicas carry this id (the settings' project_id).
// InputError when several carry it (a project copied twice into one store).
std::optional<ProjectRow> findProjectById(Connection& connection, const std::string& projectId);
// The same, or an InputError naming the store and how to list its projects.
ProjectRow requireProject(Connection& connection, const std::string& name);
std::vector<ProjectRow> listProjects(Connection& connection);
// Marks the project archived: kept, listed as such, no longer served. InputError when there is
// no project of that name or it is archived already.
ProjectRow archiveProject(Connection& connection, const std::string& name);

} // namespace concord::pg
