// The dashboard's section for preference data, shown when the project has a preference question
// between two fields: the model leaderboard (ratings with their intervals as a chart, the
// win-rate matrix as a heat map) and the bias panel (each annotator's share of votes for the
// response shown first and for the longer one, with the exact binomial test's p-value and
// Holm's correction; flagged annotators marked) with the checks' flags under it. Computed in the
// background (PreferenceData). A click on a win-rate cell lists the votes behind it
// (PairVotesDialog); a flag activated lists the records behind it.
#pragma once

#include "app/gui/dashboard/PreferenceData.hpp"
#include "app/gui/project/BackgroundTask.hpp"
#include "app/gui/project/ProjectView.hpp"
#include "core/quality/leaderboard/ProjectComparisons.hpp"

#include <QWidget>

class QLabel;
class QListWidget;
class QTableWidget;

namespace concord::gui {

class ChartPanel;
class KappaHeatmap;
class PairVotesDialog;
class RatingsChart;
class RecordRowsDialog;

class PreferenceSection : public QWidget, public ProjectView
{
    Q_OBJECT

public:
    explicit PreferenceSection(QWidget* parent = nullptr);

    void setProject(OpenProject* project) override;
    // Computes again (the dashboard's refresh).
    void refresh();
    bool isRunning() const { return m_task.isRunning(); }

    QString statusText() const;
    RatingsChart* ratings() const { return m_ratings; }
    ChartPanel* ratingsPanel() const { return m_ratingsPanel; }
    KappaHeatmap* winRates() const { return m_winRates; }
    QTableWidget* biasTable() const { return m_bias; }
    QListWidget* flagList() const { return m_flagList; }

Q_SIGNALS:
    void failed(const QString& message);
    void notice(const QString& message);
    void updated();
    // The votes behind a win-rate cell are shown (the dialog is open).
    void votesShown(PairVotesDialog* dialog);
    // The records behind a bias flag are shown (the dialog is open).
    void flagRecordsShown(RecordRowsDialog* dialog);
    void openRecord(const QString& id);

private:
    void show(const PreferenceData& data);
    void showBias(const PreferenceData& data);
    void showVotes(int row, int column);
    void showFlagRecords(int row);

    OpenProject* m_project = nullptr;
    BackgroundTask<PreferenceData> m_task{this};
    // The votes behind a cell, with the cell's two models: a second click while the first runs
    // must not show the first's votes under the second's names.
    struct CellVotes
    {
        QString modelA, modelB;
        quality::PairVotes votes;
    };
    BackgroundTask<CellVotes> m_votes{this};
    QString m_question;
    QStringList m_models; // the win-rate matrix's rows and columns
    QLabel* m_title = nullptr;
    QLabel* m_status = nullptr;
    ChartPanel* m_ratingsPanel = nullptr;
    ChartPanel* m_winPanel = nullptr;
    ChartPanel* m_biasPanel = nullptr;
    RatingsChart* m_ratings = nullptr;
    KappaHeatmap* m_winRates = nullptr;
    QTableWidget* m_bias = nullptr;
    QListWidget* m_flagList = nullptr;
    std::vector<quality::Finding> m_flags; // the flags listed, by row
};

} // namespace concord::gui
