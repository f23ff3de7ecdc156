// The sync status in the status bar: a coloured dot and "Online", "Syncing…" or
// "Offline — reason", the count of edits not yet sent, and the time of the last successful
// sync. It owns the SyncBridge of the open project when that project is a replica; any other
// project shows "Local project" and nothing else.
#pragma once

#include "app/gui/sync/SyncBridge.hpp"

#include <QWidget>

#include <memory>

class QLabel;

namespace concord {
class Project;
}

namespace concord::gui {

class SyncStatusWidget : public QWidget
{
    Q_OBJECT

public:
    explicit SyncStatusWidget(QWidget* parent = nullptr);
    ~SyncStatusWidget() override;

    // Follows this project from now on (a replica starts syncing; the previous one stops).
    void follow(Project& project);
    // Timing for the bridges made by later follow() calls (tests make it quick).
    void setTiming(const SyncTiming& timing) { m_timing = timing; }
    // A local edit: the bridge syncs soon.
    void localChange();

    SyncBridge* bridge() const { return m_bridge.get(); }
    bool isReplica() const { return m_bridge != nullptr; }
    QString stateText() const;
    QString pendingText() const;
    QString lastSyncText() const;

Q_SIGNALS:
    void changesReceived();

private:
    void showState(SyncState state, const QString& reason);
    void showPending(qint64 pending);
    void showLastSync(const QDateTime& at);
    void setDot(const char* color);

    QLabel* m_dot = nullptr;
    QLabel* m_state = nullptr;
    QLabel* m_pending = nullptr;
    QLabel* m_lastSync = nullptr;
    SyncTiming m_timing;
    std::unique_ptr<SyncBridge> m_bridge;
};

} // namespace concord::gui
