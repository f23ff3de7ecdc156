// The sync status in the status bar: a coloured dot and "Online", "Syncing…" or
// "Offline — reason", the count of edits not yet sent, and the time of the last successful
// sync of the open project's SyncBridge, which the project owns; a project that is not a
// replica shows "Local project", or "Hosting on port N" while the app serves it.
#pragma once

#include "app/gui/sync/SyncBridge.hpp"

#include <QWidget>

class QLabel;

namespace concord::gui {

class ServerHost;

class SyncStatusWidget : public QWidget
{
    Q_OBJECT

public:
    explicit SyncStatusWidget(QWidget* parent = nullptr);

    // Shows this service's state from now on (nullptr: a local project). The caller keeps it
    // alive until it shows another.
    void follow(SyncBridge* bridge);
    // A local project served from the app: its state shows in place of "Local project".
    void followHost(ServerHost* host);

    SyncBridge* bridge() const { return m_bridge; }
    bool isReplica() const { return m_bridge != nullptr; }
    QString stateText() const;
    QString pendingText() const;
    QString lastSyncText() const;

private:
    void showState(SyncState state, const QString& reason);
    void showPending(qint64 pending);
    void showLastSync(const QDateTime& at);
    void setDot(const char* color);
    void showLocal();

    QLabel* m_dot = nullptr;
    QLabel* m_state = nullptr;
    QLabel* m_pending = nullptr;
    QLabel* m_lastSync = nullptr;
    SyncBridge* m_bridge = nullptr;
    ServerHost* m_host = nullptr;
};

} // namespace concord::gui
