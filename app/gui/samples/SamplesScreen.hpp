// The samples screen: a table over the whole project, one row per sample (id, text, status,
// label, disagreement, model confidence), sortable by clicking a column's header, narrowed by
// a search box and a signal picker. The rows are computed on a worker thread with their own
// connection (store::computeSampleOverview; seconds on a million samples), again whenever the
// screen is shown after labels changed. Enter or a double click opens the sample to annotate.
#pragma once

#include "core/store/SampleOverview.hpp"

#include <QFutureWatcher>
#include <QPromise>
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

class SamplesScreen : public QWidget
{
    Q_OBJECT

public:
    explicit SamplesScreen(QWidget* parent = nullptr);
    ~SamplesScreen() override;

    // Shows `project` (nullptr: none); it must outlive this use.
    void setProject(Project* project);
    // Labels changed: the rows are computed again when the screen is next shown.
    void markStale() { m_stale = true; }
    bool isLoading() const { return m_loading; }

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
    struct Outcome
    {
        store::SampleOverview overview;
        QString error;
    };
    static void compute(QPromise<Outcome>& promise, const std::string& path);
    void reload();
    void computed();
    void applyFilter();
    void showCount();
    void openRow(const QModelIndex& index);

    Project* m_project = nullptr;
    std::unique_ptr<SampleTableModel> m_model;
    QFutureWatcher<Outcome> m_watcher;
    std::string m_computingPath;
    bool m_stale = true;
    bool m_loading = false;

    QLabel* m_header = nullptr;
    SampleFilterBar* m_filter = nullptr;
    QTableView* m_table = nullptr;
};

} // namespace concord::gui
