#include "app/gui/project/OpenProject.hpp"

#include "app/gui/project/AnnotationSession.hpp"
#include "app/gui/project/SampleListModel.hpp"
#include "app/gui/sync/ServerHost.hpp"
#include "core/store/Project.hpp"

#include <QFile>

namespace concord::gui {

OpenProject::OpenProject(std::unique_ptr<Project> project, const QString& annotator, const SyncTiming& timing,
                         QObject* parent)
    : QObject(parent), m_path(QFile::decodeName(QByteArray::fromStdString(project->path()))), m_user(annotator)
{
    const auto replica = project->replica().load();
    if (replica) {
        m_user = QString::fromStdString(replica->user);
        m_role = replica->role;
    }
    m_session = std::make_unique<AnnotationSession>(std::move(project), m_user.toStdString());
    m_samples = std::make_unique<SampleListModel>(m_session->project(), m_session->annotator());

    connect(m_session.get(), &AnnotationSession::sampleLabeled, this, &OpenProject::labelsChanged);
    connect(this, &OpenProject::labelsChanged, this, &OpenProject::labelsMayHaveChanged);
    connect(this, &OpenProject::changesArrived, this, &OpenProject::labelsMayHaveChanged);
    // New samples join the list and the progress; marks are read again.
    connect(this, &OpenProject::changesArrived, this, [this] {
        m_session->recount();
        m_samples->reload();
    });
    if (replica) {
        m_sync = std::make_unique<SyncBridge>(m_session->project().path(), timing);
        connect(m_sync.get(), &SyncBridge::changesReceived, this, &OpenProject::changesArrived);
        connect(this, &OpenProject::labelsChanged, m_sync.get(), &SyncBridge::syncSoon);
    }
}

OpenProject::~OpenProject()
{
    m_host.reset();
    m_sync.reset();
    m_samples.reset();
}

ServerHost& OpenProject::host()
{
    if (!m_host) {
        m_host = std::make_unique<ServerHost>(pathBytes());
        Q_EMIT hostCreated(m_host.get());
    }
    return *m_host;
}

Project& OpenProject::project() const
{
    return m_session->project();
}

std::string OpenProject::pathBytes() const
{
    return m_session->project().path();
}

QString OpenProject::name() const
{
    return m_session->projectName();
}

} // namespace concord::gui
