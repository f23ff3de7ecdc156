// The sync service of an open replica: a net::LiveSync on a thread of its own keeps one
// authenticated connection to the server while the project is open, pushes soon after each
// local edit, pulls as soon as the server announces a teammate's change, and reconnects with
// backoff when the connection drops. It has its own connection to the project file (WAL lets
// it write while the GUI's connection reads and labels). It reaches the GUI only through queued
// signals, and the GUI reaches it only through syncSoon() and requestAssignment(); there is no
// socket code here. The open project (OpenProject) owns it; widgets only show its state.
#pragma once

#include "net/client/Backoff.hpp"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QStringList>

#include <chrono>
#include <memory>
#include <string>

namespace concord::net {
class LiveSync;
struct LiveOffline;
struct SyncReport;
enum class LiveCause;
} // namespace concord::net

namespace concord::gui {

enum class SyncState
{
    Offline, // the server cannot be reached or refused us; reason() says why
    Online,  // connected, and nothing is left to send
    Syncing  // connecting, or edits are on their way
};

struct SyncTiming
{
    std::chrono::milliseconds timeout{10000}; // for each answer from the server
    // Waits before reconnecting (the attempts field is unused: the service never gives up).
    net::RetryPolicy backoff{1, std::chrono::milliseconds(1000), std::chrono::milliseconds(30'000)};
    // A pull without a notice this often: samples imported beside the running server bring none.
    std::chrono::milliseconds refresh{60'000};
};

class SyncBridge : public QObject
{
    Q_OBJECT

public:
    // Starts the live session at once.
    explicit SyncBridge(std::string replicaPath, SyncTiming timing = {}, QObject* parent = nullptr);
    // Stops the session and waits for it: a step under way ends within about 100 ms.
    ~SyncBridge() override;
    SyncBridge(const SyncBridge&) = delete;
    SyncBridge& operator=(const SyncBridge&) = delete;

    // After a local edit: sent now when connected; when offline, only the pending count is
    // refreshed and the backoff keeps its pace.
    void syncSoon();
    // Asks the server to reserve up to `count` samples for this user (fetched first, so they
    // are all in the replica): assigned() or assignmentFailed() answers.
    void requestAssignment(int count);

    SyncState state() const { return m_state; }
    QString reason() const { return m_reason; }
    qint64 pending() const { return m_pending; }
    QDateTime lastSync() const { return m_lastSync; }

Q_SIGNALS:
    void stateChanged(concord::gui::SyncState state, const QString& reason);
    void pendingChanged(qint64 pending);
    void synced(const QDateTime& at);
    // Annotations, gold labels or samples from others arrived: views over the project may be stale.
    void changesReceived();
    // The server's reservation: sample ids (first those held already); empty with `waiting` > 0
    // when the rest are held by others for now, empty with 0 when nothing is left to label.
    void assigned(const QStringList& sampleIds, qint64 waiting);
    void assignmentFailed(const QString& reason);

private:
    // On the GUI thread, from the session's queued reports.
    void showSynced(const net::SyncReport& report);
    void showOffline(const QString& reason);
    void showPending(qint64 pending);
    void setState(SyncState state, const QString& reason);

    SyncState m_state = SyncState::Syncing; // until the first sync says otherwise
    QString m_reason;
    qint64 m_pending = 0;
    QDateTime m_lastSync;

    std::unique_ptr<net::LiveSync> m_live; // last: its thread reports to everything above
};

} // namespace concord::gui
