// concord-cli user add|list|revoke: the people who may sync with a served project. A token is
// printed once, when the user is added; the project keeps only its salted hash. These commands
// may run while `serve` has the project open: a revocation takes effect at the user's next
// message.
#include "app/cli/Commands.hpp"
#include "app/cli/sync/UtcTime.hpp"
#include "core/store/UserTable.hpp"
#include "core/util/Error.hpp"
#include "net/auth/Accounts.hpp"
#include "net/server/ServerProject.hpp"

#include <iomanip>
#include <iostream>

namespace concord::cli {

namespace {

struct UserOptions
{
    std::string project;
    std::string name;
    std::string role = "annotator";
    bool json = false;
};

void add(const UserOptions& options)
{
    const Role role = roleFromString(options.role);
    auto project = net::openForServerAdmin(options.project);
    store::UserTable users(project->database());
    const std::string token = net::addUser(users, options.name, role, project->now());
    if (options.json) {
        std::cout << nlohmann::json{{"user", options.name}, {"role", toString(role)}, {"token", token}}.dump() << '\n';
        return;
    }
    std::cout << "Added " << options.name << " (" << toString(role) << "). Their token, shown only this once:\n"
              << "  " << token << "\n"
              << "Give it to " << options.name << " privately; they join with\n"
              << "  concord-cli join HOST:PORT --user " << options.name << " --token TOKEN --out REPLICA.concord\n";
}

void list(const UserOptions& options)
{
    auto project = net::openForServerAdmin(options.project);
    store::UserTable users(project->database());
    const auto all = users.list();
    if (options.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& user : all) {
            out.push_back({{"user", user.name},
                           {"role", toString(user.role)},
                           {"created_at", user.createdAt},
                           {"revoked_at", user.revokedAt ? nlohmann::json(*user.revokedAt) : nlohmann::json()}});
        }
        std::cout << out.dump(2) << '\n';
        return;
    }
    if (all.empty()) {
        std::cout << "No users. Add one with concord-cli user add " << options.project << " NAME --role annotator\n";
        return;
    }
    std::cout << std::left << std::setw(24) << "User" << std::setw(11) << "Role" << std::setw(18) << "Added (UTC)"
              << "Revoked (UTC)\n";
    for (const auto& user : all) {
        std::cout << std::setw(24) << user.name << std::setw(11) << toString(user.role) << std::setw(18)
                  << utcMinute(user.createdAt) << (user.revokedAt ? utcMinute(*user.revokedAt) : "-") << '\n';
    }
}

void revoke(const UserOptions& options)
{
    auto project = net::openForServerAdmin(options.project);
    store::UserTable users(project->database());
    const auto user = users.find(options.name);
    if (!user) {
        throw InputError(options.project + ": no user named '" + options.name + "'");
    }
    if (user->revokedAt) {
        throw InputError(options.project + ": '" + options.name + "' was revoked already, on " +
                         utcMinute(*user->revokedAt) + " UTC");
    }
    if (!users.revoke(options.name, project->now())) {
        throw StoreError(options.project + ": could not revoke '" + options.name + "'");
    }
    std::cout << "Revoked " << options.name << ": their token no longer works, and a running server closes their "
              << "sessions at their next message. Their past work stays.\n";
}

} // namespace

void addUserCommand(CLI::App& app)
{
    auto options = std::make_shared<UserOptions>();
    auto* command = app.add_subcommand("user", "The users of a served project: add, list, revoke");
    command->require_subcommand(1);

    auto* addCommand = command->add_subcommand("add", "Add a user and print their token (only this once)");
    addCommand->add_option("project", options->project, "Project file (the server's)")->required();
    addCommand->add_option("name", options->name, "User name: letters, digits, '.', '_', '-' or '@'")->required();
    addCommand->add_option("--role", options->role, "annotator, reviewer or admin")
        ->check(CLI::IsMember({"annotator", "reviewer", "admin"}))
        ->capture_default_str();
    addCommand->add_flag("--json", options->json, "Print JSON: user, role and token");
    addCommand->callback([options] { add(*options); });

    auto* listCommand = command->add_subcommand("list", "List the users with their roles (never their tokens)");
    listCommand->add_option("project", options->project, "Project file (the server's)")->required();
    listCommand->add_flag("--json", options->json, "Print JSON");
    listCommand->callback([options] { list(*options); });

    auto* revokeCommand = command->add_subcommand("revoke", "Revoke a user's token; their past work stays");
    revokeCommand->add_option("project", options->project, "Project file (the server's)")->required();
    revokeCommand->add_option("name", options->name, "User name")->required();
    revokeCommand->callback([options] { revoke(*options); });
}

} // namespace concord::cli
