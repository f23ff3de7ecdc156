#include "pgstore/CopyProject.hpp"

#include "core/util/Error.hpp"
#include "net/server/ProjectCopy.hpp"
#include "pgstore/PgServerStore.hpp"
#include "pgstore/ProjectUsers.hpp"

namespace concord::pg {

namespace {

// Gives `user` of the source a role in `project`, with an account made from the source's
// credentials unless the store has one of that name; then the source's revocation, if any.
void copyUser(Connection& connection, std::int64_t project, const UserRecord& user, std::vector<std::string>& notes)
{
    const Result account = connection.exec("SELECT salt, hash FROM accounts WHERE name = $1", {user.name});
    if (account.rows() == 0) {
        insertAccount(connection, user);
    } else if (account.text(0, 0) != user.salt || account.text(0, 1) != user.hash) {
        notes.push_back(user.name + " has an account on the store already, with another token: they sync this "
                                    "project with that account's token from now on");
    }
    grantRole(connection, project, user.name, user.role, user.createdAt);
    if (user.revokedAt) {
        connection.exec("UPDATE project_roles SET revoked_at = $3 WHERE project = $1 AND account = $2",
                        {std::to_string(project), user.name, std::to_string(*user.revokedAt)});
    }
}

} // namespace

ProjectCopyMade createProjectCopy(Connection& connection, const std::string& name, net::ServerStore& source)
{
    ProjectCopyMade made;
    Transaction transaction(connection);
    made.project = insertProject(connection, name);
    net::inBatch(source, [&] {
        const net::ProjectInfo info = source.info();
        configureProject(connection, made.project.id, net::settingsFrom(info), source.recordSchema(), info.orderSeed,
                         source.id());
        net::forEachRecordPage(source, 0,
                               [&](const std::vector<Sample>& page) { addRecords(connection, made.project.id, page); });
        for (const auto& user : source.users().list()) {
            copyUser(connection, made.project.id, user, made.notes);
        }
    });
    transaction.commit();
    analyzeStore(connection);
    return made;
}

} // namespace concord::pg
