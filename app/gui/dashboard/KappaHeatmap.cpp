// Drawn by hand rather than with a chart: Qt Charts has no heatmap, and a grid of labelled
// cells reads better than a colour scale alone.
#include "app/gui/dashboard/KappaHeatmap.hpp"

#include <QFontMetrics>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace concord::gui {

KappaHeatmap::KappaHeatmap(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("kappaHeatmap"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void KappaHeatmap::setData(const QStringList& annotators, std::vector<std::vector<std::optional<double>>> values)
{
    m_annotators = annotators;
    m_values = std::move(values);
    updateGeometry();
    update();
}

void KappaHeatmap::setScale(double centre, double spread)
{
    m_centre = centre;
    m_spread = spread > 0.0 ? spread : 1.0;
    update();
}

std::optional<double> KappaHeatmap::value(int row, int column) const
{
    if (row < 0 || column < 0 || static_cast<std::size_t>(row) >= m_values.size() ||
        static_cast<std::size_t>(column) >= m_values[static_cast<std::size_t>(row)].size()) {
        return std::nullopt;
    }
    return m_values[static_cast<std::size_t>(row)][static_cast<std::size_t>(column)];
}

QColor KappaHeatmap::colorFor(double value)
{
    // White at 0, towards a calm green at 1 and a calm red at -1: the eye finds the weak pairs.
    const double t = std::clamp(value, -1.0, 1.0);
    const QColor end = t >= 0 ? QColor(46, 125, 50) : QColor(198, 40, 40);
    const double a = std::abs(t);
    const auto mix = [a](int from, int to) { return static_cast<int>(from + (to - from) * a); };
    return QColor(mix(255, end.red()), mix(255, end.green()), mix(255, end.blue()));
}

QSize KappaHeatmap::sizeHint() const
{
    return {360, 220};
}

QSize KappaHeatmap::minimumSizeHint() const
{
    return {200, 120};
}

void KappaHeatmap::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    const int n = static_cast<int>(m_annotators.size());
    if (n == 0) {
        return;
    }
    const QFontMetrics metrics(font());
    int nameWidth = 0;
    for (const QString& name : m_annotators) {
        nameWidth = std::max(nameWidth, metrics.horizontalAdvance(name));
    }
    nameWidth = std::min(nameWidth + 8, width() / 3);
    const int headerHeight = metrics.height() + 6;
    const int cellWidth = std::max(1, (width() - nameWidth) / n);
    const int cellHeight = std::max(1, std::min((height() - headerHeight) / n, cellWidth));

    painter.setPen(palette().text().color());
    for (int i = 0; i < n; ++i) {
        const QRect column(nameWidth + i * cellWidth, 0, cellWidth, headerHeight);
        painter.drawText(column, Qt::AlignCenter, metrics.elidedText(m_annotators[i], Qt::ElideRight, cellWidth - 4));
        const QRect row(0, headerHeight + i * cellHeight, nameWidth - 6, cellHeight);
        painter.drawText(row, Qt::AlignRight | Qt::AlignVCenter,
                         metrics.elidedText(m_annotators[i], Qt::ElideRight, nameWidth - 6));
    }
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < n; ++j) {
            const QRect cell(nameWidth + j * cellWidth, headerHeight + i * cellHeight, cellWidth, cellHeight);
            const std::optional<double> v = i == j ? std::nullopt : value(i, j);
            const QColor fill = i == j ? palette().window().color()
                                : v    ? colorFor((*v - m_centre) / m_spread)
                                       : QColor(224, 224, 224);
            painter.fillRect(cell, fill);
            painter.setPen(QColor(255, 255, 255));
            painter.drawRect(cell.adjusted(0, 0, -1, -1));
            // Dark cells take white text.
            painter.setPen(fill.lightness() < 140 ? QColor(Qt::white) : palette().text().color());
            const QString text = i == j ? QStringLiteral("\u2014")
                                 : v    ? QString::number(*v, 'f', 2)
                                        : QStringLiteral("n/a");
            painter.drawText(cell, Qt::AlignCenter, text);
        }
    }
}

} // namespace concord::gui
