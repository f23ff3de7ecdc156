// The dashboard's table of questions for a project of fields and questions: each question's
// responses by status, its agreement coefficient with the bootstrap interval where it has one;
// below, the selected question per annotator (responses by status, agreement with the others'
// majority, kappa). The numbers are the core's (quality::summarizeQuestion), computed with the
// rest of the dashboard.
#pragma once

#include "core/quality/agreement/QuestionSummary.hpp"

#include <QWidget>

#include <vector>

class QLabel;
class QTableWidget;

namespace concord::gui {

class QuestionsSection : public QWidget
{
    Q_OBJECT

public:
    explicit QuestionsSection(QWidget* parent = nullptr);

    void show(std::vector<quality::QuestionSummary> questions);
    // Shows `row`'s annotators below (the table's selection does the same).
    void selectQuestion(int row);

    QTableWidget* questionsTable() const { return m_questions; }
    QTableWidget* annotatorsTable() const { return m_annotators; }
    QString annotatorsTitle() const;

private:
    std::vector<quality::QuestionSummary> m_summaries;
    QTableWidget* m_questions = nullptr;
    QLabel* m_annotatorsTitle = nullptr;
    QTableWidget* m_annotators = nullptr;
};

} // namespace concord::gui
