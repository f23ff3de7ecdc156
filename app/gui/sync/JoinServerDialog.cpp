#include "app/gui/sync/JoinServerDialog.hpp"

#include "core/util/Error.hpp"
#include "net/NetError.hpp"
#include "net/client/Client.hpp"
#include "net/client/Endpoint.hpp"
#include "net/client/ReplicaSync.hpp"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace concord::gui {

namespace {

QString words(const std::exception& error)
{
    return QString::fromUtf8(error.what());
}

} // namespace

JoinServerDialog::JoinServerDialog(const QString& user, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(QStringLiteral("Join a server"));
    setMinimumWidth(560);
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(QStringLiteral("Make a copy of a project someone hosts, label in it (also offline), and "
                                            "have your labels sent to the host. Ask the host for the address, your "
                                            "user name and your token."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    m_address = new QLineEdit(this);
    m_address->setPlaceholderText(QStringLiteral("HOST:PORT, e.g. 192.168.1.20:7443"));
    form->addRow(QStringLiteral("&Address:"), m_address);
    m_user = new QLineEdit(user, this);
    form->addRow(QStringLiteral("&User:"), m_user);
    m_token = new QLineEdit(this);
    m_token->setEchoMode(QLineEdit::Password);
    form->addRow(QStringLiteral("&Token:"), m_token);
    m_project = new QLineEdit(this);
    m_project->setPlaceholderText(QStringLiteral("only when the server serves several projects"));
    form->addRow(QStringLiteral("&Project:"), m_project);
    auto* fileRow = new QHBoxLayout;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    m_file = new QLineEdit(
        QDir(documents.isEmpty() ? QDir::homePath() : documents)
            .filePath(QStringLiteral("%1-team.concord").arg(user.isEmpty() ? QStringLiteral("my") : user)),
        this);
    m_chooseFile = new QPushButton(QStringLiteral("Choose\u2026"), this);
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_chooseFile);
    form->addRow(QStringLiteral("Save &as:"), fileRow);
    layout->addLayout(form);

    m_fingerprint = new QLabel(this);
    m_fingerprint->setObjectName(QStringLiteral("joinFingerprint"));
    m_fingerprint->setWordWrap(true);
    m_fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fingerprint->hide();
    layout->addWidget(m_fingerprint);
    m_status = new QLabel(this);
    m_status->hide();
    layout->addWidget(m_status);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("joinError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    m_error->hide();
    layout->addWidget(m_error);

    auto* buttons = new QDialogButtonBox(this);
    m_connect = buttons->addButton(QStringLiteral("&Connect"), QDialogButtonBox::ActionRole);
    m_join = buttons->addButton(QStringLiteral("&Trust and join"), QDialogButtonBox::AcceptRole);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_join->setEnabled(false);
    m_connect->setDefault(true);
    layout->addWidget(buttons);

    connect(m_connect, &QPushButton::clicked, this, &JoinServerDialog::connectToServer);
    connect(m_join, &QPushButton::clicked, this, &JoinServerDialog::join);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_chooseFile, &QPushButton::clicked, this, &JoinServerDialog::chooseFile);
    connect(m_address, &QLineEdit::textChanged, this, &JoinServerDialog::inputsChanged);
    m_task.onDone([this](Outcome&& outcome) { finished(outcome); });
}

JoinServerDialog::~JoinServerDialog() = default; // m_task waits: the join writes the replica file

QString JoinServerDialog::replicaPath() const
{
    return m_file->text().trimmed();
}

QString JoinServerDialog::fingerprintText() const
{
    return m_fingerprint->isHidden() ? QString() : m_confirmed;
}

QString JoinServerDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void JoinServerDialog::inputsChanged()
{
    // A fingerprint belongs to the address it came from.
    m_confirmed.clear();
    m_fingerprint->hide();
    m_join->setEnabled(false);
    m_connect->setDefault(true);
}

void JoinServerDialog::connectToServer()
{
    m_error->hide();
    net::Endpoint endpoint;
    try {
        endpoint = net::parseEndpoints(m_address->text().trimmed().toStdString()).front(); // tried first
    } catch (const std::exception& error) {
        showError(QStringLiteral("The address is not valid: %1").arg(words(error)));
        return;
    }
    m_joining = false;
    setBusy(true, QStringLiteral("Connecting to %1\u2026").arg(QString::fromStdString(endpoint.toString())));
    m_task.run(this, [endpoint, timeout = m_timeout](const Progress&) {
        Outcome outcome;
        try {
            net::Client client(endpoint, timeout);
            outcome.fingerprint = QString::fromStdString(client.connect());
            client.close();
        } catch (const std::exception& error) {
            outcome.error = QStringLiteral("Could not reach a Concord server at %1: %2")
                                .arg(QString::fromStdString(endpoint.toString()), words(error));
        }
        return outcome;
    });
}

void JoinServerDialog::join()
{
    m_error->hide();
    if (m_confirmed.isEmpty()) {
        showError(QStringLiteral("Connect first, to see and compare the server's fingerprint."));
        return;
    }
    const QString path = replicaPath();
    if (m_user->text().trimmed().isEmpty() || m_token->text().trimmed().isEmpty()) {
        showError(QStringLiteral("Fill in your user name and the token the host gave you."));
        return;
    }
    if (path.isEmpty()) {
        showError(QStringLiteral("Choose where to save your copy of the project."));
        return;
    }
    net::JoinOptions options;
    try {
        const auto servers = net::parseEndpoints(m_address->text().trimmed().toStdString());
        options.endpoint = servers.front();
        options.fallbacks.assign(servers.begin() + 1, servers.end());
    } catch (const std::exception& error) {
        showError(QStringLiteral("The address is not valid: %1").arg(words(error)));
        return;
    }
    options.user = m_user->text().trimmed().toStdString();
    options.token = m_token->text().trimmed().toStdString();
    options.project = m_project->text().trimmed().toStdString();
    options.path = QFile::encodeName(path).toStdString();
    // Only the certificate the user compared: a different one now is refused before sending.
    options.sync.acceptFingerprint = m_confirmed.toStdString();
    options.sync.timeout = m_timeout;
    options.sync.retry.attempts = 2;
    m_joining = true;
    setBusy(true, QStringLiteral("Joining and receiving the project\u2026"));
    m_task.run(this, [options](const Progress&) {
        Outcome outcome;
        try {
            outcome.fingerprint = QString::fromStdString(net::joinServer(options).fingerprint);
        } catch (const net::FingerprintMismatch& error) {
            outcome.error = QStringLiteral("The server's certificate is not the one you confirmed; nothing was sent. "
                                           "%1")
                                .arg(words(error));
        } catch (const net::ServerError& error) {
            outcome.error = QStringLiteral("The server refused to let you join: %1").arg(words(error));
        } catch (const net::NetError& error) {
            outcome.error = QStringLiteral("The connection to the server failed: %1").arg(words(error));
        } catch (const std::exception& error) {
            outcome.error = QStringLiteral("Could not make your copy of the project: %1").arg(words(error));
        }
        return outcome;
    });
}

void JoinServerDialog::finished(const Outcome& outcome)
{
    setBusy(false);
    if (!outcome.error.isEmpty()) {
        showError(outcome.error);
        return;
    }
    if (m_joining) {
        accept();
        return;
    }
    m_confirmed = outcome.fingerprint;
    m_fingerprint->setText(
        QStringLiteral("The server presents the certificate<br><tt>%1</tt><br>Compare it with the fingerprint the host "
                       "sees (in the host's \u201cHost this project\u201d window, or printed by concord-cli serve). "
                       "Join only if they are the same: it is then remembered, and a different one is refused.")
            .arg(outcome.fingerprint.toHtmlEscaped()));
    m_fingerprint->show();
    m_join->setEnabled(true);
    m_join->setDefault(true);
    Q_EMIT fingerprintShown(outcome.fingerprint);
}

void JoinServerDialog::chooseFile()
{
    const QString path = QFileDialog::getSaveFileName(this, QStringLiteral("Save your copy as"), m_file->text(),
                                                      QStringLiteral("Concord projects (*.concord)"));
    if (!path.isEmpty()) {
        m_file->setText(path);
    }
}

void JoinServerDialog::setBusy(bool busy, const QString& status)
{
    m_connect->setEnabled(!busy);
    m_join->setEnabled(!busy && !m_confirmed.isEmpty());
    m_address->setEnabled(!busy);
    m_status->setText(status);
    m_status->setVisible(busy);
}

void JoinServerDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_error->show();
    Q_EMIT failed(message);
}

} // namespace concord::gui
