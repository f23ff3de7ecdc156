#include "app/gui/newproject/SchemaPreview.hpp"

#include "app/gui/feedback/FeedbackView.hpp"
#include "app/gui/project/AnnotationSession.hpp"
#include "core/feedback/Templates.hpp"
#include "core/store/Project.hpp"

#include <QVBoxLayout>

namespace concord::gui {

SchemaPreview::SchemaPreview(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_view = new FeedbackView(this);
    m_view->setTakesKeyboard(false); // the keyboard stays in the schema being typed
    layout->addWidget(m_view);
}

SchemaPreview::~SchemaPreview()
{
    m_view->setSession(nullptr); // the view lets go of the session before it closes
}

void SchemaPreview::show(const RecordSchema& schema)
{
    ProjectSettings settings;
    settings.name = "Preview";
    const std::string path = m_dir.filePath(QStringLiteral("preview-%1.concord").arg(++m_made)).toStdString();
    auto project = Project::create(path, settings, schema);
    const RecordContent record = exampleRecord(schema);
    project->samples().insert("example", primaryText(schema, record), "{}", encodeRecord(record));
    auto session = std::make_unique<AnnotationSession>(std::move(project), "preview");
    m_view->setSession(session.get());
    m_session = std::move(session);
    m_session->start();
    m_view->showCurrent();
}

} // namespace concord::gui
