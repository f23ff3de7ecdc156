#include "app/gui/sync/SyncBridge.hpp"

#include "core/store/Project.hpp"
#include "core/store/ReadSnapshot.hpp"
#include "net/NetError.hpp"
#include "net/client/ReplicaSync.hpp"

#include <QMetaObject>

#include <algorithm>
#include <memory>
#include <utility>

namespace concord::gui {

SyncBridge::SyncBridge(std::string replicaPath, SyncTiming timing, QObject* parent)
    : QObject(parent), m_path(std::move(replicaPath)), m_timing(timing)
{
    m_worker = std::thread([this] { run(); });
}

SyncBridge::~SyncBridge()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_stopNow = true;
    m_wake.notify_all();
    m_worker.join();
    // Reports still queued for this object are dropped by Qt with it.
}

void SyncBridge::syncSoon()
{
    {
        std::lock_guard lock(m_mutex);
        m_woken = true;
    }
    m_wake.notify_all();
}

void SyncBridge::requestAssignment(int count)
{
    {
        std::lock_guard lock(m_mutex);
        m_assignmentWanted = std::max(count, 1);
        m_woken = true;
    }
    m_wake.notify_all();
}

void SyncBridge::assign(Project& replica, int count)
{
    net::SyncOptions options;
    options.retry.attempts = 1;
    options.timeout = m_timing.timeout;
    options.progress = Progress({}, &m_stopNow);
    try {
        const net::Assignment assignment = net::requestAssignment(replica, count, options);
        QStringList ids;
        for (const auto& id : assignment.samples) {
            ids.push_back(QString::fromStdString(id));
        }
        const qint64 waiting = assignment.waiting;
        QMetaObject::invokeMethod(
            this, [this, ids, waiting] { Q_EMIT assigned(ids, waiting); }, Qt::QueuedConnection);
    } catch (const std::exception& error) {
        // Reported to the GUI; the sync rounds go on as before.
        const QString reason = QString::fromUtf8(error.what());
        QMetaObject::invokeMethod(
            this, [this, reason] { Q_EMIT assignmentFailed(reason); }, Qt::QueuedConnection);
    }
}

void SyncBridge::post(const Report& report)
{
    QMetaObject::invokeMethod(
        this, [this, report] { apply(report); }, Qt::QueuedConnection);
}

void SyncBridge::apply(const Report& report)
{
    if (report.pending >= 0 && report.pending != m_pending) {
        m_pending = report.pending;
        Q_EMIT pendingChanged(m_pending);
    }
    if (report.succeeded) {
        m_lastSync = QDateTime::currentDateTime();
        Q_EMIT synced(m_lastSync);
    }
    const QString reason = QString::fromStdString(report.reason);
    if (report.state != m_state || reason != m_reason) {
        m_state = report.state;
        m_reason = reason;
        Q_EMIT stateChanged(m_state, m_reason);
    }
    if (report.received) {
        Q_EMIT changesReceived();
    }
}

void SyncBridge::run()
{
    using Clock = std::chrono::steady_clock;
    // Opened here and closed here: this connection never leaves the worker.
    std::unique_ptr<Project> replica;
    int failures = 0;
    SyncState shown = SyncState::Syncing;
    auto next = Clock::now();

    for (;;) {
        bool woken = false;
        int assignment = 0;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait_until(lock, next, [this] { return m_stopping || m_woken; });
            if (m_stopping) {
                return;
            }
            woken = std::exchange(m_woken, false);
            assignment = std::exchange(m_assignmentWanted, 0);
        }
        Report report;
        try {
            if (!replica) {
                replica = Project::open(m_path);
            }
            // A cached statement left unreset would keep showing the count of an old snapshot.
            store::releaseReadSnapshot(replica->database());
            report.pending = replica->outbox().pendingCount();
            if (assignment > 0) {
                assign(*replica, assignment); // syncs first, so the round below finds little to do
            }
            if (woken && failures > 0 && Clock::now() < next) {
                // Offline: a local edit changes the count, not the backoff's pace.
                report.state = shown;
                report.reason = shown == SyncState::Offline ? m_lastReason : std::string();
                post(report);
                continue;
            }
            if (shown == SyncState::Online && report.pending > 0) {
                shown = SyncState::Syncing;
                post({SyncState::Syncing, {}, report.pending, false, false});
            }

            net::SyncOptions options;
            options.retry.attempts = 1; // the bridge retries itself, between rounds
            options.timeout = m_timing.timeout;
            options.progress = Progress({}, &m_stopNow);
            const net::SyncReport result = net::syncReplica(*replica, options);
            failures = 0;
            shown = SyncState::Online;
            // Rows the server could not send (stored before its size limits) are named, not hidden.
            std::string skipped;
            if (!result.skipped.empty()) {
                skipped = std::to_string(result.skipped.size()) + " row" + (result.skipped.size() == 1 ? "" : "s") +
                          " the server could not send, such as " + result.skipped.front();
            }
            report = {SyncState::Online, skipped, result.pending, true,
                      result.pulledAnnotations + result.pulledResolutions + result.newSamples > 0};
            // Edits made during the round go at once; otherwise the next round in a while.
            next = Clock::now() + (result.pending > 0 ? std::chrono::milliseconds(0) : m_timing.interval);
        } catch (const std::exception& error) {
            // Unreachable, refused, a changed certificate, or a store error: all leave the
            // outbox as it was, so the next round simply tries again.
            ++failures;
            shown = SyncState::Offline;
            m_lastReason = error.what();
            if (assignment > 0 && !replica) {
                // The replica did not open, so assign() never ran: answer the request anyway.
                const QString reason = QString::fromUtf8(error.what());
                QMetaObject::invokeMethod(
                    this, [this, reason] { Q_EMIT assignmentFailed(reason); }, Qt::QueuedConnection);
            }
            report.state = SyncState::Offline;
            report.reason = m_lastReason;
            next = Clock::now() + net::backoffDelay(m_timing.backoff, failures + 1);
            if (dynamic_cast<const net::FingerprintMismatch*>(&error) != nullptr) {
                next = Clock::now() + m_timing.backoff.maxDelay; // the user must decide; no hurry
            }
        }
        post(report);
    }
}

} // namespace concord::gui
