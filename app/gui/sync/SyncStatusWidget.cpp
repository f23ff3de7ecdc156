#include "app/gui/sync/SyncStatusWidget.hpp"

#include "app/gui/sync/ServerHost.hpp"

#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>

namespace concord::gui {

namespace {

constexpr int kDot = 10;
// The reason can be long (a fingerprint warning); the status bar shows its start, the tooltip all.
constexpr int kReasonWidth = 420;

} // namespace

SyncStatusWidget::SyncStatusWidget(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("syncStatus"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(6);
    m_dot = new QLabel(this);
    m_dot->setObjectName(QStringLiteral("syncDot"));
    m_dot->setFixedSize(kDot, kDot);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("syncState"));
    m_state->setTextFormat(Qt::PlainText);
    m_pending = new QLabel(this);
    m_pending->setObjectName(QStringLiteral("syncPending"));
    m_lastSync = new QLabel(this);
    m_lastSync->setObjectName(QStringLiteral("syncLast"));
    layout->addWidget(m_dot);
    layout->addWidget(m_state);
    // The three parts apart, the dot close to its words.
    layout->addSpacing(8);
    layout->addWidget(m_pending);
    layout->addSpacing(8);
    layout->addWidget(m_lastSync);
    setDot("#9e9e9e");
    m_state->setText(QStringLiteral("Local project"));
    m_pending->hide();
    m_lastSync->hide();
}

void SyncStatusWidget::follow(SyncBridge* bridge)
{
    if (m_bridge) {
        disconnect(m_bridge, nullptr, this, nullptr);
    }
    if (m_host) {
        disconnect(m_host, nullptr, this, nullptr);
        m_host = nullptr;
    }
    m_bridge = bridge;
    if (!m_bridge) {
        showLocal();
        return;
    }
    connect(m_bridge, &SyncBridge::stateChanged, this, &SyncStatusWidget::showState);
    connect(m_bridge, &SyncBridge::pendingChanged, this, &SyncStatusWidget::showPending);
    connect(m_bridge, &SyncBridge::synced, this, &SyncStatusWidget::showLastSync);
    showState(m_bridge->state(), m_bridge->reason());
    showPending(m_bridge->pending());
    m_pending->show();
    if (m_bridge->lastSync().isValid()) {
        showLastSync(m_bridge->lastSync());
    } else {
        m_lastSync->setText(QStringLiteral("not synced yet"));
    }
    m_lastSync->show();
}

void SyncStatusWidget::followHost(ServerHost* host)
{
    m_host = host;
    if (m_host) {
        connect(m_host, &ServerHost::runningChanged, this, &SyncStatusWidget::showLocal);
        connect(m_host, &QObject::destroyed, this, [this] { m_host = nullptr; });
    }
    showLocal();
}

void SyncStatusWidget::showLocal()
{
    m_pending->hide();
    m_lastSync->hide();
    if (m_host && m_host->isRunning()) {
        setDot("#2e7d32");
        m_state->setText(QStringLiteral("Hosting on port %1").arg(m_host->port()));
        m_state->setToolTip(QStringLiteral("The app serves this project to your team until you stop it in File "
                                           "\u203a Host this project\u2026 or close the project."));
        return;
    }
    setDot("#9e9e9e");
    m_state->setText(QStringLiteral("Local project"));
    m_state->setToolTip(QStringLiteral("This project is not joined to a server; nothing is synced."));
}

void SyncStatusWidget::showState(SyncState state, const QString& reason)
{
    switch (state) {
    case SyncState::Online:
        setDot("#2e7d32");
        if (reason.isEmpty()) {
            m_state->setText(QStringLiteral("Online"));
            m_state->setToolTip(QStringLiteral("Connected to the server; everything is sent."));
        } else {
            // Synced, but some rows could not come (the server's admin finds them with check).
            const QString text = QStringLiteral("Online \u2014 %1").arg(reason);
            m_state->setText(QFontMetrics(m_state->font()).elidedText(text, Qt::ElideRight, kReasonWidth));
            m_state->setToolTip(
                QStringLiteral("%1\nThe server's admin can list them with concord-cli check.").arg(text));
        }
        break;
    case SyncState::Syncing:
        setDot("#f9a825");
        m_state->setText(QStringLiteral("Syncing\u2026"));
        m_state->setToolTip(QString());
        break;
    case SyncState::Offline: {
        setDot("#c62828");
        const QString text = QStringLiteral("Offline \u2014 %1").arg(reason);
        m_state->setText(QFontMetrics(m_state->font()).elidedText(text, Qt::ElideRight, kReasonWidth));
        m_state->setToolTip(QStringLiteral("%1\nLabels are kept and sent when the server is back.").arg(text));
        break;
    }
    }
}

void SyncStatusWidget::showPending(qint64 pending)
{
    m_pending->setText(QStringLiteral("%L1 pending").arg(pending));
}

void SyncStatusWidget::showLastSync(const QDateTime& at)
{
    m_lastSync->setText(QStringLiteral("last sync %1").arg(at.toString(QStringLiteral("HH:mm:ss"))));
    m_lastSync->setToolTip(at.toString(Qt::ISODate));
}

void SyncStatusWidget::setDot(const char* color)
{
    m_dot->setStyleSheet(
        QStringLiteral("background: %1; border-radius: %2px;").arg(QLatin1String(color)).arg(kDot / 2));
}

QString SyncStatusWidget::stateText() const
{
    return m_state->text();
}

QString SyncStatusWidget::pendingText() const
{
    return m_pending->isHidden() ? QString() : m_pending->text();
}

QString SyncStatusWidget::lastSyncText() const
{
    return m_lastSync->isHidden() ? QString() : m_lastSync->text();
}

} // namespace concord::gui
