// A replica's live session with its server: while it runs, one authenticated connection stays
// open. It syncs in full on connecting, pushes the outbox when told of a local edit (pushSoon),
// pulls as soon as the server's notice says that something was committed, pings so that the
// server's idle limit never closes it, and reconnects with backoff when the connection drops.
// Every step is one of ReplicaSync's (syncOnce, pushOutbox, pullChanges, fetchSamples), so the
// offline guarantees are those of a plain sync: nothing half-applied, unacknowledged edits stay
// pending. It runs on a thread of its own (start) or the caller's (run), opens its own
// connection to the replica file, and reports through callbacks, which a GUI service turns into
// queued signals; other threads reach it only through pushSoon, requestAssignment and stop.
#pragma once

#include "net/client/Backoff.hpp"
#include "net/client/ReplicaSync.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace concord::net {

struct LiveOptions
{
    // Each answer's timeout, a fingerprint to accept, batch and page sizes, progress lines.
    // Its cancel flag and `retry` are not used: stop() ends a live session, and it never gives up.
    SyncOptions sync;
    // The wait before reconnecting: from firstDelay, doubling up to maxDelay, with jitter;
    // back to firstDelay after a session that synced. (`attempts` is not used.)
    RetryPolicy reconnect{0, std::chrono::milliseconds(500), std::chrono::seconds(30)};
    // A ping after this long without a request; lowered to a third of the idle limit the
    // server announces in its welcome (120 s by default, so 30 s stays).
    std::chrono::milliseconds pingInterval = std::chrono::seconds(30);
    // Also look at the outbox this often and push what is pending (0: only after pushSoon()):
    // for edits made by another process, such as `concord-cli label` beside `sync --watch`.
    std::chrono::milliseconds outboxPoll{0};
    // Also pull changes and new samples this often without a notice (0: never): samples
    // imported into the server's file by another process (`import` beside a running server)
    // bring no notice, since that server never saw them committed.
    std::chrono::milliseconds refreshEvery{0};
    // A refusal that retrying cannot cure (a refused login, a revoked token, another project, a
    // changed certificate, not a replica, a store error) ends run() with its exception. When
    // false it is reported and tried again after reconnect.maxDelay (store errors after the
    // usual backoff), so that a fix made meanwhile is picked up.
    bool stopOnRefusal = false;
};

// Why a sync step ran.
enum class LiveCause
{
    Connected, // the full sync after each connection
    LocalEdit, // pushSoon() or the outbox poll: the outbox was pushed, then changes pulled
    Notice,    // the server announced new changes: pulled
    Refresh    // refreshEvery passed: pulled, samples fetched
};

struct LiveConnected
{
    std::string server; // HOST:PORT
    std::string user;
    Role role = Role::Annotator;
    std::string fingerprint;
    bool fingerprintChanged = false; // a new certificate was accepted and pinned
    std::chrono::milliseconds pingInterval{0};
};

struct LiveOffline
{
    std::string reason;
    std::chrono::milliseconds retryIn{0}; // until the next attempt
    bool refused = false;                 // retrying cannot cure it (see stopOnRefusal)
};

// Called on the session's thread, one at a time and under no lock, so they may call pushSoon(),
// requestAssignment() and stop() (not the destructor). They must not throw, and should return
// quickly: the connection waits meanwhile.
struct LiveCallbacks
{
    std::function<void(const LiveConnected&)> connected;
    // The connection dropped or could not be made.
    std::function<void(const LiveOffline&)> offline;
    // A step completed: what it sent and received (this step's counts alone); rows were stored
    // before the call.
    std::function<void(LiveCause, const SyncReport&)> synced;
    // The outbox's count, whenever it is seen to change (right after a push is acknowledged).
    std::function<void(std::int64_t pending)> pendingChanged;
    // The server answered a keep-alive ping.
    std::function<void()> alive;
    // requestAssignment's answer: the server's reservation, or why there is none.
    std::function<void(const Assignment&)> assigned;
    std::function<void(const std::string& reason)> assignmentFailed;
};

class LiveSync
{
public:
    LiveSync(std::string replicaPath, LiveOptions options = {}, LiveCallbacks callbacks = {});
    // stop(), then waits for the thread start() made.
    ~LiveSync();
    LiveSync(const LiveSync&) = delete;
    LiveSync& operator=(const LiveSync&) = delete;

    // Runs run() on a thread of its own. An exception that ends it (stopOnRefusal) is reported
    // through `offline` with `refused`, and the thread ends.
    void start();
    // Runs on the calling thread until stop(); with stopOnRefusal, throws what ended it
    // (InputError, StoreError, ServerError, FingerprintMismatch). Once per object.
    void run();
    // From any thread, callbacks included: the session ends promptly (the step under way is
    // cancelled as a timeout would; what it committed stays committed). Does not wait.
    void stop();
    // From any thread, after a local edit: push the outbox now when connected; when offline,
    // only the pending count is refreshed and the backoff keeps its pace.
    void pushSoon();
    // From any thread: reserve up to `count` samples for the replica's user (`assigned` or
    // `assignmentFailed` answers; at once with the reason while offline).
    void requestAssignment(int count);

private:
    struct Wanted
    {
        bool stop = false;
        bool push = false;
        int assignment = 0;
    };
    class Published;

    // The flags set by other threads since the last call, cleared.
    Wanted take();
    // One connection: returns when stopped, throws when it failed. `synced` is set once its first
    // sync completed.
    void session(Project& replica, Client& client, bool& synced);
    // Waits offline until `delay` has passed or stop(), answering requests meanwhile; false
    // when stopped.
    bool waitOffline(Project* replica, std::chrono::milliseconds delay, const std::string& reason);
    void reportPending(Project& replica);
    void sync(LiveCause cause, Project& replica, Client& client);
    // A refusal of the request alone is answered and the session goes on.
    void assign(Project& replica, Client& client, int count);
    SyncOptions stepOptions() const;

    const std::string m_path;
    const LiveOptions m_options;
    const LiveCallbacks m_callbacks;

    // Shared with other threads, under m_mutex.
    std::mutex m_mutex;
    std::condition_variable m_wakeOffline;
    Wanted m_wanted;
    Client* m_client = nullptr; // connected: woken by pushSoon, requestAssignment and stop
    // Read by the step under way, so that stop() cancels it (Connection::setStopFlag).
    std::atomic<bool> m_stopNow{false};

    // The session's thread only.
    std::int64_t m_shownPending = -1;
    std::int64_t m_noticed = 0; // the highest head announced

    std::thread m_thread; // last: started when everything above exists
};

} // namespace concord::net
