// The dashboard's model section: the built-in model's cross-validation (a table of each fold's
// accuracy and macro-F1 with their mean), the pooled confusion matrix, one-vs-rest ROC curves,
// the active-learning curve (each strategy against random), and several models compared.
// "Evaluate models" trains and scores them in the background (core/learn/ModelResults, on a
// connection of its own) with a progress bar and a Cancel button; the window stays responsive.
#pragma once

#include "app/gui/project/BackgroundTask.hpp"
#include "app/gui/project/ProjectView.hpp"
#include "core/learn/ModelResults.hpp"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace concord::gui {

class ChartPanel;
class ConfusionHeatmap;

class ModelSection : public QWidget, public ProjectView
{
    Q_OBJECT

public:
    explicit ModelSection(QWidget* parent = nullptr);

    // The project to evaluate (nullptr: none); stops a running evaluation and clears the charts.
    void setProject(OpenProject* project) override;
    // Starts the evaluation (the button); nothing happens while one runs.
    void start();
    // Stops the running evaluation (the Cancel button): the worker stops at its next step.
    void cancel();
    bool isRunning() const { return m_task.isRunning(); }

    QString statusText() const;
    QProgressBar* progressBar() const { return m_progress; }
    QPushButton* startButton() const { return m_start; }
    QPushButton* cancelButton() const { return m_cancel; }
    QTableWidget* foldsTable() const { return m_foldsTable; }
    ConfusionHeatmap* confusion() const { return m_confusion; }
    ChartPanel* foldsPanel() const { return m_folds; }
    ChartPanel* confusionPanel() const { return m_confusionPanel; }
    ChartPanel* rocPanel() const { return m_roc; }
    ChartPanel* curvePanel() const { return m_curve; }
    ChartPanel* modelsPanel() const { return m_models; }

Q_SIGNALS:
    void failed(const QString& message);
    void notice(const QString& message);
    // The evaluation ended: with results, failed, or cancelled (statusText says which).
    void finished();

private:
    void done(const learn::ModelResults& results);
    void show(const learn::ModelResults& results);
    void showFolds(const learn::ModelResults& results);
    void showRoc(const learn::ModelResults& results);
    void showCurve(const learn::ModelResults& results);
    void showModels(const learn::ModelResults& results);
    void clear(const QString& note);
    void setRunning(bool running);

    OpenProject* m_project = nullptr;
    BackgroundTask<learn::ModelResults> m_task{this};
    bool m_cancelling = false; // Cancel was pressed: the run ends at its next step

    QLabel* m_status = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_cancel = nullptr;
    ChartPanel* m_folds = nullptr;
    QTableWidget* m_foldsTable = nullptr;
    ChartPanel* m_confusionPanel = nullptr;
    ConfusionHeatmap* m_confusion = nullptr;
    ChartPanel* m_roc = nullptr;
    ChartPanel* m_curve = nullptr;
    ChartPanel* m_models = nullptr;
};

} // namespace concord::gui
