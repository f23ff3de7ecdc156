// The confusion matrix as a painted grid: rows are the true labels, columns the predicted ones,
// each cell shows its count and is shaded by its share of the row (how much of a true label
// went there), the diagonal in green and the mistakes in red, so that the weak labels stand out.
#pragma once

#include <QWidget>

#include <cstdint>
#include <vector>

namespace concord::gui {

class ConfusionHeatmap : public QWidget
{
    Q_OBJECT

public:
    explicit ConfusionHeatmap(QWidget* parent = nullptr);

    // counts[true][predicted], square, one row and column per label.
    void setData(const QStringList& labels, std::vector<std::vector<std::int64_t>> counts);
    QStringList labels() const { return m_labels; }
    std::int64_t count(int row, int column) const;
    std::int64_t total() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QStringList m_labels;
    std::vector<std::vector<std::int64_t>> m_counts;
};

} // namespace concord::gui
