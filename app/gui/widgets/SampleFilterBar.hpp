// The signal picker and the search box that narrow a view of the samples (the annotate
// screen's list, the samples table). It lists the project's stored signals and turns the
// picked one and the search text into the keys they select, through the core's SampleFilter
// and SignalEngine. The search waits for a pause in typing (a query per key stroke would make
// typing stutter on a large project); Enter searches at once.
#pragma once

#include <QWidget>

#include <cstdint>
#include <optional>
#include <vector>

class QComboBox;
class QLineEdit;
class QTimer;

namespace concord {
class Project;
}

namespace concord::gui {

class SampleFilterBar : public QWidget
{
    Q_OBJECT

public:
    // Vertical: the picker above the search box (the narrow samples list); horizontal: side by
    // side (the samples table's header).
    explicit SampleFilterBar(Qt::Orientation orientation = Qt::Vertical, QWidget* parent = nullptr);

    // Lists `project`'s signals (nullptr: none) and clears the search, without changed().
    void setProject(Project* project);
    // The keys the picked signal and the search select (ascending); nullopt when neither is
    // set. Throws InputError (a broken expression) or StoreError.
    std::optional<std::vector<std::int64_t>> selectedKeys() const;

    QComboBox* signalPicker() const { return m_signals; }
    QLineEdit* searchBox() const { return m_search; }

Q_SIGNALS:
    // The picker or the search changed: selectedKeys() has something new to say.
    void changed();
    // Reading the project's signals failed.
    void failed(const QString& message);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    Project* m_project = nullptr;
    QComboBox* m_signals = nullptr;
    QLineEdit* m_search = nullptr;
    QTimer* m_searchDelay = nullptr;
};

} // namespace concord::gui
