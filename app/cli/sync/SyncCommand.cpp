// concord-cli sync: send a replica's pending edits to its server and receive everything new.
// Safe to interrupt: what was acknowledged is recorded as it arrives, the rest goes next time.
// With --watch it stays connected (net::LiveSync): a line per sync, until SIGINT or SIGTERM.
#include "app/cli/Commands.hpp"
#include "app/cli/sync/SyncCliOptions.hpp"
#include "core/store/Project.hpp"
#include "net/client/LiveSync.hpp"

#include <pthread.h>
#include <signal.h>

#include <ctime>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <thread>

namespace concord::cli {

namespace {

struct SyncCliOptions
{
    std::string replica;
    bool json = false;
    bool watch = false;
    ConnectionFlags connection;
};

void run(const SyncCliOptions& options)
{
    auto replica = Project::open(options.replica);
    const net::SyncReport report = net::syncReplica(*replica, syncOptionsFrom(options.connection));
    if (options.json) {
        std::cout << syncReportJson(report).dump() << '\n';
        exitIfIncomplete(report);
        return;
    }
    if (report.fingerprintChanged) {
        std::cout << "Accepted and pinned the server's new certificate " << report.fingerprint << ".\n";
    }
    printSyncReport(std::cout, report);
    exitIfIncomplete(report);
}

// The local time, HH:MM:SS, at the start of each watch line.
std::string clockTime()
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    std::ostringstream out;
    out << std::put_time(&local, "%H:%M:%S");
    return out.str();
}

const char* causeName(net::LiveCause cause)
{
    switch (cause) {
    case net::LiveCause::Connected:
        return "connected";
    case net::LiveCause::LocalEdit:
        return "local edits";
    case net::LiveCause::Notice:
        return "notice";
    case net::LiveCause::Refresh:
        return "refresh";
    }
    return "";
}

std::string plural(std::int64_t count, const std::string& noun)
{
    return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

std::string seconds(std::chrono::milliseconds duration)
{
    std::ostringstream out;
    out << std::fixed << std::setprecision(1) << static_cast<double>(duration.count()) / 1000.0 << " s";
    return out.str();
}

// Lines as things happen, flushed at once so that a reader of a pipe or file sees each.
net::LiveCallbacks watchPrinter(bool json)
{
    net::LiveCallbacks callbacks;
    callbacks.connected = [json](const net::LiveConnected& connected) {
        if (json) {
            std::cout << nlohmann::json{{"event", "connected"},
                                        {"server", connected.server},
                                        {"user", connected.user},
                                        {"role", toString(connected.role)},
                                        {"fingerprint", connected.fingerprint},
                                        {"ping_interval_ms", connected.pingInterval.count()}}
                             .dump()
                      << std::endl;
            return;
        }
        if (connected.fingerprintChanged) {
            std::cout << "Accepted and pinned the server's new certificate " << connected.fingerprint << ".\n";
        }
        std::cout << clockTime() << " connected to " << connected.server << " as " << connected.user << " ("
                  << toString(connected.role) << "); watching for changes until Ctrl+C" << std::endl;
    };
    callbacks.synced = [json](net::LiveCause cause, const net::SyncReport& report) {
        if (json) {
            auto line = syncReportJson(report);
            line["event"] = "synced";
            line["cause"] = causeName(cause);
            std::cout << line.dump() << std::endl;
            return;
        }
        std::cout << clockTime() << " " << causeName(cause) << ": sent " << plural(report.pushed, "operation");
        if (report.duplicates > 0) {
            std::cout << " (and " << report.duplicates << " the server had already)";
        }
        std::cout << ", received " << plural(report.pulledAnnotations, "annotation") << ", "
                  << plural(report.pulledResolutions, "gold label") << " and "
                  << plural(report.newSamples, "new sample") << "; up to date to change " << report.cursor;
        if (report.pending > 0) {
            std::cout << "; " << report.pending << " pending";
        }
        std::cout << std::endl;
        printSyncWarnings(report);
    };
    callbacks.offline = [json](const net::LiveOffline& offline) {
        if (json) {
            std::cout << nlohmann::json{{"event", "offline"},
                                        {"reason", offline.reason},
                                        {"retry_in_ms", offline.retryIn.count()}}
                             .dump()
                      << std::endl;
            return;
        }
        std::cout << clockTime() << " offline: " << offline.reason << "; trying again in " << seconds(offline.retryIn)
                  << std::endl;
    };
    return callbacks;
}

// Stays connected until SIGINT or SIGTERM (exit 0). A refusal that retrying cannot cure ends it
// with that error's exit code; a dropped connection is tried again with backoff.
void watch(const SyncCliOptions& options)
{
    // Blocked before any thread starts, so that every thread inherits the mask and the signals
    // reach only the waiter's sigwait: stop() takes a lock, which a signal handler may not.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    net::LiveOptions live;
    live.sync = syncOptionsFrom(options.connection);
    live.sync.progress = {}; // the line per sync says it
    live.stopOnRefusal = true;
    // Labels made by another process (concord-cli label) go within a second.
    live.outboxPoll = std::chrono::seconds(1);
    net::LiveSync session(options.replica, live, watchPrinter(options.json));
    std::thread waiter([&session, signals] {
        int signal = 0;
        sigwait(&signals, &signal);
        session.stop();
    });
    const auto endWaiter = [&waiter] {
        // Ends the waiter's sigwait when no signal did; one that has returned ignores it.
        pthread_kill(waiter.native_handle(), SIGTERM);
        waiter.join();
    };
    try {
        session.run();
    } catch (...) {
        endWaiter();
        throw;
    }
    endWaiter();
}

} // namespace

void addSyncCommand(CLI::App& app)
{
    auto options = std::make_shared<SyncCliOptions>();
    auto* command = app.add_subcommand("sync", "Send a replica's pending edits to its server and receive the rest");
    command->add_option("replica", options->replica, "Replica file (made by concord-cli join)")->required();
    command->add_flag("--json", options->json, "Print JSON (with --watch: a JSON object per line)");
    command->add_flag("--watch", options->watch,
                      "Stay connected: send edits as they are made, receive changes as the server announces them, "
                      "reconnect when the connection drops; a line per sync, until Ctrl+C or SIGTERM");
    addConnectionFlags(*command, options->connection);
    command->callback([options] { options->watch ? watch(*options) : run(*options); });
}

} // namespace concord::cli
