// A live preview of the annotate screen for a schema not yet saved: a throw-away project in a
// temporary folder holding one example record (core exampleRecord), shown by the real
// FeedbackView, so that what the preview shows is what annotators will get.
#pragma once

#include "core/feedback/RecordSchema.hpp"

#include <QTemporaryDir>
#include <QWidget>

#include <memory>

class QLabel;

namespace concord::gui {

class AnnotationSession;
class FeedbackView;

class SchemaPreview : public QWidget
{
    Q_OBJECT

public:
    explicit SchemaPreview(QWidget* parent = nullptr);
    ~SchemaPreview() override;

    // Shows `schema` with its example record; throws what Project::create throws.
    void show(const RecordSchema& schema);
    FeedbackView* view() const { return m_view; }

private:
    QTemporaryDir m_dir;
    int m_made = 0; // preview files made, for a fresh name each time
    std::unique_ptr<AnnotationSession> m_session;
    FeedbackView* m_view = nullptr;
};

} // namespace concord::gui
