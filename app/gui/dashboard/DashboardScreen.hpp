// The dashboard: how far the annotators agree (Krippendorff's alpha with its bootstrap
// interval, the other coefficients), pairwise kappa as a heatmap, alpha per label, each
// annotator against the others, how often each label was given, and each annotator's progress
// over time; below, the model section (ModelSection). The numbers come from the
// core in the background (see DashboardData); meanwhile the screen says "Computing…". Labels
// changed here or by the team make the numbers out of date: the screen says so while shown
// (Refresh computes them again) and computes them again when it is next shown.
#pragma once

#include "app/gui/dashboard/DashboardData.hpp"
#include "app/gui/project/BackgroundTask.hpp"
#include "app/gui/project/ProjectView.hpp"

#include <QWidget>

class QLabel;
class QPushButton;
class QScrollArea;

namespace concord::gui {

class ChartPanel;
class KappaHeatmap;
class ModelSection;
class PreferenceSection;
class QuestionsSection;

class DashboardScreen : public QWidget, public ProjectView
{
    Q_OBJECT

public:
    explicit DashboardScreen(QWidget* parent = nullptr);

    // The project to read (its own connection, in the background); nullptr: none open. The
    // numbers are computed when the screen is next shown.
    void setProject(OpenProject* project) override;
    // Computes again now (the Refresh button, F5).
    void refresh();
    // Recomputes if the annotations may have changed since the last computation.
    void refreshIfStale();
    // Labels changed since the numbers shown were computed.
    bool isStale() const { return m_stale; }

    // The agreement or the model section is being computed.
    bool isComputing() const;
    // Starts the model section's evaluation and scrolls down to it.
    void showModelResults();
    // Scrolls down to the preference section once it is computed.
    void showPreferences();
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
    PreferenceSection* preferenceSection() const { return m_preferences; }
    QuestionsSection* questionsSection() const { return m_questions; }

Q_SIGNALS:
    void failed(const QString& message);
    void notice(const QString& message);
    // A computation finished (successfully or not) and the screen shows its result.
    void updated();
    // The user asked to see a record (a vote behind a win rate).
    void openSample(const QString& sampleId);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void finished(const DashboardData& data);
    void labelsChanged();
    void show(const DashboardData& data);
    void showSummary(const DashboardData& data);
    // The header for a project whose first question is not a label question.
    void showQuestionSummary(const DashboardData& data);
    void showPairs(const DashboardData& data);
    void showPerLabel(const DashboardData& data);
    void showAnnotators(const DashboardData& data);
    void showDistribution(const DashboardData& data);
    void showTimeline(const DashboardData& data);
    void clearCharts(const QString& note);

    OpenProject* m_project = nullptr;
    bool m_stale = true;
    BackgroundTask<DashboardData> m_task{this};

    QLabel* m_status = nullptr;
    QLabel* m_alpha = nullptr;
    QLabel* m_interval = nullptr;
    QLabel* m_counts = nullptr;
    QLabel* m_coefficients = nullptr;
    QPushButton* m_refresh = nullptr;
    QWidget* m_labelCharts = nullptr; // the charts of a label, span or rating question
    ChartPanel* m_pairs = nullptr;
    ChartPanel* m_perLabel = nullptr;
    ChartPanel* m_annotators = nullptr;
    ChartPanel* m_distribution = nullptr;
    KappaHeatmap* m_heatmap = nullptr;
    ChartPanel* m_progress = nullptr;
    PreferenceSection* m_preferences = nullptr;
    QuestionsSection* m_questions = nullptr;
    bool m_scrollToPreferences = false;
    ModelSection* m_model = nullptr;
    QScrollArea* m_scroll = nullptr;
};

} // namespace concord::gui
