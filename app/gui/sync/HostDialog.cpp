#include "app/gui/sync/HostDialog.hpp"

#include "app/gui/sync/ServerHost.hpp"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkInterface>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <stdexcept>

namespace concord::gui {

namespace {

// The addresses others on the network can reach this computer at (IPv4, not loopback).
QStringList lanAddresses()
{
    QStringList addresses;
    for (const QHostAddress& address : QNetworkInterface::allAddresses()) {
        if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback()) {
            addresses << address.toString();
        }
    }
    return addresses;
}

QLabel* selectable(QWidget* parent, const char* name)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

} // namespace

HostDialog::HostDialog(ServerHost& host, const QString& projectPath, QWidget* parent)
    : QDialog(parent), m_path(projectPath), m_host(&host)
{
    setWindowTitle(QStringLiteral("Host this project"));
    setMinimumWidth(620);
    auto* layout = new QVBoxLayout(this);

    auto* intro = new QLabel(QStringLiteral("Serves <b>%1</b> to your team on this network. It keeps serving when "
                                            "this window closes (the status bar says so), until you press Stop "
                                            "or close the project.")
                                 .arg(QFileInfo(projectPath).fileName().toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_error = selectable(this, "hostError");
    m_error->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    m_error->hide();
    layout->addWidget(m_error);

    auto* form = new QFormLayout;
    m_status = selectable(this, "hostStatus");
    form->addRow(QStringLiteral("Status:"), m_status);
    auto* portRow = new QHBoxLayout;
    m_port = new QSpinBox(this);
    m_port->setRange(1, 65535);
    m_port->setValue(kDefaultPort);
    m_startStop = new QPushButton(this);
    portRow->addWidget(m_port);
    portRow->addWidget(m_startStop);
    portRow->addStretch();
    form->addRow(QStringLiteral("Port:"), portRow);
    m_addresses = selectable(this, "hostAddresses");
    form->addRow(QStringLiteral("Join at:"), m_addresses);
    m_fingerprint = selectable(this, "hostFingerprint");
    m_fingerprint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    form->addRow(QStringLiteral("Fingerprint:"), m_fingerprint);
    m_users = new QListWidget(this);
    m_users->setMaximumHeight(90);
    form->addRow(QStringLiteral("Users:"), m_users);
    auto* addRow = new QHBoxLayout;
    m_userName = new QLineEdit(this);
    m_userName->setPlaceholderText(QStringLiteral("name, e.g. maria"));
    m_userRole = new QComboBox(this);
    m_userRole->addItems({QStringLiteral("annotator"), QStringLiteral("reviewer"), QStringLiteral("admin")});
    m_addUser = new QPushButton(QStringLiteral("Add user"), this);
    addRow->addWidget(m_userName, 1);
    addRow->addWidget(m_userRole);
    addRow->addWidget(m_addUser);
    form->addRow(QStringLiteral("Add a user:"), addRow);
    m_token = new QLineEdit(this);
    m_token->setObjectName(QStringLiteral("hostToken"));
    m_token->setReadOnly(true);
    m_token->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_token->setPlaceholderText(QStringLiteral("a new user's token appears here, once"));
    form->addRow(QStringLiteral("Token:"), m_token);
    m_tokenHelp = selectable(this, "hostTokenHelp");
    m_tokenHelp->hide();
    form->addRow(QString(), m_tokenHelp);
    layout->addLayout(form);

    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(500);
    m_log->setPlaceholderText(QStringLiteral("Refused logins and broken connections appear here."));
    m_log->setMaximumHeight(110);
    layout->addWidget(m_log);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setToolTip(QStringLiteral("The server keeps serving; Stop ends it"));
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_addUser, &QPushButton::clicked, this, &HostDialog::addUser);
    connect(m_userName, &QLineEdit::returnPressed, this, &HostDialog::addUser);
    connect(m_startStop, &QPushButton::clicked, this, [this] {
        if (m_host->isRunning()) {
            stop();
        } else {
            start(m_port->value());
        }
    });
    connect(m_host, &ServerHost::logged, m_log, &QPlainTextEdit::appendPlainText);
    showServing();
    showUsers();
}

bool HostDialog::start(int port)
{
    m_error->hide();
    try {
        m_host->start("0.0.0.0", static_cast<std::uint16_t>(port));
    } catch (const std::exception& error) {
        showError(
            QStringLiteral("Could not start the server on port %1: %2").arg(port).arg(QString::fromUtf8(error.what())));
        showServing();
        return false;
    }
    m_port->setValue(m_host->port());
    showServing();
    showUsers();
    return true;
}

void HostDialog::stop()
{
    m_host->stop();
    showServing();
}

void HostDialog::showServing()
{
    const bool running = m_host->isRunning();
    m_startStop->setText(running ? QStringLiteral("Stop") : QStringLiteral("Start"));
    m_port->setEnabled(!running);
    if (!running) {
        m_status->setText(QStringLiteral("Not serving."));
        m_addresses->setText(QStringLiteral("\u2014"));
        m_fingerprint->setText(QStringLiteral("\u2014"));
        return;
    }
    const QString port = QString::number(m_host->port());
    m_status->setText(QStringLiteral("Serving on port %1 on every network interface.").arg(port));
    QStringList lines;
    for (const QString& address : lanAddresses()) {
        lines << QStringLiteral("%1:%2").arg(address, port);
    }
    if (lines.isEmpty()) {
        lines << QStringLiteral("(no network found: only this computer can join)");
    }
    lines << QStringLiteral("127.0.0.1:%1  (this computer)").arg(port);
    m_addresses->setText(lines.join(QLatin1Char('\n')));
    m_fingerprint->setText(m_host->fingerprint());
}

void HostDialog::showUsers()
{
    m_users->clear();
    try {
        for (const HostedUser& user : m_host->users()) {
            m_users->addItem(QStringLiteral("%1 (%2)%3")
                                 .arg(user.name, user.role, user.revoked ? QStringLiteral(", revoked") : QString()));
        }
        if (m_users->count() == 0) {
            m_users->addItem(QStringLiteral("No users yet: add one below for each person who labels."));
        }
    } catch (const std::exception& error) {
        showError(QStringLiteral("Could not read the users: %1").arg(QString::fromUtf8(error.what())));
    }
}

void HostDialog::addUser()
{
    const QString name = m_userName->text().trimmed();
    if (name.isEmpty()) {
        showError(QStringLiteral("Type the new user's name first."));
        return;
    }
    QString token;
    try {
        token = m_host->addUser(name, m_userRole->currentText());
    } catch (const std::exception& error) {
        showError(QStringLiteral("Could not add %1: %2").arg(name, QString::fromUtf8(error.what())));
        return;
    }
    m_error->hide();
    m_userName->clear();
    m_token->setText(token);
    const QStringList addresses = lanAddresses();
    const QString address = QStringLiteral("%1:%2")
                                .arg(addresses.isEmpty() ? QStringLiteral("127.0.0.1") : addresses.front())
                                .arg(m_host->isRunning() ? m_host->port() : m_port->value());
    m_tokenHelp->setText(QStringLiteral("Give this token to %1 privately; it is shown only this once. In Concord they "
                                        "choose File \u203a Join a server\u2026 with the address %2, or run:\n"
                                        "concord-cli join %2 --user %1 --token TOKEN --out %1.concord")
                             .arg(name, address));
    m_tokenHelp->show();
    showUsers();
}

void HostDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_error->show();
}

QString HostDialog::statusText() const
{
    return m_status->text();
}

QString HostDialog::addressesText() const
{
    return m_addresses->text();
}

QString HostDialog::fingerprintText() const
{
    return m_fingerprint->text();
}

QString HostDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

QString HostDialog::tokenText() const
{
    return m_token->text();
}

} // namespace concord::gui
