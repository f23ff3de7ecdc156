// The samples list at the side of the annotate screen: a header with the count, the queue order
// picker, and the signal picker and search box (SampleFilterBar) over the lazily paged list;
// the model shows the keys the filter selects.
#pragma once

#include <QWidget>

#include <cstdint>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;

namespace concord {
class Project;
}

namespace concord::gui {

class QueuePicker;
class SampleFilterBar;
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
    QComboBox* signalPicker() const;
    QueuePicker* queuePicker() const { return m_queue; }
    QLineEdit* searchBox() const;
    // Applies the picker and the search now (the search box waits for a pause in typing).
    void applyFilter();

Q_SIGNALS:
    void failed(const QString& message);
    // The list now shows other samples (the model was reset).
    void filterApplied();

private:
    void showCount();

    QLabel* m_header = nullptr;
    QueuePicker* m_queue = nullptr;
    SampleFilterBar* m_filter = nullptr;
    QListView* m_list = nullptr;
    SampleListModel* m_model = nullptr;
    Project* m_project = nullptr;
    std::int64_t m_total = 0;
};

} // namespace concord::gui
