// The review screen (the lead reviewer's): the disagreement queue on the left, most contested
// first; on the right the sample, every annotator's value side by side, the majority vote's
// suggestion and the model's prediction when one is stored. Keys 1..9 accept a candidate as
// the gold value; Alt with a label's key sets the gold value directly; Ctrl+L writes the note
// that goes with it. Gold values are stored through Project::resolve.
#pragma once

#include "app/gui/project/BackgroundTask.hpp"
#include "app/gui/project/ProjectView.hpp"
#include "core/review/ReviewQueue.hpp"

#include <QColor>
#include <QWidget>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QShortcut;
class QVBoxLayout;

namespace concord::gui {

class FeedbackReviewView;
class LabelBar;
class SampleTextView;

class ReviewScreen : public QWidget, public ProjectView
{
    Q_OBJECT

public:
    explicit ReviewScreen(QWidget* parent = nullptr);
    ~ReviewScreen() override;

    // Reviews `project` (nullptr: none) as its user. Labels changed here or by the team
    // rebuild the queue at once when the screen is shown, else when it is next shown.
    void setProject(OpenProject* project) override;
    // Rebuilds the queue from the project's annotations, keeping the current sample if it is
    // still contested. The queue is built in the background (all of a large project's
    // annotations are read: seconds on a million samples); queueLoaded() follows when it is shown.
    void refresh();
    // From refresh() until the queue it started is shown.
    bool isLoading() const;
    // The review of a project of fields and questions (shown instead of the label review).
    FeedbackReviewView* feedbackReview() const { return m_feedback; }

    // What the screen shows, for tests and the status bar.
    QStringList queueIds() const;
    QString currentId() const;
    QStringList candidateTexts() const;
    QLineEdit* noteEdit() const { return m_note; }

Q_SIGNALS:
    void failed(const QString& message);
    void notice(const QString& message);
    void queueLoaded();

protected:
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    struct Candidate
    {
        QString who;  // "alice", "majority vote (2 of 3)", "model builtin"
        QString what; // the value in words
        QString html; // spans: the text with this value's spans marked, as rich text
        QColor color;
        nlohmann::json value; // null: shown, not acceptable
    };

    void labelsChanged();
    void showQueue(std::vector<review::ReviewItem> items);
    void showRow(int row);
    void showPlaceholder(const QString& message);
    void buildCandidates(const review::ReviewItem& item);
    void addPrediction(std::int64_t key);
    void acceptCandidate(std::size_t index);
    void resolve(const nlohmann::json& value, const QString& source);
    void updateQueueRow(int row);
    void fitCandidates();
    void moveToNextUnresolved();

    OpenProject* m_open = nullptr;
    Project* m_project = nullptr; // m_open's
    std::string m_reviewer;
    std::vector<review::ReviewItem> m_items;
    BackgroundTask<std::vector<review::ReviewItem>> m_loader{this};
    bool m_stale = false;     // labels changed while the screen was hidden
    bool m_resolving = false; // this screen's own gold value is being stored
    std::vector<Candidate> m_candidates;

    QListWidget* m_queue = nullptr;
    QLabel* m_queueHeader = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_stats = nullptr;
    SampleTextView* m_text = nullptr;
    QLabel* m_gold = nullptr;
    QVBoxLayout* m_candidateLayout = nullptr;
    std::vector<QPushButton*> m_candidateButtons;
    QLineEdit* m_note = nullptr;
    QLabel* m_goldPrompt = nullptr;
    QVBoxLayout* m_barHolder = nullptr;
    LabelBar* m_bar = nullptr;
    QWidget* m_detail = nullptr;
    QWidget* m_side = nullptr;
    QWidget* m_main = nullptr;
    std::vector<QShortcut*> m_candidateKeys;
    FeedbackReviewView* m_feedback = nullptr;
    QLabel* m_placeholder = nullptr;
};

} // namespace concord::gui
