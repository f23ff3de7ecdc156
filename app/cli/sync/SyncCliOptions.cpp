#include "app/cli/sync/SyncCliOptions.hpp"

#include "app/cli/ExitCodes.hpp"

#include <iostream>

namespace concord::cli {

void addConnectionFlags(CLI::App& command, ConnectionFlags& flags)
{
    command.add_option("--accept-fingerprint", flags.acceptFingerprint,
                       "Trust the server's certificate only if its fingerprint is this one (SHA256:...), and pin it");
    command.add_option("--timeout", flags.timeoutSeconds, "Seconds to wait for each answer from the server")
        ->check(CLI::Range(1, 3600))
        ->capture_default_str();
    command.add_option("--attempts", flags.attempts, "Connection attempts before giving up (with growing waits)")
        ->check(CLI::Range(1, 100))
        ->capture_default_str();
    command.add_flag("--quiet", flags.quiet, "No progress messages");
}

net::SyncOptions syncOptionsFrom(const ConnectionFlags& flags)
{
    net::SyncOptions options;
    options.acceptFingerprint = flags.acceptFingerprint;
    options.timeout = std::chrono::seconds(flags.timeoutSeconds);
    options.retry.attempts = flags.attempts;
    if (!flags.quiet) {
        options.progress = Progress([](const ProgressStep& step) { std::cerr << "  " << step.what << '\n'; });
    }
    return options;
}

void printSyncReport(std::ostream& out, const net::SyncReport& report)
{
    out << "Sent " << report.pushed << " operation" << (report.pushed == 1 ? "" : "s");
    if (report.duplicates > 0) {
        out << " (and " << report.duplicates << " the server had already)";
    }
    out << ", received " << report.pulledAnnotations << " annotation" << (report.pulledAnnotations == 1 ? "" : "s");
    // Statuses and suggestions exist in projects with fields and questions only.
    if (report.pulledResponses > 0) {
        out << ", " << report.pulledResponses << " response status" << (report.pulledResponses == 1 ? "" : "es");
    }
    if (report.pulledSuggestions > 0) {
        out << ", " << report.pulledSuggestions << " suggestion" << (report.pulledSuggestions == 1 ? "" : "s");
    }
    out << ", " << report.pulledResolutions << " gold label" << (report.pulledResolutions == 1 ? "" : "s") << " and "
        << report.newSamples << " new sample" << (report.newSamples == 1 ? "" : "s") << "; up to date to change "
        << report.cursor << ".\n";
    if (report.superseded > 0) {
        out << report.superseded << " of the sent edits were older than a version from another device; they are kept "
            << "in the history and the later version stays.\n";
    }
    if (report.keptLocal > 0) {
        out << report.keptLocal << " received rows were older than unsent local edits, which stay.\n";
    }
    if (report.pending > 0) {
        out << report.pending << " edits made during the sync are still pending; sync again to send them.\n";
    }
    printSyncWarnings(report);
}

void printSyncWarnings(const net::SyncReport& report)
{
    if (!report.skipped.empty()) {
        std::cerr << "warning: the server skipped " << report.skipped.size() << " row"
                  << (report.skipped.size() == 1 ? "" : "s")
                  << " it could not send (stored before its size limits; the server's admin can find them with "
                     "concord-cli check):\n";
        for (const auto& skipped : report.skipped) {
            std::cerr << "  " << skipped << '\n';
        }
    }
    if (!report.rejections.empty()) {
        std::cerr << "warning: the server refused " << report.rejections.size() << " operation"
                  << (report.rejections.size() == 1 ? "" : "s") << " (the server's version was put back):\n";
        for (const auto& rejection : report.rejections) {
            std::cerr << "  " << rejection << '\n';
        }
    }
}

void exitIfIncomplete(const net::SyncReport& report)
{
    if (!report.skipped.empty()) {
        throw CLI::RuntimeError(kIncomplete);
    }
}

nlohmann::json syncReportJson(const net::SyncReport& report)
{
    return {{"sent", report.pushed},
            {"duplicates", report.duplicates},
            {"superseded", report.superseded},
            {"received_annotations", report.pulledAnnotations},
            {"received_resolutions", report.pulledResolutions},
            {"received_responses", report.pulledResponses},
            {"received_suggestions", report.pulledSuggestions},
            {"new_samples", report.newSamples},
            {"kept_local", report.keptLocal},
            {"rejected", report.rejections},
            {"skipped", report.skipped},
            {"pending", report.pending},
            {"cursor", report.cursor},
            {"attempts", report.attempts},
            {"fingerprint", report.fingerprint}};
}

} // namespace concord::cli
