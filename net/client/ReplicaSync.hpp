// Joining a server (making a local replica) and syncing a replica: push the outbox, then pull
// samples and changes after the cursors. Every step is committed as it completes, so an
// interrupted sync resumes where it stopped; a failed connection is retried with backoff. The
// server's certificate is pinned on first use and checked before the token is sent.
#pragma once

#include "core/store/Project.hpp"
#include "core/util/Progress.hpp"
#include "net/NetError.hpp"
#include "net/client/Backoff.hpp"
#include "net/client/Client.hpp"
#include "net/client/Endpoint.hpp"

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace concord::net {

struct SyncOptions
{
    std::optional<std::string> acceptFingerprint; // a new fingerprint the user accepts deliberately
    RetryPolicy retry;
    std::chrono::milliseconds timeout = std::chrono::seconds(30);
    int pushBatch = 500;
    int pageSize = 500;
    // What the sync is doing, as messages (ProgressStep::what: "sent 500 operations", a retry);
    // once cancelled from another thread the sync ends within about 100 ms, as a timeout would
    // (Connection::setStopFlag). Without a cancel flag only the timeouts end it.
    Progress progress;
};

struct SyncReport
{
    std::int64_t newSamples = 0;
    std::int64_t pushed = 0;     // applied by the server
    std::int64_t duplicates = 0; // already there (an earlier acknowledgement was lost)
    std::int64_t superseded = 0; // applied to history; a later version stays current
    std::int64_t pulledAnnotations = 0;
    std::int64_t pulledResolutions = 0;
    std::int64_t pulledResponses = 0; // statuses (draft, submitted, discarded) of responses
    std::int64_t pulledSuggestions = 0;
    std::int64_t keptLocal = 0;
    std::vector<std::string> rejections;
    // Rows the server could not send (stored before its size limits; see SkippedRow): the sync
    // completed without them.
    std::vector<std::string> skipped;
    std::int64_t cursor = 0;
    std::int64_t pending = 0; // still in the outbox (edits made during the sync)
    int attempts = 0;
    std::string fingerprint;
    bool fingerprintChanged = false; // a new fingerprint was accepted and pinned
};

struct JoinOptions
{
    Endpoint endpoint;
    // Further servers of the same project (sharing its certificate), kept with the replica:
    // a sync moves to the next when one cannot be reached.
    std::vector<Endpoint> fallbacks;
    std::string user;
    std::string token;
    std::string path;    // the replica to create; must not exist
    std::string project; // the project's name, on a server of several; empty: the server's one
    SyncOptions sync;
};

struct JoinReport
{
    std::string fingerprint;
    Role role = Role::Annotator;
    std::string projectName;
    SyncReport sync;
};

JoinReport joinServer(const JoinOptions& options);
// Throws InputError when the project is not a replica; FingerprintMismatch; ServerError for a
// refusal that retrying cannot cure (login, revocation, another project); NetError when every
// attempt failed.
SyncReport syncReplica(Project& replica, const SyncOptions& options);

// Syncs, then reserves up to `count` samples for the replica's user (the server's assignment,
// see docs/protocol.md "next").
Assignment requestAssignment(Project& replica, int count, const SyncOptions& options);

// One sync on a client that has said hello: the welcome's settings, then fetchSamples,
// pushOutbox and pullChanges.
void syncOnce(Project& replica, Client& client, const Welcome& welcome, const SyncOptions& options, SyncReport& report);

// The steps of a sync, each page or batch committed as it completes (nothing half-applied; what
// was not acknowledged stays pending), adding what they did to `report`. A live session
// (LiveSync) runs them one at a time, as local edits and the server's notices ask.
void fetchSamples(Project& replica, Client& client, const SyncOptions& options, SyncReport& report);
void pushOutbox(Project& replica, Client& client, const SyncOptions& options, SyncReport& report);
void pullChanges(Project& replica, Client& client, const SyncOptions& options, SyncReport& report);

// The servers the replica syncs with, in the order to try them (one, or several of the same
// project for fail-over). Throws InputError when the project is not a replica.
std::vector<Endpoint> serversOf(Project& replica);
// One attempt, no retries: connects `client` (made for one of serversOf(replica)), checks the server's
// certificate against the pin before anything is sent (pinning a new one that the options
// accept), and says hello as the replica's user.
Welcome openSession(Project& replica, Client& client, const SyncOptions& options, SyncReport& report);
// Whether trying again later may cure the error: not a refused login, another project or a
// changed certificate.
bool isRetryable(const NetError& error);

} // namespace concord::net
