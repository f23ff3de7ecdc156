// concord-cli: the headless front end to a Concord project, for scripts and servers.
#include "app/cli/Commands.hpp"
#include "app/cli/ExitCodes.hpp"
#include "app/cli/SettingWords.hpp"
#include "core/util/Error.hpp"
#include "net/NetError.hpp"

#include <cstdlib>
#include <iostream>

namespace concord::cli {

std::string defaultUserName()
{
    for (const char* variable : {"CONCORD_USER", "USER"}) {
        if (const char* value = std::getenv(variable); value != nullptr && *value != '\0') {
            return value;
        }
    }
    return "annotator";
}

} // namespace concord::cli

int main(int argc, char** argv)
{
    using namespace concord::cli;
    CLI::App app{"concord-cli: manage Concord labeling projects from the command line"};
    app.set_version_flag("--version", std::string(CONCORD_VERSION));
    app.require_subcommand(1);
    app.footer("Exit codes: 0 success, 2 usage error, 3 bad input (nothing changed), 4 file or database failure,\n"
               "5 check --strict found errors, 6 network: the server could not be reached or refused,\n"
               "7 sync or join finished without some rows the server could not send (each is named).\n"
               "Run 'concord-cli COMMAND --help' for a command's options.");
    addInitCommand(app);
    addImportCommand(app);
    addInfoCommand(app);
    addLabelCommand(app);
    addShowCommand(app);
    addSchemaCommand(app);
    addExportCommand(app);
    addSignalCommand(app);
    addAgreementCommand(app);
    addAggregateCommand(app);
    addCheckCommand(app);
    addLeaderboardCommand(app);
    addTrainCommand(app);
    addPredictCommand(app);
    addRankCommand(app);
    addPredictionsCommand(app);
    addEvaluateCommand(app);
    addErrorsCommand(app);
    addSimulateCommand(app);
    addServeCommand(app);
    addUserCommand(app);
    addJoinCommand(app);
    addSyncCommand(app);
    addNextCommand(app);
    addProjectCommand(app);
    addHealthCommand(app);
    addMigrateStoreCommand(app);
    addEndpointCommand(app);

    setInvocation(argc, argv);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion&) {
        std::cout << "concord-cli " << CONCORD_VERSION << '\n';
        return kSuccess;
    } catch (const CLI::RuntimeError& e) {
        return e.get_exit_code(); // a command's own exit code, its message already printed
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return kUsageError;
    } catch (const concord::SettingError& e) {
        std::cerr << "error: " << describe(e) << '\n';
        return kBadInput;
    } catch (const concord::InputError& e) {
        std::cerr << "error: " << e.what() << '\n';
        return kBadInput;
    } catch (const concord::StoreError& e) {
        std::cerr << "error: " << e.what() << '\n';
        return kFailure;
    } catch (const concord::net::NetError& e) {
        std::cerr << "error: " << e.what() << '\n';
        return kNetworkFailure;
    } catch (const std::exception& e) {
        std::cerr << "internal error: " << e.what() << "\nThis is a bug in Concord; please report it.\n";
        return kInternalError;
    }
    return kSuccess;
}
