#include "net/client/ReplicaSync.hpp"

#include "core/util/Error.hpp"
#include "core/util/RandomId.hpp"
#include "net/NetError.hpp"
#include "net/client/ReplicaApplier.hpp"

#include <filesystem>
#include <thread>

namespace concord::net {

namespace {

void say(const SyncOptions& options, const std::string& message)
{
    options.progress.report(0, 0, message);
}

// Decides whether to trust the certificate presented; returns true when the pin changes.
void noteSkipped(const std::vector<SkippedRow>& rows, SyncReport& report)
{
    for (const auto& row : rows) {
        std::string what = row.kind == "sample" ? "sample '" + row.sampleId + "'"
                           : row.kind == "resolution"
                               ? "the gold label of sample '" + row.sampleId + "'"
                               : "the annotation of sample '" + row.sampleId + "' by " + row.annotator;
        report.skipped.push_back(what + ": " + row.reason);
    }
}

bool checkFingerprint(const std::string& presented, const std::string& pinned, const SyncOptions& options,
                      const std::string& where, const std::string& replicaPath)
{
    if (options.acceptFingerprint) {
        if (*options.acceptFingerprint != presented) {
            throw FingerprintMismatch("the server at " + where + " presents the certificate " + presented + ", not " +
                                      *options.acceptFingerprint +
                                      " as given with --accept-fingerprint; "
                                      "nothing was sent");
        }
        return presented != pinned;
    }
    if (pinned.empty() || pinned == presented) {
        return pinned.empty();
    }
    throw FingerprintMismatch(
        "the certificate of the server at " + where + " has changed: this replica pinned " + pinned +
        ", the server now presents " + presented +
        ". Nothing was sent. This happens when the server's certificate was replaced, and also when someone "
        "intercepts the connection; check the fingerprint the server printed when it started. If it matches, "
        "accept it deliberately with:\n  concord-cli sync " +
        replicaPath + " --accept-fingerprint " + presented);
}

} // namespace

void fetchSamples(Project& replica, Client& client, const SyncOptions& options, SyncReport& report)
{
    ReplicaApplier applier(replica);
    for (int guard = 0; guard < 1'000'000; ++guard) {
        const auto page = client.samples(replica.replica().load()->sampleCursor, options.pageSize);
        report.newSamples += applier.applySamples(page);
        noteSkipped(page.skipped, report);
        if (!page.more) {
            return;
        }
    }
}

void pushOutbox(Project& replica, Client& client, const SyncOptions& options, SyncReport& report)
{
    ReplicaApplier applier(replica);
    // Each round removes or marks what it sent, so the rounds are bounded by the outbox's size;
    // edits made during the sync are sent too.
    for (int guard = 0; guard < 1'000'000; ++guard) {
        const auto pending = replica.outbox().pending(options.pushBatch);
        if (pending.empty()) {
            return;
        }
        std::vector<Operation> ops;
        ops.reserve(pending.size());
        for (const auto& operation : pending) {
            ops.push_back(toOperation(operation));
        }
        const Ack ack = client.push(std::move(ops));
        const AckSummary summary = applier.applyAck(pending, ack);
        report.pushed += summary.applied;
        report.duplicates += summary.duplicates;
        report.superseded += summary.superseded;
        report.rejections.insert(report.rejections.end(), summary.rejections.begin(), summary.rejections.end());
        say(options, "sent " + std::to_string(report.pushed + report.duplicates) + " operations");
    }
}

void pullChanges(Project& replica, Client& client, const SyncOptions& options, SyncReport& report)
{
    ReplicaApplier applier(replica);
    bool refetched = false;
    for (int guard = 0; guard < 10'000'000; ++guard) {
        const std::int64_t cursor = replica.replica().load()->cursor;
        const Changes changes = client.pull(cursor, options.pageSize);
        ChangeSummary summary;
        try {
            summary = applier.applyChanges(changes, refetched);
        } catch (const MissingSample&) {
            // Samples were added on the server after we fetched them: fetch and pull the page
            // again. A sample still missing then is one the server could not send; its rows are
            // passed over and reported.
            refetched = true;
            fetchSamples(replica, client, options, report);
            continue;
        }
        refetched = false;
        report.skipped.insert(report.skipped.end(), summary.missing.begin(), summary.missing.end());
        noteSkipped(changes.skipped, report);
        report.pulledAnnotations += summary.annotations;
        report.pulledResolutions += summary.resolutions;
        report.pulledResponses += summary.responses;
        report.pulledSuggestions += summary.suggestions;
        report.keptLocal += summary.keptLocal;
        report.cursor = changes.next;
        if (!changes.more) {
            return;
        }
        say(options, "received changes up to " + std::to_string(changes.next) + " of " + std::to_string(changes.head));
    }
}

bool isRetryable(const NetError& error)
{
    if (dynamic_cast<const FingerprintMismatch*>(&error) != nullptr) {
        return false;
    }
    if (const auto* refusal = dynamic_cast<const ServerError*>(&error)) {
        switch (refusal->code()) {
        case ErrorCode::Internal:
        case ErrorCode::Unavailable:
        case ErrorCode::Busy:
        case ErrorCode::Timeout:
        case ErrorCode::RateLimited:
            return true;
        default:
            return false;
        }
    }
    return true;
}

void syncOnce(Project& replica, Client& client, const Welcome& welcome, const SyncOptions& options, SyncReport& report)
{
    ReplicaApplier(replica).applyWelcome(welcome);
    fetchSamples(replica, client, options, report);
    pushOutbox(replica, client, options, report);
    pullChanges(replica, client, options, report);
    report.pending = replica.outbox().pendingCount();
}

std::vector<Endpoint> serversOf(Project& replica)
{
    const auto info = replica.replica().load();
    if (!info) {
        throw InputError(replica.path() + " is not a replica; make one with concord-cli join");
    }
    return parseEndpoints(info->server);
}

Welcome openSession(Project& replica, Client& client, const SyncOptions& options, SyncReport& report)
{
    const auto info = replica.replica().load();
    if (!info) {
        throw InputError(replica.path() + " is not a replica; make one with concord-cli join");
    }
    const std::string presented = client.connect();
    const bool changed =
        checkFingerprint(presented, info->fingerprint, options, client.endpoint().toString(), replica.path());
    Welcome welcome = client.hello(info->user, info->token, info->projectId, info->clientId);
    if (changed) {
        replica.replica().setFingerprint(presented);
        report.fingerprintChanged = true;
    }
    report.fingerprint = presented;
    return welcome;
}

namespace {

// Connects to the replica's server (retrying with backoff), checks its certificate against the
// pin before anything is sent, says hello, and runs `work` on the session. With several servers
// a failure moves on to the next at once; the backoff comes once each has been tried.
template <typename Work>
void withSession(Project& replica, const SyncOptions& options, SyncReport& report, const Work& work)
{
    const std::vector<Endpoint> servers = serversOf(replica);
    const int rounds = std::max(1, options.retry.attempts);
    const int total = rounds * static_cast<int>(servers.size());
    for (int attempt = 1;; ++attempt) {
        report.attempts = attempt;
        const Endpoint& endpoint = servers[static_cast<std::size_t>(attempt - 1) % servers.size()];
        try {
            Client client(endpoint, options.timeout);
            client.connection().setStopFlag(options.progress.cancelFlag());
            const Welcome welcome = openSession(replica, client, options, report);
            work(client, welcome);
            return;
        } catch (const NetError& error) {
            if (!isRetryable(error) || attempt >= total) {
                throw;
            }
            if (attempt % static_cast<int>(servers.size()) != 0) {
                const Endpoint& next = servers[static_cast<std::size_t>(attempt) % servers.size()];
                say(options, std::string(error.what()) + "; trying " + next.toString());
                continue;
            }
            const auto delay = backoffDelay(options.retry, attempt / static_cast<int>(servers.size()) + 1);
            say(options, std::string(error.what()) + "; trying again in " + std::to_string(delay.count()) + " ms");
            std::this_thread::sleep_for(delay);
        }
    }
}

} // namespace

SyncReport syncReplica(Project& replica, const SyncOptions& options)
{
    SyncReport report;
    withSession(replica, options, report,
                [&](Client& client, const Welcome& welcome) { syncOnce(replica, client, welcome, options, report); });
    return report;
}

Assignment requestAssignment(Project& replica, int count, const SyncOptions& options)
{
    SyncReport report;
    Assignment assignment;
    withSession(replica, options, report, [&](Client& client, const Welcome& welcome) {
        // Fetch first, so that every sample handed out is in the replica.
        syncOnce(replica, client, welcome, options, report);
        assignment = client.next(count);
    });
    return assignment;
}

JoinReport joinServer(const JoinOptions& options)
{
    if (std::filesystem::exists(options.path)) {
        throw InputError(options.path + " already exists; choose another file name for the replica");
    }
    Client client(options.endpoint, options.sync.timeout);
    const std::string presented = client.connect();
    checkFingerprint(presented, "", options.sync, options.endpoint.toString(), options.path);
    std::vector<Endpoint> servers{options.endpoint};
    servers.insert(servers.end(), options.fallbacks.begin(), options.fallbacks.end());
    const std::string serverList = joinEndpoints(parseEndpoints(joinEndpoints(servers))); // none twice
    const std::string clientId = randomId();
    const Welcome welcome = client.hello(options.user, options.token, "", clientId, options.project);

    // Built under a temporary name and renamed when complete, so that a failed join leaves no
    // half-made replica behind.
    const std::string partial = options.path + ".joining";
    const auto removePartial = [&] {
        std::error_code ignored;
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
            std::filesystem::remove(partial + suffix, ignored);
        }
    };
    removePartial();
    JoinReport report;
    try {
        {
            auto replica = Project::create(partial, settingsFrom(welcome.project), schemaOf(welcome.project));
            ReplicaInfo info;
            info.server = serverList;
            info.user = welcome.user;
            info.role = welcome.role;
            info.token = options.token;
            info.projectId = welcome.project.id;
            info.clientId = clientId;
            info.fingerprint = presented;
            replica->replica().create(info);
            syncOnce(*replica, client, welcome, options.sync, report.sync);
        }
        // Closing the last connection folds the WAL into the file; should a WAL remain, it
        // travels with the file it belongs to.
        if (std::filesystem::exists(partial + "-wal")) {
            std::filesystem::rename(partial + "-wal", options.path + "-wal");
        }
        std::filesystem::rename(partial, options.path);
    } catch (...) {
        removePartial();
        throw;
    }
    report.fingerprint = presented;
    report.sync.fingerprint = presented;
    report.role = welcome.role;
    report.projectName = welcome.project.name;
    return report;
}

} // namespace concord::net
