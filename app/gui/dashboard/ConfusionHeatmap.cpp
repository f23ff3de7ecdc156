// Drawn by hand like KappaHeatmap: Qt Charts has no heatmap.
#include "app/gui/dashboard/ConfusionHeatmap.hpp"

#include <QFontMetrics>
#include <QPainter>

#include <algorithm>
#include <numeric>

namespace concord::gui {

ConfusionHeatmap::ConfusionHeatmap(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("confusionHeatmap"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void ConfusionHeatmap::setData(const QStringList& labels, std::vector<std::vector<std::int64_t>> counts)
{
    m_labels = labels;
    m_counts = std::move(counts);
    updateGeometry();
    update();
}

std::int64_t ConfusionHeatmap::count(int row, int column) const
{
    if (row < 0 || column < 0 || static_cast<std::size_t>(row) >= m_counts.size() ||
        static_cast<std::size_t>(column) >= m_counts[static_cast<std::size_t>(row)].size()) {
        return 0;
    }
    return m_counts[static_cast<std::size_t>(row)][static_cast<std::size_t>(column)];
}

std::int64_t ConfusionHeatmap::total() const
{
    std::int64_t sum = 0;
    for (const auto& row : m_counts) {
        sum = std::accumulate(row.begin(), row.end(), sum);
    }
    return sum;
}

QSize ConfusionHeatmap::sizeHint() const
{
    return {360, 240};
}

QSize ConfusionHeatmap::minimumSizeHint() const
{
    return {200, 140};
}

void ConfusionHeatmap::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    const int n = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(m_labels.size()), m_counts.size()));
    if (n == 0) {
        return;
    }
    const QFontMetrics metrics(font());
    int nameWidth = 0;
    for (const QString& name : m_labels) {
        nameWidth = std::max(nameWidth, metrics.horizontalAdvance(name));
    }
    // Room on the left for "true" and the names; on top for "predicted" and the names.
    const int axisWidth = metrics.height() + 4;
    nameWidth = std::min(nameWidth + 10, width() / 3);
    const int left = axisWidth + nameWidth;
    const int headerHeight = 2 * (metrics.height() + 4);
    const int cellWidth = std::max(1, (width() - left) / n);
    const int cellHeight = std::max(1, std::min((height() - headerHeight) / n, cellWidth));

    painter.setPen(palette().text().color());
    painter.drawText(QRect(left, 0, cellWidth * n, metrics.height() + 4), Qt::AlignCenter, QStringLiteral("predicted"));
    painter.save();
    painter.translate(0, headerHeight + cellHeight * n / 2);
    painter.rotate(-90);
    painter.drawText(QRect(-cellHeight * n / 2, 0, cellHeight * n, axisWidth), Qt::AlignCenter, QStringLiteral("true"));
    painter.restore();
    for (int i = 0; i < n; ++i) {
        const QRect column(left + i * cellWidth, metrics.height() + 4, cellWidth, metrics.height() + 4);
        painter.drawText(column, Qt::AlignCenter, metrics.elidedText(m_labels[i], Qt::ElideRight, cellWidth - 4));
        const QRect row(axisWidth, headerHeight + i * cellHeight, nameWidth - 6, cellHeight);
        painter.drawText(row, Qt::AlignRight | Qt::AlignVCenter,
                         metrics.elidedText(m_labels[i], Qt::ElideRight, nameWidth - 6));
    }
    for (int i = 0; i < n; ++i) {
        const auto& counts = m_counts[static_cast<std::size_t>(i)];
        const std::int64_t rowTotal = std::accumulate(counts.begin(), counts.end(), std::int64_t{0});
        for (int j = 0; j < n; ++j) {
            const QRect cell(left + j * cellWidth, headerHeight + i * cellHeight, cellWidth, cellHeight);
            const std::int64_t value = count(i, j);
            const double share = rowTotal > 0 ? static_cast<double>(value) / static_cast<double>(rowTotal) : 0.0;
            const QColor end = i == j ? QColor(46, 125, 50) : QColor(198, 40, 40);
            const auto mix = [share](int from, int to) { return static_cast<int>(from + (to - from) * share); };
            const QColor fill(mix(255, end.red()), mix(255, end.green()), mix(255, end.blue()));
            painter.fillRect(cell, fill);
            painter.setPen(QColor(224, 224, 224));
            painter.drawRect(cell.adjusted(0, 0, -1, -1));
            painter.setPen(fill.lightness() < 140 ? QColor(Qt::white) : palette().text().color());
            painter.drawText(cell, Qt::AlignCenter, QStringLiteral("%L1").arg(value));
        }
    }
}

} // namespace concord::gui
