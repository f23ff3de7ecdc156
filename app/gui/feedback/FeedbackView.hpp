// The centre of the annotate screen for a project of fields and questions: the record's fields
// (FieldsPane) above, one box per question below in the schema's order, and the response's
// status. Tab and Shift+Tab move between questions; each choice is stored as it is made (the
// response stays a draft), Ctrl+Enter submits and moves on, Ctrl+S saves a written answer,
// Ctrl+D sets the record aside with an optional reason. A required question left unanswered
// is marked, and the response is not submitted. Storing is the session's job.
#pragma once

#include <QWidget>

#include <string>
#include <vector>

class QLabel;
class QLineEdit;
class QSplitter;
class QVBoxLayout;

namespace concord::gui {

class AnnotationSession;
class FieldsPane;
class QuestionBox;

class FeedbackView : public QWidget
{
    Q_OBJECT

public:
    explicit FeedbackView(QWidget* parent = nullptr);

    // Builds the question boxes for the session's project (nullptr: none open).
    void setSession(AnnotationSession* session);
    // Shows the session's current record with the annotator's answers.
    void showCurrent();
    void showPlaceholder(const QString& message);
    // The first question takes the keyboard.
    void takeKeyboard();
    // Whether a new record gives its first question the keyboard (default); a preview beside
    // an editor leaves the keyboard where the user types.
    void setTakesKeyboard(bool takes) { m_takesKeyboard = takes; }

    FieldsPane* fields() const { return m_fields; }
    QuestionBox* box(const std::string& question) const;
    QString statusText() const;
    QString displayedId() const { return m_displayedId; }

    void submit();
    void saveDraft();
    // Asks for the reason in a line under the questions; Enter discards, Escape does not.
    void askDiscard();

Q_SIGNALS:
    void notice(const QString& message);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void placeDivider();
    // Stores what the text boxes hold and has not been given yet; false when one was refused.
    bool giveTypedAnswers();
    void showStatus();
    void focusNextAfter(QuestionBox* box);

    AnnotationSession* m_session = nullptr;
    FieldsPane* m_fields = nullptr;
    QSplitter* m_splitter = nullptr;
    bool m_userPlaced = false; // the annotator moved the divider between fields and questions
    QWidget* m_form = nullptr;
    QVBoxLayout* m_boxes = nullptr;
    std::vector<QuestionBox*> m_questionBoxes;
    QLabel* m_idLabel = nullptr;
    QLabel* m_status = nullptr;
    QLineEdit* m_reason = nullptr;
    QString m_displayedId;
    bool m_takesKeyboard = true;
};

} // namespace concord::gui
