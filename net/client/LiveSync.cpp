#include "net/client/LiveSync.hpp"

#include "core/store/ReadSnapshot.hpp"
#include "core/util/Error.hpp"

#include <algorithm>
#include <memory>
#include <utility>

namespace concord::net {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// While it exists, other threads can wake the client's waits (pushSoon, stop); declared after
// the client, so that it is withdrawn before the client goes.
class LiveSync::Published
{
public:
    Published(LiveSync& live, Client& client) : m_live(live)
    {
        std::lock_guard lock(m_live.m_mutex);
        m_live.m_client = &client;
    }
    ~Published()
    {
        std::lock_guard lock(m_live.m_mutex);
        m_live.m_client = nullptr;
    }
    Published(const Published&) = delete;
    Published& operator=(const Published&) = delete;

private:
    LiveSync& m_live;
};

LiveSync::LiveSync(std::string replicaPath, LiveOptions options, LiveCallbacks callbacks)
    : m_path(std::move(replicaPath)), m_options(std::move(options)), m_callbacks(std::move(callbacks))
{}

LiveSync::~LiveSync()
{
    stop();
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

void LiveSync::start()
{
    m_thread = std::thread([this] {
        try {
            run();
        } catch (const std::exception& error) {
            if (m_callbacks.offline) {
                m_callbacks.offline(LiveOffline{error.what(), milliseconds(0), true});
            }
        }
    });
}

void LiveSync::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_wanted.stop = true;
        m_stopNow = true;
        if (m_client != nullptr) {
            m_client->wake();
        }
    }
    m_wakeOffline.notify_all();
}

void LiveSync::pushSoon()
{
    {
        std::lock_guard lock(m_mutex);
        m_wanted.push = true;
        if (m_client != nullptr) {
            m_client->wake();
        }
    }
    m_wakeOffline.notify_all();
}

void LiveSync::requestAssignment(int count)
{
    {
        std::lock_guard lock(m_mutex);
        m_wanted.assignment = std::max(count, 1);
        if (m_client != nullptr) {
            m_client->wake();
        }
    }
    m_wakeOffline.notify_all();
}

LiveSync::Wanted LiveSync::take()
{
    std::lock_guard lock(m_mutex);
    const Wanted wanted = m_wanted;
    m_wanted.push = false;
    m_wanted.assignment = 0;
    return wanted; // a stop stays asked for
}

SyncOptions LiveSync::stepOptions() const
{
    SyncOptions options = m_options.sync;
    options.retry.attempts = 1;
    // The caller's reports, with this session's stop as the cancel flag.
    options.progress = Progress([report = m_options.sync.progress](
                                    const ProgressStep& step) { report.report(step.done, step.total, step.what); },
                                &m_stopNow);
    return options;
}

void LiveSync::run()
{
    std::unique_ptr<Project> replica;
    int failures = 0;
    while (!m_stopNow) {
        std::string reason;
        bool refused = false;
        try {
            if (!replica) {
                replica = Project::open(m_path); // opened here and used only here
            }
            // With several servers, each failure moves on to the next (fail-over).
            const std::vector<Endpoint> servers = serversOf(*replica);
            Client client(servers[static_cast<std::size_t>(failures) % servers.size()], m_options.sync.timeout);
            client.connection().setStopFlag(&m_stopNow);
            const Published published(*this, client);
            bool synced = false;
            try {
                session(*replica, client, synced);
                return; // stopped
            } catch (...) {
                if (synced) {
                    failures = 0; // it worked for a while: start the backoff afresh
                }
                throw;
            }
        } catch (const NetError& error) {
            if (m_stopNow) {
                return;
            }
            refused = !isRetryable(error);
            if (refused && m_options.stopOnRefusal) {
                throw;
            }
            reason = error.what();
            // "The server closed the connection" says which server, as a failed connect does.
            const auto info = replica ? replica->replica().load() : std::nullopt;
            if (info && reason.find(info->server) == std::string::npos) {
                reason = info->server + ": " + reason;
            }
        } catch (const std::exception& error) {
            // Not a replica, or the store failed: the next attempt opens the file afresh.
            if (m_stopNow) {
                return;
            }
            if (m_options.stopOnRefusal) {
                throw;
            }
            refused = dynamic_cast<const InputError*>(&error) != nullptr;
            reason = error.what();
            replica.reset();
        }
        ++failures;
        const milliseconds delay =
            refused ? m_options.reconnect.maxDelay : backoffDelay(m_options.reconnect, failures + 1);
        if (m_callbacks.offline) {
            m_callbacks.offline(LiveOffline{reason, delay, refused});
        }
        if (!waitOffline(replica.get(), delay, reason)) {
            return;
        }
    }
}

