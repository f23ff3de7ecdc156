// The sync client of the GUI: a thread of its own that syncs a replica with its server every
// few seconds and soon after each local edit, on its own connection to the project file (WAL
// lets it write while the GUI's connection reads and labels; the two never share a
// connection). Each round is one net::syncReplica; after a failure it waits with net's backoff.
// It reaches the GUI only through queued calls, and the GUI reaches it only through
// syncSoon(); there is no socket code here.
#pragma once

#include "net/client/Backoff.hpp"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

namespace concord {
class Project;
}

namespace concord::gui {

enum class SyncState
{
    Offline, // the server cannot be reached or refused us; reason() says why
    Online,  // the last round succeeded and nothing is left to send
    Syncing  // a round is sending or receiving
};

struct SyncTiming
{
    std::chrono::milliseconds interval{2000}; // between rounds while online
    std::chrono::milliseconds timeout{10000}; // for each answer from the server
    // Waits after failed rounds (the attempts field is unused: the bridge never gives up).
    net::RetryPolicy backoff{1, std::chrono::milliseconds(1000), std::chrono::milliseconds(30'000)};
};

class SyncBridge : public QObject
{
    Q_OBJECT

public:
    // Starts the worker at once; its first round begins immediately.
    explicit SyncBridge(std::string replicaPath, SyncTiming timing = {}, QObject* parent = nullptr);
    // Stops the worker and waits for it: a sync under way ends within about 100 ms.
    ~SyncBridge() override;
    SyncBridge(const SyncBridge&) = delete;
    SyncBridge& operator=(const SyncBridge&) = delete;

    // After a local edit: sync now when online; when offline, only the pending count is
    // refreshed and the backoff keeps its pace.
    void syncSoon();
    // Asks the server, on the worker, to reserve up to `count` samples for this user (after a
    // sync, so they are all in the replica): assigned() or assignmentFailed() answers.
    void requestAssignment(int count);

    SyncState state() const { return m_state; }
    QString reason() const { return m_reason; }
    qint64 pending() const { return m_pending; }
    QDateTime lastSync() const { return m_lastSync; }

Q_SIGNALS:
    void stateChanged(concord::gui::SyncState state, const QString& reason);
    void pendingChanged(qint64 pending);
    void synced(const QDateTime& at);
    // Annotations or gold labels from others arrived: views over the project may be stale.
    void changesReceived();
    // The server's reservation: sample ids (first those held already); empty with `waiting` > 0
    // when the rest are held by others for now, empty with 0 when nothing is left to label.
    void assigned(const QStringList& sampleIds, qint64 waiting);
    void assignmentFailed(const QString& reason);

private:
    struct Report
    {
        SyncState state = SyncState::Offline;
        std::string reason;
        std::int64_t pending = -1; // -1: unknown, keep the last count
        bool succeeded = false;
        bool received = false;
    };

    void run();
    // From the worker: hands a report to the GUI thread.
    void post(const Report& report);
    // On the worker: the reservation asked for, answered to the GUI thread.
    void assign(Project& replica, int count);
    // On the GUI thread.
    void apply(const Report& report);

    const std::string m_path;
    const SyncTiming m_timing;

    // Shared with the worker, under m_mutex.
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    // Read by the sync under way, so that closing the window does not wait for the server's
    // answer (up to the timeout when the server hangs).
    std::atomic<bool> m_stopNow{false};
    bool m_woken = false;
    int m_assignmentWanted = 0; // samples to ask the server for; 0: none

    // Worker only.
    std::string m_lastReason;

    // GUI thread only.
    SyncState m_state = SyncState::Syncing; // until the first round says otherwise
    QString m_reason;
    qint64 m_pending = 0;
    QDateTime m_lastSync;

    std::thread m_worker; // last: started when everything above exists
};

} // namespace concord::gui
