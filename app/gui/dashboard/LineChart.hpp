// Line charts for the dashboard (progress over time, ROC curves, the active-learning curve):
// a QChart with one line per series, a legend, titled axes. The numbers are the core's.
#pragma once

#include <QColor>
#include <QPointF>
#include <QString>

#include <optional>
#include <utility>
#include <vector>

class QChart;

namespace concord::gui {

struct LineSeries
{
    QString name;
    std::vector<QPointF> points;
    std::optional<QColor> color; // nullopt: the chart's palette
    bool dashed = false;
    bool steps = false; // a staircase: each value holds until the next point
};

struct LineAxes
{
    LineAxes(QString xTitle = {}, QString yTitle = {}) : x(std::move(xTitle)), y(std::move(yTitle)) {}
    // Both axes from 0 to 1 (rates).
    static LineAxes unit(QString xTitle, QString yTitle)
    {
        LineAxes axes(std::move(xTitle), std::move(yTitle));
        axes.xRange = axes.yRange = std::pair{0.0, 1.0};
        return axes;
    }

    QString x;
    QString y;
    std::optional<std::pair<double, double>> xRange; // nullopt: fit the points
    std::optional<std::pair<double, double>> yRange;
    QString xFormat = QStringLiteral("%.2f");
    QString yFormat = QStringLiteral("%.2f");
    bool xDates = false; // x in milliseconds since the epoch, shown as dates
};

// A chart of these series, which the caller gives to a ChartPanel (setChart).
QChart* makeLineChart(const std::vector<LineSeries>& series, const LineAxes& axes);

// The colour of the n-th series, from a palette that stays legible on white.
QColor seriesColor(std::size_t index);

} // namespace concord::gui
