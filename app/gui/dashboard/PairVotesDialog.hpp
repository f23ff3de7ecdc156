// The votes behind one cell of the win-rate matrix: each record and annotator that compared the
// two models, and which one they chose. Activating a row (Enter, double-click) asks to open the
// record.
#pragma once

#include "core/quality/leaderboard/ProjectComparisons.hpp"

#include <QDialog>

class QLabel;
class QTableWidget;

namespace concord::gui {

class PairVotesDialog : public QDialog
{
    Q_OBJECT

public:
    PairVotesDialog(const QString& modelA, const QString& modelB, const quality::PairVotes& votes,
                    QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    QString summaryText() const;

Q_SIGNALS:
    void openRecord(const QString& id);

private:
    QLabel* m_summary = nullptr;
    QTableWidget* m_table = nullptr;
};

} // namespace concord::gui
