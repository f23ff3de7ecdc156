// The open project, as every screen and dialog receives it: the annotator's session, the
// samples list model, the sync service when the project is a replica, the path, the user and
// role, and the signals a view over the project follows. MainWindow makes one per opened
// project and hands it to each screen through ProjectView::setProject; closing it (deleting
// it) is the one way a project goes away, and background work started for it is dropped then.
#pragma once

#include "app/gui/sync/SyncBridge.hpp"
#include "core/model/Role.hpp"

#include <QObject>
#include <QString>

#include <memory>
#include <string>

namespace concord {
class Project;
}

namespace concord::gui {

class AnnotationSession;
class SampleListModel;
class ServerHost;

class OpenProject : public QObject
{
    Q_OBJECT

public:
    // Takes the project (on a replica, the user is the one it was joined as: the server accepts
    // no other). May throw StoreError while reading the first page or the counts; nothing is
    // started then. A replica's sync starts at once with `timing`.
    OpenProject(std::unique_ptr<Project> project, const QString& annotator, const SyncTiming& timing = {},
                QObject* parent = nullptr);
    // Stops the server and the sync first: their threads write the same file.
    ~OpenProject() override;

    Project& project() const;
    AnnotationSession& session() const { return *m_session; }
    SampleListModel& samples() const { return *m_samples; }
    // The replica's sync service, or nullptr for a local project.
    SyncBridge* sync() const { return m_sync.get(); }
    // The server that serves this project to a team from inside the app (made on first use,
    // stopped when the project closes), and whether one was made.
    ServerHost& host();
    ServerHost* hostIfAny() const { return m_host.get(); }
    QString path() const { return m_path; }
    std::string pathBytes() const;
    QString name() const;
    QString user() const { return m_user; }
    // On a replica, the role the server gave the user; locally everyone may do everything.
    Role role() const { return m_role; }
    bool isReplica() const { return m_sync != nullptr; }

Q_SIGNALS:
    // The user stored, changed or took back a label here.
    void labelsChanged();
    // A sync brought annotations, gold labels or samples from the team.
    void changesArrived();
    // Either of the two: what views over the labels follow.
    void labelsMayHaveChanged();
    // host() made the project's server: the status bar follows it.
    void hostCreated(concord::gui::ServerHost* host);

private:
    QString m_path;
    QString m_user;
    Role m_role = Role::Admin;
    // The model reads through the session's project: declared after it, destroyed before it.
    std::unique_ptr<AnnotationSession> m_session;
    std::unique_ptr<SampleListModel> m_samples;
    std::unique_ptr<SyncBridge> m_sync; // stopped before the rest goes
    std::unique_ptr<ServerHost> m_host; // last: stopped first
};

} // namespace concord::gui
