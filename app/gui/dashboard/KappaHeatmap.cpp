// Drawn by hand rather than with a chart: Qt Charts has no heatmap, and a grid of labelled
// cells reads better than a colour scale alone.
#include "app/gui/dashboard/KappaHeatmap.hpp"

#include <QFontMetrics>
#include <QMouseEvent>
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

KappaHeatmap::Grid KappaHeatmap::grid() const
{
    const int n = std::max(1, static_cast<int>(m_annotators.size()));
    const QFontMetrics metrics(font());
    Grid grid;
    for (const QString& name : m_annotators) {
        grid.nameWidth = std::max(grid.nameWidth, metrics.horizontalAdvance(name));
    }
    grid.nameWidth = std::min(grid.nameWidth + 8, width() / 3);
    grid.headerHeight = metrics.height() + 6;
    grid.cellWidth = std::max(1, (width() - grid.nameWidth) / n);
    grid.cellHeight = std::max(1, std::min((height() - grid.headerHeight) / n, grid.cellWidth));
    return grid;
}

QRect KappaHeatmap::cellRect(int row, int column) const
{
    const int n = static_cast<int>(m_annotators.size());
    if (row < 0 || column < 0 || row >= n || column >= n) {
        return {};
    }
    const Grid g = grid();
    return {g.nameWidth + column * g.cellWidth, g.headerHeight + row * g.cellHeight, g.cellWidth, g.cellHeight};
}

void KappaHeatmap::setClickable(bool clickable)
{
    m_clickable = clickable;
    setCursor(clickable ? Qt::PointingHandCursor : Qt::ArrowCursor);
}

void KappaHeatmap::mousePressEvent(QMouseEvent* event)
{
    const int n = static_cast<int>(m_annotators.size());
    for (int i = 0; m_clickable && i < n; ++i) {
        for (int j = 0; j < n; ++j) {
            if (i != j && value(i, j) && cellRect(i, j).contains(event->position().toPoint())) {
                Q_EMIT cellClicked(i, j);
                return;
            }
        }
    }
    QWidget::mousePressEvent(event);
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
    const auto [nameWidth, headerHeight, cellWidth, cellHeight] = grid();

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
            const QRect cell = cellRect(i, j);
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
