#include "app/gui/dashboard/RatingsChart.hpp"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace concord::gui {

namespace ratings_chart {

constexpr int kRowHeight = 26;
constexpr int kNameWidth = 150;
constexpr int kAxisHeight = 24;

} // namespace ratings_chart

RatingsChart::RatingsChart(QWidget* parent) : QWidget(parent)
{
    setMinimumHeight(ratings_chart::kAxisHeight + 2 * ratings_chart::kRowHeight);
}

void RatingsChart::setRows(std::vector<Row> rows)
{
    m_rows = std::move(rows);
    updateGeometry();
    update();
}

QSize RatingsChart::sizeHint() const
{
    return {480, ratings_chart::kAxisHeight +
                     ratings_chart::kRowHeight * std::max<int>(2, static_cast<int>(m_rows.size())) + 8};
}

void RatingsChart::paintEvent(QPaintEvent*)
{
    using namespace ratings_chart;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    if (m_rows.empty()) {
        return;
    }
    double low = m_rows.front().lower, high = m_rows.front().upper;
    for (const Row& row : m_rows) {
        low = std::min({low, row.lower, row.rating});
        high = std::max({high, row.upper, row.rating});
    }
    // Round the axis out to tens of points, with a margin.
    low = std::floor((low - 10.0) / 10.0) * 10.0;
    high = std::ceil((high + 10.0) / 10.0) * 10.0;
    const int left = kNameWidth, right = width() - 16;
    const auto x = [&](double rating) {
        return left + static_cast<int>((rating - low) / (high - low) * (right - left));
    };
    // The axis: a tick every step that gives four to eight of them.
    const double span = high - low;
    double step = 10.0;
    for (const double candidate : {10.0, 25.0, 50.0, 100.0, 200.0, 500.0}) {
        step = candidate;
        if (span / candidate <= 8.0) {
            break;
        }
    }
    painter.setPen(palette().mid().color());
    const int axisY = kAxisHeight + kRowHeight * static_cast<int>(m_rows.size());
    painter.drawLine(left, axisY, right, axisY);
    for (double tick = std::ceil(low / step) * step; tick <= high; tick += step) {
        painter.drawLine(x(tick), axisY, x(tick), axisY + 4);
        painter.drawText(QRect(x(tick) - 30, axisY + 4, 60, kAxisHeight - 6), Qt::AlignHCenter | Qt::AlignTop,
                         QString::number(tick, 'f', 0));
    }
    painter.drawText(QRect(left, 0, right - left, kAxisHeight - 4), Qt::AlignCenter,
                     QStringLiteral("rating, with its 95% interval"));
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const Row& row = m_rows[i];
        const int y = kAxisHeight + static_cast<int>(i) * kRowHeight + kRowHeight / 2;
        painter.setPen(palette().text().color());
        painter.drawText(QRect(4, y - kRowHeight / 2, kNameWidth - 12, kRowHeight), Qt::AlignVCenter | Qt::AlignRight,
                         fontMetrics().elidedText(row.model, Qt::ElideMiddle, kNameWidth - 16));
        painter.setPen(QPen(QColor(21, 101, 192), 2));
        painter.drawLine(x(row.lower), y, x(row.upper), y);
        painter.drawLine(x(row.lower), y - 5, x(row.lower), y + 5);
        painter.drawLine(x(row.upper), y - 5, x(row.upper), y + 5);
        painter.setBrush(QColor(21, 101, 192));
        painter.drawEllipse(QPoint(x(row.rating), y), 5, 5);
        painter.setPen(palette().text().color());
        painter.drawText(QRect(x(row.rating) + 8, y - kRowHeight / 2, 60, kRowHeight / 2 + 2),
                         Qt::AlignLeft | Qt::AlignBottom, QString::number(row.rating, 'f', 0));
    }
}

} // namespace concord::gui
