// The annotate screen: the samples list (with its filter) on the left, the current sample and
// its labels in the centre, the guidelines on the right. It wires the views to the session:
// values chosen become session records, the session's current sample is shown and selected.
#pragma once

#include "app/gui/project/ProjectView.hpp"

#include <QWidget>

#include <cstdint>

class QSplitter;

namespace concord::gui {

class AnnotateView;
class AnnotationSession;
class FeedbackView;
class FlagController;
class GuidelinesPanel;
class QueueController;
class SampleListModel;
class SamplePanel;

class AnnotateScreen : public QWidget, public ProjectView
{
    Q_OBJECT

public:
    explicit AnnotateScreen(QWidget* parent = nullptr);

    // Works on the project's session with its samples list (nullptr: nothing open).
    void setProject(OpenProject* project) override;
    void showPlaceholder(const QString& message);
    void setGuidelinesVisible(bool visible);
    // Gives the keyboard to where labeling starts: the samples list (whose label keys work
    // window-wide), or the first question of a project of fields and questions.
    void takeKeyboard();

    AnnotateView* view() const { return m_view; }
    // The centre for a project of fields and questions (shown instead of view()).
    FeedbackView* feedbackView() const { return m_feedback; }
    SamplePanel* samples() const { return m_samples; }
    GuidelinesPanel* guidelines() const { return m_guidelines; }
    FlagController* flags() const { return m_flags; }
    QueueController* queue() const { return m_queue; }

Q_SIGNALS:
    void failed(const QString& message);
    void notice(const QString& message);
    // The sample shown changed: its id, or empty when none is.
    void sampleShown(const QString& id);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void showCurrent();
    void selectInList(std::int64_t key);

    QSplitter* m_splitter = nullptr;
    SamplePanel* m_samples = nullptr;
    AnnotateView* m_view = nullptr;
    FeedbackView* m_feedback = nullptr;
    GuidelinesPanel* m_guidelines = nullptr;
    FlagController* m_flags = nullptr;
    QueueController* m_queue = nullptr;
    AnnotationSession* m_session = nullptr;
    SampleListModel* m_model = nullptr;
};

} // namespace concord::gui
