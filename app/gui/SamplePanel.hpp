// The samples list at the side of the annotate screen: a header with the count, the queue order
// picker, a signal picker and a search box over the lazily paged list. Filtering goes through the core's SignalEngine
// (a stored signal's expression, a search turned into one by SampleFilter); the model shows the
// keys it selects.
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QTimer;

namespace concord {
class Project;
}

namespace concord::gui {

class QueuePicker;
class SampleListModel;

class SamplePanel : public QWidget
{
    Q_OBJECT

public:
    explicit SamplePanel(QWidget* parent = nullptr);
    ~SamplePanel() override;

    // Shows `model` (nullptr: none) over `project`; the signal picker lists the project's signals.
    void setModel(SampleListModel* model, Project* project);

    QListView* list() const { return m_list; }
    QComboBox* signalPicker() const { return m_signals; }
    QueuePicker* queuePicker() const { return m_queue; }
    QLineEdit* searchBox() const { return m_search; }
    // Applies the picker and the search now (the search box waits for a pause in typing).
    void applyFilter();

Q_SIGNALS:
    void failed(const QString& message);
    // The list now shows other samples (the model was reset).
    void filterApplied();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showCount();

    QLabel* m_header = nullptr;
    QueuePicker* m_queue = nullptr;
    QComboBox* m_signals = nullptr;
    QLineEdit* m_search = nullptr;
    QListView* m_list = nullptr;
    QTimer* m_searchDelay = nullptr;
    SampleListModel* m_model = nullptr;
    Project* m_project = nullptr;
    std::int64_t m_total = 0;
};

} // namespace concord::gui
