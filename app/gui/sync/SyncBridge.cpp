#include "app/gui/sync/SyncBridge.hpp"

#include "net/client/LiveSync.hpp"

#include <QMetaObject>

#include <algorithm>
#include <utility>

namespace concord::gui {

namespace {

// Rows the server could not send (stored before its size limits) are named, not hidden.
QString skippedRows(const net::SyncReport& report)
{
    if (report.skipped.empty()) {
        return {};
    }
    return QStringLiteral("%1 row%2 the server could not send, such as %3")
        .arg(report.skipped.size())
        .arg(report.skipped.size() == 1 ? "" : "s")
        .arg(QString::fromStdString(report.skipped.front()));
}

} // namespace

SyncBridge::SyncBridge(std::string replicaPath, SyncTiming timing, QObject* parent) : QObject(parent)
{
    net::LiveOptions options;
    options.sync.timeout = timing.timeout;
    options.reconnect = timing.backoff;
    options.refreshEvery = timing.refresh;
    options.stopOnRefusal = false; // a refusal is shown, and tried again later

    // Each callback runs on the session's thread: it copies what it reports and queues it to
    // this object, which Qt drops with the object if it is gone by then.
    const auto post = [this](auto apply) { QMetaObject::invokeMethod(this, std::move(apply), Qt::QueuedConnection); };
    net::LiveCallbacks callbacks;
    callbacks.synced = [this, post](net::LiveCause, const net::SyncReport& report) {
        post([this, report] { showSynced(report); });
    };
    callbacks.offline = [this, post](const net::LiveOffline& offline) {
        post([this, reason = QString::fromStdString(offline.reason)] { showOffline(reason); });
    };
    callbacks.pendingChanged = [this, post](std::int64_t pending) { post([this, pending] { showPending(pending); }); };
    callbacks.assigned = [this, post](const net::Assignment& assignment) {
        QStringList ids;
        for (const auto& id : assignment.samples) {
            ids.push_back(QString::fromStdString(id));
        }
        post([this, ids, waiting = qint64(assignment.waiting)] { Q_EMIT assigned(ids, waiting); });
    };
    callbacks.assignmentFailed = [this, post](const std::string& reason) {
        post([this, text = QString::fromStdString(reason)] { Q_EMIT assignmentFailed(text); });
    };
    m_live = std::make_unique<net::LiveSync>(std::move(replicaPath), options, std::move(callbacks));
    m_live->start();
}

SyncBridge::~SyncBridge()
{
    m_live.reset(); // stops and joins the session before the members it reports to go
}

void SyncBridge::syncSoon()
{
    m_live->pushSoon();
}

void SyncBridge::requestAssignment(int count)
{
    m_live->requestAssignment(std::max(count, 1));
}

void SyncBridge::showSynced(const net::SyncReport& report)
{
    showPending(report.pending);
    m_lastSync = QDateTime::currentDateTime();
    Q_EMIT synced(m_lastSync);
    setState(m_pending > 0 ? SyncState::Syncing : SyncState::Online, skippedRows(report));
    if (report.pulledAnnotations + report.pulledResolutions + report.newSamples > 0) {
        Q_EMIT changesReceived();
    }
}

void SyncBridge::showOffline(const QString& reason)
{
    setState(SyncState::Offline, reason);
}

void SyncBridge::showPending(qint64 pending)
{
    if (pending < 0 || pending == m_pending) {
        return;
    }
    m_pending = pending;
    Q_EMIT pendingChanged(m_pending);
    // Connected with edits to send: they are on their way.
    if (m_state == SyncState::Online && m_pending > 0) {
        setState(SyncState::Syncing, {});
    }
}

void SyncBridge::setState(SyncState state, const QString& reason)
{
    if (state != m_state || reason != m_reason) {
        m_state = state;
        m_reason = reason;
        Q_EMIT stateChanged(m_state, m_reason);
    }
}

} // namespace concord::gui
