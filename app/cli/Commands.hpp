// Each concord-cli command registers itself on the application. A command's callback throws
// concord::InputError or concord::StoreError on failure; main() turns them into exit codes.
#pragma once

#include <CLI/CLI.hpp>

namespace concord::cli {

void addInitCommand(CLI::App& app);
void addImportCommand(CLI::App& app);
void addInfoCommand(CLI::App& app);
void addLabelCommand(CLI::App& app);
void addShowCommand(CLI::App& app);
void addSchemaCommand(CLI::App& app);
void addExportCommand(CLI::App& app);
void addSignalCommand(CLI::App& app);
void addAgreementCommand(CLI::App& app);
void addAggregateCommand(CLI::App& app);
void addCheckCommand(CLI::App& app);
void addLeaderboardCommand(CLI::App& app);
void addTrainCommand(CLI::App& app);
void addPredictCommand(CLI::App& app);
void addRankCommand(CLI::App& app);
void addPredictionsCommand(CLI::App& app);
void addEvaluateCommand(CLI::App& app);
void addErrorsCommand(CLI::App& app);
void addSimulateCommand(CLI::App& app);
void addServeCommand(CLI::App& app);
void addUserCommand(CLI::App& app);
void addJoinCommand(CLI::App& app);
void addSyncCommand(CLI::App& app);
void addNextCommand(CLI::App& app);
void addProjectCommand(CLI::App& app);
void addHealthCommand(CLI::App& app);
void addEndpointCommand(CLI::App& app);
void addMigrateStoreCommand(CLI::App& app);

// The default annotator name: $CONCORD_USER, else $USER, else "annotator".
std::string defaultUserName();

} // namespace concord::cli
