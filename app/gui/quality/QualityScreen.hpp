// The quality screen: the core's integrity checks (core/quality/integrity/Integrity.hpp) run in
// the background, their findings in a tree grouped by check (check → findings with severity,
// samples and message). Activating a finding (double-click, Enter) asks to open its first
// sample. Labels changed here or by the team run the checks again when the screen is shown.
#pragma once

#include "app/gui/project/BackgroundTask.hpp"
#include "app/gui/project/ProjectView.hpp"
#include "core/quality/integrity/Integrity.hpp"

#include <QWidget>

#include <vector>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace concord::gui {

class QualityScreen : public QWidget, public ProjectView
{
    Q_OBJECT

public:
    explicit QualityScreen(QWidget* parent = nullptr);

    // The project to check (its own connection, in the background); nullptr: none open. The
    // checks run when the screen is next shown, or on "Run checks".
    void setProject(OpenProject* project) override;
    void runChecks();

    bool isRunning() const { return m_task.isRunning(); }
    QString statusText() const;
    QTreeWidget* tree() const { return m_tree; }
    // The selected finding in full: its message and every sample it names.
    QString detailsText() const;
    // The findings the tree shows, in its order.
    const std::vector<quality::Finding>& findings() const { return m_findings; }

Q_SIGNALS:
    void failed(const QString& message);
    // The user activated a finding: show this sample.
    void openSample(const QString& sampleId);
    // A run finished (successfully or not) and the tree shows its result.
    void updated();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void labelsChanged();
    void fill();
    void activate(QTreeWidgetItem* item);
    void showDetails(QTreeWidgetItem* item);

    OpenProject* m_project = nullptr;
    bool m_stale = true;
    BackgroundTask<std::vector<quality::Finding>> m_task{this};
    std::vector<quality::Finding> m_findings;

    QPushButton* m_run = nullptr;
    QLabel* m_status = nullptr;
    QTreeWidget* m_tree = nullptr;
    QLabel* m_details = nullptr;
};

} // namespace concord::gui
