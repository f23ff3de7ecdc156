#include "pgstore/Projects.hpp"

namespace concord::pg {

namespace {

ProjectRow rowOf(const Result& result, int row)
{
    return {result.integer(row, 0), result.text(row, 1), result.text(row, 2) == "t"};
}

} // namespace

ProjectRow createProject(Connection& connection, const std::string& name)
{
    Transaction transaction(connection);
    const ProjectRow project = insertProject(connection, name);
    transaction.commit();
    return project;
}

ProjectRow insertProject(Connection& connection, const std::string& name)
{
    if (name.empty() || name.size() > 200) {
        throw InputError("a project name is 1 to 200 characters, found " + std::to_string(name.size()));
    }
    if (findProject(connection, name)) {
        throw InputError("a project named '" + name + "' exists already");
    }
    const Result made = connection.exec("INSERT INTO projects (name) VALUES ($1) RETURNING id, name, archived", {name});
    const ProjectRow project = rowOf(made, 0);
    connection.exec("INSERT INTO project_sequences (project) VALUES ($1)", {std::to_string(project.id)});
    return project;
}

std::optional<ProjectRow> findProject(Connection& connection, const std::string& name)
{
    const Result found = connection.exec("SELECT id, name, archived FROM projects WHERE name = $1", {name});
    return found.rows() == 0 ? std::nullopt : std::optional<ProjectRow>(rowOf(found, 0));
}

std::optional<ProjectRow> findProjectById(Connection& connection, const std::string& projectId)
{
    // Few rows: a scan costs less than keeping the id in a column of its own.
    const Result found = connection.exec(
        "SELECT id, name, archived FROM projects WHERE (settings::jsonb ->> 'project_id') = $1 AND NOT archived",
        {projectId});
    if (found.rows() > 1) {
        throw InputError("several projects of this server's store carry the id of this replica's project ('" +
                         found.text(0, 1) + "', '" + found.text(1, 1) +
                         "'): its admin must archive all but one of them");
    }
    return found.rows() == 0 ? std::nullopt : std::optional<ProjectRow>(rowOf(found, 0));
}

std::vector<ProjectRow> listProjects(Connection& connection)
{
    const Result all = connection.exec("SELECT id, name, archived FROM projects ORDER BY name");
    std::vector<ProjectRow> projects;
    for (int row = 0; row < all.rows(); ++row) {
        projects.push_back(rowOf(all, row));
    }
    return projects;
}

ProjectRow requireProject(Connection& connection, const std::string& name)
{
    auto found = findProject(connection, name);
    if (!found) {
        throw InputError("no project named '" + name + "' in " + connection.describe() +
                         " (concord-cli project list --store shows them; project create makes one)");
    }
    return *found;
}

ProjectRow archiveProject(Connection& connection, const std::string& name)
{
    const auto found = requireProject(connection, name);
    if (found.archived) {
        throw InputError("the project '" + name + "' is archived already");
    }
    const Result archived = connection.exec(
        "UPDATE projects SET archived = true WHERE id = $1 RETURNING id, name, archived", {std::to_string(found.id)});
    return rowOf(archived, 0);
}

} // namespace concord::pg
