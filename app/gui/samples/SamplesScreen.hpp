// The samples screen: a table over the whole project, one row per sample (id, text, status,
// label, disagreement, model confidence), sortable by clicking a column's header, narrowed by
// a search box and a signal picker. The rows are computed in the background with their own
// connection (store::computeSampleOverview; seconds on a million samples), again when labels
// change here or by the team: at once while the screen is shown, else when it is next shown.
// Enter or a double click opens the sample to annotate.
#pragma once

#include "app/gui/project/BackgroundTask.hpp"
#include "app/gui/project/ProjectView.hpp"
#include "core/store/SampleOverview.hpp"

#include <QWidget>

#include <memory>
#include <string>

class QLabel;
class QTableView;

namespace concord {
class Project;
}

namespace concord::gui {

class SampleFilterBar;
class SampleTableModel;

class SamplesScreen : public QWidget, public ProjectView
{
    Q_OBJECT

public:
    explicit SamplesScreen(QWidget* parent = nullptr);
    ~SamplesScreen() override;

    // Shows `project` (nullptr: none).
    void setProject(OpenProject* project) override;
    bool isLoading() const { return m_task.isRunning(); }

    QTableView* table() const { return m_table; }
    SampleTableModel* model() const { return m_model.get(); }
    SampleFilterBar* filterBar() const { return m_filter; }
    QString headerText() const;

Q_SIGNALS:
    void failed(const QString& message);
    void openSample(const QString& sampleId);
    void loaded();

protected:
    void showEvent(QShowEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void labelsChanged();
    void reload();
    void applyFilter();
    void showCount();
    void openRow(const QModelIndex& index);

    OpenProject* m_project = nullptr;
    std::unique_ptr<SampleTableModel> m_model;
    BackgroundTask<store::SampleOverview> m_task{this};
    bool m_stale = true;

    QLabel* m_header = nullptr;
    SampleFilterBar* m_filter = nullptr;
    QTableView* m_table = nullptr;
};

} // namespace concord::gui
