// The review screen for a project of fields and questions: pick a question; the records whose
// annotators disagree on it are listed, most contested first (opposite winners first for a
// preference, then the least agreement: core/review/QuestionReviewQueue); the record's fields
// show as the annotate screen shows them, every annotator's answer beside its name, and the
// question's box takes the gold value with the annotate screen's keys. Alt+1..9 accepts the
// n-th annotator's answer as gold (a written answer starts the editor from it instead, to be
// finished and given with Ctrl+S). Gold values go through Project::resolve; the next record
// without one follows. Filters (ReviewFilterBar) list drafts or set-aside records instead, or
// narrow the list to bias-flagged records or to a suggestion agent agreeing or not.
#pragma once

#include "app/gui/project/BackgroundTask.hpp"
#include "core/review/QuestionReviewQueue.hpp"

#include <QWidget>

#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QVBoxLayout;

namespace concord::gui {

class FieldsPane;
class OpenProject;
class QuestionBox;
class ReviewFilterBar;

class FeedbackReviewView : public QWidget
{
    Q_OBJECT

public:
    explicit FeedbackReviewView(QWidget* parent = nullptr);

    // Reviews `project` as its user (nullptr: none); the queue is built when refresh() runs.
    void setProject(OpenProject* project);
    void refresh();
    bool isLoading() const { return m_loader.isRunning(); }

    QStringList queueIds() const;
    QString currentId() const;
    // "ana: Response 1 better", one per annotator of the record shown.
    QStringList answerTexts() const;
    QuestionBox* goldBox() const { return m_gold; }
    FieldsPane* fields() const { return m_fields; }
    ReviewFilterBar* filters() const { return m_filters; }
    // The record's drafts and set-aside responses, as shown ("ben set it aside: …").
    QStringList pendingTexts() const;

Q_SIGNALS:
    void failed(const QString& message);
    void notice(const QString& message);
    void queueLoaded();

protected:
    void showEvent(QShowEvent* event) override;

private:
    const Question* question() const;
    void pickQuestion();
    void showQueue(std::vector<review::QuestionReviewItem> items);
    void showRow(int row);
    void accept(std::size_t answer);
    void clearAnswers();
    void resolve(const nlohmann::json& value);

    OpenProject* m_open = nullptr;
    bool m_stale = false; // answers changed while hidden
    std::vector<review::QuestionReviewItem> m_items;
    BackgroundTask<std::vector<review::QuestionReviewItem>> m_loader{this};
    QComboBox* m_questions = nullptr;
    ReviewFilterBar* m_filters = nullptr;
    QListWidget* m_queue = nullptr;
    QLabel* m_queueHeader = nullptr;
    QLabel* m_title = nullptr;
    FieldsPane* m_fields = nullptr;
    QVBoxLayout* m_answersLayout = nullptr;
    std::vector<QPushButton*> m_answers;
    std::vector<QLabel*> m_pending;
    QVBoxLayout* m_goldHolder = nullptr;
    QuestionBox* m_gold = nullptr;
    QLineEdit* m_note = nullptr;
    QLabel* m_goldLabel = nullptr;
};

} // namespace concord::gui
