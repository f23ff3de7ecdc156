// "Join a server": address, user and token; connects once on a worker thread to learn the
// server certificate's fingerprint and asks the user to compare it with the host's before
// trusting it (trust on first use, as concord-cli join does); then joins on the worker thread,
// creating the replica file, and is accepted so that the window opens it. Errors stay in the
// dialog, naming what went wrong.
#pragma once

#include "app/gui/project/BackgroundTask.hpp"
#include <QDialog>

#include <chrono>

class QLabel;
class QLineEdit;
class QPushButton;

namespace concord::gui {

class JoinServerDialog : public QDialog
{
    Q_OBJECT

public:
    explicit JoinServerDialog(const QString& user, QWidget* parent = nullptr);
    // Waits for a connection or join in progress (bounded by the timeout).
    ~JoinServerDialog() override;

    QString replicaPath() const;
    QString fingerprintText() const;
    QString errorText() const;
    QLineEdit* address() const { return m_address; }
    QLineEdit* user() const { return m_user; }
    QLineEdit* token() const { return m_token; }
    QLineEdit* project() const { return m_project; }
    QLineEdit* file() const { return m_file; }
    QPushButton* connectButton() const { return m_connect; }
    QPushButton* joinButton() const { return m_join; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

Q_SIGNALS:
    // The server's fingerprint arrived and waits for the user's confirmation.
    void fingerprintShown(const QString& fingerprint);
    void failed(const QString& message);

private:
    struct Outcome
    {
        QString fingerprint;
        QString error;
    };

    void connectToServer();
    void join();
    void finished(const Outcome& outcome);
    void chooseFile();
    void setBusy(bool busy, const QString& status = {});
    void showError(const QString& message);
    void inputsChanged();

    QLineEdit* m_address = nullptr;
    QLineEdit* m_user = nullptr;
    QLineEdit* m_token = nullptr;
    QLineEdit* m_project = nullptr; // the project's name on a server of several; empty: its one
    QLineEdit* m_file = nullptr;
    QPushButton* m_chooseFile = nullptr;
    QLabel* m_fingerprint = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_connect = nullptr;
    QPushButton* m_join = nullptr;
    QPushButton* m_cancel = nullptr;
    QString m_confirmed; // the fingerprint the user was shown; the join accepts only this one
    bool m_joining = false;
    std::chrono::milliseconds m_timeout{10000};
    BackgroundTask<Outcome> m_task{this}; // the probe or the join; waited for when the dialog goes
};

} // namespace concord::gui
