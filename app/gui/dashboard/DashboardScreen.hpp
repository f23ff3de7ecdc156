// The dashboard: how far the annotators agree (Krippendorff's alpha with its bootstrap
// interval, the other coefficients), pairwise kappa as a heatmap, alpha per label, each
// annotator against the others, how often each label was given, and each annotator's progress
// over time; below, the model section (ModelSection). The numbers come from the
// core on a worker thread (see DashboardData); meanwhile the screen says "Computing…".
#pragma once

#include "app/gui/dashboard/DashboardData.hpp"

#include <QFutureWatcher>
#include <QWidget>

class QLabel;
class QPushButton;
class QScrollArea;

namespace concord::gui {

class ChartPanel;
class KappaHeatmap;
class ModelSection;

class DashboardScreen : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardScreen(QWidget* parent = nullptr);
    ~DashboardScreen() override;

    // The project file to read (its own connection, on the worker thread); empty: none open.
    // Marks the numbers out of date; they are computed when the screen is next shown.
    void setProjectPath(const QString& path);
    // Computes again now (the Refresh button, F5).
    void refresh();
    // Recomputes if the annotations may have changed since the last computation.
    void refreshIfStale();
    // Marks the numbers out of date (someone labeled or resolved a sample).
    void markStale() { m_stale = true; }

    // The agreement or the model section is being computed.
    bool isComputing() const;
    // Starts the model section's evaluation and scrolls down to it.
    void showModelResults();
    QString statusText() const;
    QString alphaText() const;
    QString intervalText() const;
    ChartPanel* pairsPanel() const { return m_pairs; }
    ChartPanel* perLabelPanel() const { return m_perLabel; }
    ChartPanel* annotatorsPanel() const { return m_annotators; }
    ChartPanel* distributionPanel() const { return m_distribution; }
    KappaHeatmap* heatmap() const { return m_heatmap; }
    ChartPanel* progressPanel() const { return m_progress; }
    ModelSection* modelSection() const { return m_model; }

Q_SIGNALS:
    void failed(const QString& message);
    void notice(const QString& message);
    // A computation finished (successfully or not) and the screen shows its result.
    void updated();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void finished();
    void show(const DashboardData& data);
    void showSummary(const DashboardData& data);
    void showPairs(const DashboardData& data);
    void showPerLabel(const DashboardData& data);
    void showAnnotators(const DashboardData& data);
    void showDistribution(const DashboardData& data);
    void showTimeline(const DashboardData& data);
    void clearCharts(const QString& note);

    QString m_path;
    QString m_computing; // the path the running computation reads
    bool m_stale = true;
    bool m_again = false; // refresh() asked while computing: compute once more when done
    QFutureWatcher<DashboardData> m_watcher;

    QLabel* m_status = nullptr;
    QLabel* m_alpha = nullptr;
    QLabel* m_interval = nullptr;
    QLabel* m_counts = nullptr;
    QLabel* m_coefficients = nullptr;
    QPushButton* m_refresh = nullptr;
    ChartPanel* m_pairs = nullptr;
    ChartPanel* m_perLabel = nullptr;
    ChartPanel* m_annotators = nullptr;
    ChartPanel* m_distribution = nullptr;
    KappaHeatmap* m_heatmap = nullptr;
    ChartPanel* m_progress = nullptr;
    ModelSection* m_model = nullptr;
    QScrollArea* m_scroll = nullptr;
};

} // namespace concord::gui
