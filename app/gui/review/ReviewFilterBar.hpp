// The filters of the feedback review queue: which records (disagreements, drafts, set aside),
// only those behind a bias flag (preference questions), and a suggestion agent agreeing with the
// annotators' majority or not. The rules are the core's (review::QuestionReviewFilter).
#pragma once

#include "core/review/QuestionReviewQueue.hpp"

#include <QWidget>

#include <string>
#include <vector>

class QCheckBox;
class QComboBox;

namespace concord::gui {

class ReviewFilterBar : public QWidget
{
    Q_OBJECT

public:
    explicit ReviewFilterBar(QWidget* parent = nullptr);

    // Offers the filters that apply to `question`, with `agents` (those with suggestions for it);
    // the filters go back to showing every disagreement.
    void setQuestion(const Question& question, const std::vector<std::string>& agents);
    review::QuestionReviewFilter filter() const;
    // What the queue lists, for its header: "Disagreements", "Drafts" or "Set aside".
    QString listName() const;

    QComboBox* statusBox() const { return m_status; }
    QCheckBox* biasBox() const { return m_bias; }
    QComboBox* suggestionBox() const { return m_suggestion; }

Q_SIGNALS:
    void changed();

private:
    QComboBox* m_status = nullptr;
    QCheckBox* m_bias = nullptr;
    QComboBox* m_suggestion = nullptr;
};

} // namespace concord::gui
