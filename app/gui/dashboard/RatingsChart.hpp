// The model leaderboard as a chart: one row per model, best first, its rating as a dot and its
// confidence interval as a line, on an axis of rating points.
#pragma once

#include <QWidget>

#include <vector>

namespace concord::gui {

class RatingsChart : public QWidget
{
    Q_OBJECT

public:
    struct Row
    {
        QString model;
        double rating = 0.0;
        double lower = 0.0;
        double upper = 0.0;
    };

    explicit RatingsChart(QWidget* parent = nullptr);
    void setRows(std::vector<Row> rows);
    const std::vector<Row>& rows() const { return m_rows; }

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::vector<Row> m_rows;
};

} // namespace concord::gui
