// The quality screen: the core's integrity checks (core/quality/integrity/Integrity.hpp) run on a worker
// thread, their findings in a tree grouped by check (check → findings with severity, samples
// and message). Activating a finding (double-click, Enter) asks to open its first sample.
#pragma once

#include "core/quality/integrity/Integrity.hpp"

#include <QFutureWatcher>
#include <QWidget>

#include <vector>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace concord::gui {

struct CheckRun
{
    QString error; // not empty: the checks failed and this says why
    std::vector<quality::Finding> findings;
};

class QualityScreen : public QWidget
{
    Q_OBJECT

public:
    explicit QualityScreen(QWidget* parent = nullptr);
    ~QualityScreen() override;

    // The project file to check (its own connection, on the worker thread); empty: none open.
    // The checks run when the screen is next shown, or on "Run checks".
    void setProjectPath(const QString& path);
    void runChecks();
    void markStale() { m_stale = true; }

    bool isRunning() const { return m_watcher.isRunning(); }
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
    void finished();
    void fill();
    void activate(QTreeWidgetItem* item);
    void showDetails(QTreeWidgetItem* item);

    QString m_path;
    QString m_checking; // the path the running checks read
    bool m_stale = true;
    bool m_again = false;
    QFutureWatcher<CheckRun> m_watcher;
    std::vector<quality::Finding> m_findings;

    QPushButton* m_run = nullptr;
    QLabel* m_status = nullptr;
    QTreeWidget* m_tree = nullptr;
    QLabel* m_details = nullptr;
};

} // namespace concord::gui
