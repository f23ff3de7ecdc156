// "Host this project": serves the open project to a team on the same network from inside the
// app (the project's ServerHost), shows the addresses and port to join, the certificate's
// fingerprint to compare, and adds users, showing each new user's token once with what they do
// to join. The server is the project's: it keeps serving when the dialog closes, until Stop or
// until the project closes.
#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace concord::gui {

class ServerHost;

class HostDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr int kDefaultPort = 7443;

    // Shows and controls `host`, which serves `projectPath` and outlives the dialog.
    HostDialog(ServerHost& host, const QString& projectPath, QWidget* parent = nullptr);

    // Starts (or restarts) serving on `port` on every interface (0: any free port). Errors
    // appear in the dialog; returns whether it serves.
    bool start(int port = kDefaultPort);
    void stop();

    ServerHost* host() const { return m_host; }
    QLineEdit* userName() const { return m_userName; }
    QComboBox* userRole() const { return m_userRole; }
    QPushButton* addUserButton() const { return m_addUser; }
    QString statusText() const;
    QString addressesText() const;
    QString fingerprintText() const;
    QString errorText() const;
    QString tokenText() const;

private:
    void addUser();
    void showUsers();
    void showError(const QString& message);
    void showServing();

    QString m_path;
    ServerHost* m_host;
    QLabel* m_status = nullptr;
    QLabel* m_error = nullptr;
    QSpinBox* m_port = nullptr;
    QPushButton* m_startStop = nullptr;
    QLabel* m_addresses = nullptr;
    QLabel* m_fingerprint = nullptr;
    QListWidget* m_users = nullptr;
    QLineEdit* m_userName = nullptr;
    QComboBox* m_userRole = nullptr;
    QPushButton* m_addUser = nullptr;
    QLineEdit* m_token = nullptr;
    QLabel* m_tokenHelp = nullptr;
    QPlainTextEdit* m_log = nullptr;
};

} // namespace concord::gui
