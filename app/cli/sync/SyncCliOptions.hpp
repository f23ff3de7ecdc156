// What join, sync and next share: the connection options (a certificate fingerprint to accept,
// the timeout, the retries) and how a sync's outcome is printed.
#pragma once

#include "net/client/ReplicaSync.hpp"

#include <CLI/CLI.hpp>

#include <optional>
#include <ostream>
#include <string>

namespace concord::cli {

struct ConnectionFlags
{
    std::optional<std::string> acceptFingerprint;
    int timeoutSeconds = 30;
    int attempts = 5;
    bool quiet = false;
};

void addConnectionFlags(CLI::App& command, ConnectionFlags& flags);
// Progress and retries go to standard error unless --quiet.
net::SyncOptions syncOptionsFrom(const ConnectionFlags& flags);
// "Sent ..., received ..." and, on standard error, every refusal.
void printSyncReport(std::ostream& out, const net::SyncReport& report);
// On standard error: the rows the server skipped and the operations it refused.
void printSyncWarnings(const net::SyncReport& report);
nlohmann::json syncReportJson(const net::SyncReport& report);
// Ends the command with exit code 7 (kIncomplete) when the server skipped rows it could not send.
void exitIfIncomplete(const net::SyncReport& report);

} // namespace concord::cli
