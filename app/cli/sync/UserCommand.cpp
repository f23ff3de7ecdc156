// concord-cli user add|list|revoke: the people who may sync with a served project. A token is
// printed once, when the user is added; the server keeps only its salted hash. These commands
// may run while `serve` has the project open: a revocation takes effect at the user's next
// message. On a PostgreSQL store (--store URI --project NAME) accounts are server-wide and
// roles per project: adding someone who has an account gives them a role here, with the token
// they have; revoking takes the role here away, and revoking without --project ends the
// account's token in every project.
#include "app/cli/Commands.hpp"
#include "app/cli/sync/UserPlace.hpp"
#include "app/cli/sync/UtcTime.hpp"
#include "core/store/UserTable.hpp"
#include "core/util/Clock.hpp"
#include "core/util/Error.hpp"
#include "net/auth/Accounts.hpp"
#include "pgstore/ProjectUsers.hpp"
#include "pgstore/Projects.hpp"
#include "pgstore/StoreAddress.hpp"

#include <iomanip>
#include <iostream>

namespace concord::cli {

namespace {

struct UserOptions
{
    std::string project;      // a project file
    std::string store;        // or a PostgreSQL store ...
    std::string storeProject; // ... and the project's name in it
    std::string name;
    std::string role = "annotator";
    bool json = false;
    std::vector<std::string> arguments; // [PROJECT] NAME, as typed
};

// PROJECT NAME, or NAME alone with --store.
UserOptions withArguments(UserOptions options)
{
    if (options.arguments.size() == 2) {
        options.project = options.arguments[0];
    }
    options.name = options.arguments.back();
    return options;
}

void add(const UserOptions& options)
{
    const Role role = roleFromString(options.role);
    UserPlace place(options.project, options.store, options.storeProject);
    if (place.store() && pg::accountExists(*place.store(), options.name)) {
        // Accounts are server-wide: someone with one gets a role here, and keeps their token.
        pg::grantRole(*place.store(), place.projectId(), options.name, role, place.now());
        if (options.json) {
            std::cout << nlohmann::json{{"user", options.name}, {"role", toString(role)}, {"token", nullptr}}.dump()
                      << '\n';
            return;
        }
        std::cout << options.name << " has an account on this server already: now " << toString(role) << " in "
                  << place.where() << ", with the token they have.\n";
        return;
    }
    const std::string token = net::addUser(place.users(), options.name, role, place.now());
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
    UserPlace place(options.project, options.store, options.storeProject);
    const auto all = place.users().list();
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
        std::cout << "No users in " << place.where()
                  << ". Add one with concord-cli user add ... NAME --role annotator\n";
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
    UserPlace place(options.project, options.store, options.storeProject, false);
    if (place.store() && options.storeProject.empty()) {
        if (!pg::revokeAccount(*place.store(), options.name, place.now())) {
            throw InputError(place.where() + ": no account named '" + options.name + "', or it is revoked already");
        }
        std::cout << "Revoked " << options.name << "'s account: their token no longer works in any project, and "
                  << "running servers close their sessions at their next message. Their past work stays.\n";
        return;
    }
    const auto user = place.users().find(options.name);
    if (!user) {
        throw InputError(place.where() + ": no user named '" + options.name + "'");
    }
    if (user->revokedAt) {
        throw InputError(place.where() + ": '" + options.name + "' was revoked already, on " +
                         utcMinute(*user->revokedAt) + " UTC");
    }
    if (!place.users().revoke(options.name, place.now())) {
        throw StoreError(place.where() + ": could not revoke '" + options.name + "'");
    }
    std::cout << "Revoked " << options.name << " in " << place.where()
              << ": a running server closes their sessions at their next message. Their past work stays.\n";
}

// PROJECT (a file), or --store URI with --project NAME; and the user's name when `name` says
// what it is.
void addPlaceOptions(CLI::App& command, UserOptions& options, const std::string& name = {})
{
    if (name.empty()) {
        command.add_option("project", options.project, "Project file (the server's); or use --store and --project");
    } else {
        command
            .add_option("arguments", options.arguments, "[PROJECT] NAME: the project file (not with --store); " + name)
            ->expected(1, 2)
            ->required();
    }
    command.add_option("--store", options.store,
                       "A PostgreSQL store: postgresql://USER@HOST/DATABASE (the password from ~/.pgpass or "
                       "PGPASSWORD, never here)");
    command.add_option("--project", options.storeProject, "The project's name on the store");
}

} // namespace

void addUserCommand(CLI::App& app)
{
    auto options = std::make_shared<UserOptions>();
    auto* command = app.add_subcommand("user", "The users of a served project: add, list, revoke");
    command->require_subcommand(1);

    auto* addCommand = command->add_subcommand("add", "Add a user and print their token (only this once)");
    addPlaceOptions(*addCommand, *options, "User name: letters, digits, '.', '_', '-' or '@'");
    addCommand->add_option("--role", options->role, "annotator, reviewer or admin")
        ->check(CLI::IsMember({"annotator", "reviewer", "admin"}))
        ->capture_default_str();
    addCommand->add_flag("--json", options->json, "Print JSON: user, role and token");
    addCommand->callback([options] { add(withArguments(*options)); });

    auto* listCommand = command->add_subcommand("list", "List the users with their roles (never their tokens)");
    addPlaceOptions(*listCommand, *options);
    listCommand->add_flag("--json", options->json, "Print JSON");
    listCommand->callback([options] { list(*options); });

    auto* revokeCommand = command->add_subcommand(
        "revoke", "Revoke a user's token (on a store: their role in --project, or without it their account)");
    addPlaceOptions(*revokeCommand, *options, "User name");
    revokeCommand->callback([options] { revoke(withArguments(*options)); });
}

} // namespace concord::cli