void LiveSync::session(Project& replica, Client& client, bool& synced)
{
    const SyncOptions options = stepOptions();
    SyncReport report;
    const Welcome welcome = openSession(replica, client, options, report);
    milliseconds pingInterval = m_options.pingInterval;
    if (welcome.idleTimeoutSeconds > 0) {
        pingInterval = std::min(pingInterval, milliseconds(welcome.idleTimeoutSeconds * 1000 / 3));
    }
    pingInterval = std::max(pingInterval, milliseconds(100));
    if (m_callbacks.connected) {
        m_callbacks.connected(LiveConnected{client.endpoint().toString(), welcome.user, welcome.role,
                                            report.fingerprint, report.fingerprintChanged, pingInterval});
    }

    store::releaseReadSnapshot(replica.database());
    syncOnce(replica, client, welcome, options, report);
    synced = true;
    m_noticed = 0;
    reportPending(replica);
    report.pending = m_shownPending;
    if (m_callbacks.synced) {
        m_callbacks.synced(LiveCause::Connected, report);
    }

    const milliseconds poll = m_options.outboxPoll;
    const milliseconds refresh = m_options.refreshEvery;
    auto lastRequest = Clock::now();
    auto nextPoll = lastRequest + poll;
    auto nextRefresh = lastRequest + refresh;
    for (;;) {
        const Wanted wanted = take();
        if (wanted.stop) {
            return;
        }
        bool push = wanted.push;
        if (poll.count() > 0 && Clock::now() >= nextPoll) {
            nextPoll = Clock::now() + poll;
            store::releaseReadSnapshot(replica.database());
            push = push || replica.outbox().pendingCount() > 0;
        }
        if (push) {
            sync(LiveCause::LocalEdit, replica, client);
            lastRequest = Clock::now();
        }
        if (wanted.assignment > 0) {
            assign(replica, client, wanted.assignment);
            lastRequest = Clock::now();
        }
        // Notices that arrived during the requests above, then a pull when one is news.
        while (const auto notice = client.waitForNotice(milliseconds(0))) {
            m_noticed = std::max(m_noticed, notice->head);
        }
        if (m_noticed > replica.replica().load()->cursor) {
            sync(LiveCause::Notice, replica, client);
            lastRequest = Clock::now();
            continue;
        }
        if (refresh.count() > 0 && Clock::now() >= nextRefresh) {
            sync(LiveCause::Refresh, replica, client);
            lastRequest = Clock::now();
            nextRefresh = lastRequest + refresh;
            continue;
        }

        const auto now = Clock::now();
        const auto pingDue = lastRequest + pingInterval;
        if (now >= pingDue) {
            client.ping();
            lastRequest = Clock::now();
            if (m_callbacks.alive) {
                m_callbacks.alive();
            }
            continue;
        }
        auto until = pingDue;
        if (poll.count() > 0) {
            until = std::min(until, nextPoll);
        }
        if (refresh.count() > 0) {
            until = std::min(until, nextRefresh);
        }
        // Idle: hold no read snapshot, so that the app's writes can be checkpointed meanwhile.
        store::releaseReadSnapshot(replica.database());
        const auto wait = std::chrono::ceil<milliseconds>(until - now);
        if (const auto notice = client.waitForNotice(wait)) {
            m_noticed = std::max(m_noticed, notice->head);
        }
    }
}

void LiveSync::sync(LiveCause cause, Project& replica, Client& client)
{
    const SyncOptions options = stepOptions();
    SyncReport report;
    store::releaseReadSnapshot(replica.database());
    if (cause == LiveCause::LocalEdit) {
        reportPending(replica);
        pushOutbox(replica, client, options, report);
        reportPending(replica); // acknowledged: before the pull, so that the count is current at once
    }
    pullChanges(replica, client, options, report);
    if (cause == LiveCause::Notice || cause == LiveCause::Refresh) {
        // Samples added on the server with the changes (or since) come along.
        fetchSamples(replica, client, options, report);
    }
    reportPending(replica);
    report.pending = m_shownPending;
    if (m_callbacks.synced) {
        m_callbacks.synced(cause, report);
    }
}

void LiveSync::assign(Project& replica, Client& client, int count)
{
    try {
        // Fetch first, so that every sample handed out is in the replica.
        SyncReport report;
        store::releaseReadSnapshot(replica.database());
        fetchSamples(replica, client, stepOptions(), report);
        const Assignment assignment = client.next(count);
        if (m_callbacks.assigned) {
            m_callbacks.assigned(assignment);
        }
    } catch (const NetError& error) {
        if (m_callbacks.assignmentFailed) {
            m_callbacks.assignmentFailed(error.what());
        }
        const auto* refusal = dynamic_cast<const ServerError*>(&error);
        if (refusal == nullptr || refusal->fatal()) {
            throw; // the connection is gone
        }
    }
}

void LiveSync::reportPending(Project& replica)
{
    store::releaseReadSnapshot(replica.database());
    const std::int64_t pending = replica.outbox().pendingCount();
    if (pending != m_shownPending) {
        m_shownPending = pending;
        if (m_callbacks.pendingChanged) {
            m_callbacks.pendingChanged(pending);
        }
    }
}

bool LiveSync::waitOffline(Project* replica, milliseconds delay, const std::string& reason)
{
    const auto deadline = Clock::now() + delay;
    for (;;) {
        Wanted wanted;
        bool due = false;
        {
            std::unique_lock lock(m_mutex);
            due = !m_wakeOffline.wait_until(
                lock, deadline, [this] { return m_wanted.stop || m_wanted.push || m_wanted.assignment > 0; });
        }
        wanted = take();
        if (wanted.stop) {
            return false;
        }
        if (wanted.assignment > 0 && m_callbacks.assignmentFailed) {
            m_callbacks.assignmentFailed("offline: " + reason);
        }
        if (wanted.push && replica != nullptr) {
            try {
                reportPending(*replica); // a local edit: the count changes, not the backoff's pace
            } catch (const std::exception&) {
                // The store is failing too; the next attempt says so.
            }
        }
        if (due) {
            return true;
        }
    }
}

} // namespace concord::net
