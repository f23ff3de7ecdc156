// Qt Charts line series with value or date axes.
#include "app/gui/dashboard/LineChart.hpp"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLegend>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <algorithm>
#include <limits>

namespace concord::gui {

QColor seriesColor(std::size_t index)
{
    static const QColor palette[] = {QColor(21, 101, 192), QColor(230, 81, 0),  QColor(46, 125, 50),
                                     QColor(106, 27, 154), QColor(198, 40, 40), QColor(0, 131, 143),
                                     QColor(121, 85, 72),  QColor(84, 110, 122)};
    return palette[index % std::size(palette)];
}

QChart* makeLineChart(const std::vector<LineSeries>& series, const LineAxes& axes)
{
    auto* chart = new QChart;
    chart->setMargins(QMargins(0, 0, 0, 0));
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignRight);
    double xMin = std::numeric_limits<double>::max();
    double xMax = std::numeric_limits<double>::lowest();
    double yMin = xMin;
    double yMax = xMax;
    std::vector<QLineSeries*> lines;
    for (std::size_t i = 0; i < series.size(); ++i) {
        const LineSeries& s = series[i];
        auto* line = new QLineSeries;
        line->setName(s.name);
        QPen pen(s.color.value_or(seriesColor(i)));
        pen.setWidthF(2.0);
        if (s.dashed) {
            pen.setStyle(Qt::DashLine);
            pen.setWidthF(1.0);
        }
        line->setPen(pen);
        for (std::size_t k = 0; k < s.points.size(); ++k) {
            const QPointF& p = s.points[k];
            if (s.steps && k > 0) {
                line->append(p.x(), s.points[k - 1].y());
            }
            line->append(p);
            xMin = std::min(xMin, p.x());
            xMax = std::max(xMax, p.x());
            yMin = std::min(yMin, p.y());
            yMax = std::max(yMax, p.y());
        }
        chart->addSeries(line);
        lines.push_back(line);
    }
    if (xMin > xMax) { // no points at all
        xMin = yMin = 0.0;
        xMax = yMax = 1.0;
    }
    if (xMin == xMax) {
        xMax = xMin + (axes.xDates ? 86400000.0 : 1.0);
    }
    if (yMin == yMax) {
        yMax = yMin + 1.0;
    }
    const auto [x0, x1] = axes.xRange.value_or(std::pair{xMin, xMax});
    const auto [y0, y1] = axes.yRange.value_or(std::pair{std::min(0.0, yMin), yMax * 1.05});

    QAbstractAxis* xAxis = nullptr;
    if (axes.xDates) {
        auto* dates = new QDateTimeAxis;
        dates->setFormat(QStringLiteral("MMM d"));
        dates->setRange(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(x0), Qt::UTC),
                        QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(x1), Qt::UTC));
        dates->setTickCount(std::clamp(static_cast<int>((x1 - x0) / 86400000.0) + 1, 2, 7));
        xAxis = dates;
    } else {
        auto* values = new QValueAxis;
        values->setRange(x0, x1);
        values->setLabelFormat(axes.xFormat);
        xAxis = values;
    }
    xAxis->setTitleText(axes.x);
    auto* yAxis = new QValueAxis;
    yAxis->setRange(y0, y1);
    yAxis->setLabelFormat(axes.yFormat);
    yAxis->setTitleText(axes.y);
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    for (QLineSeries* line : lines) {
        line->attachAxis(xAxis);
        line->attachAxis(yAxis);
    }
    return chart;
}

} // namespace concord::gui
