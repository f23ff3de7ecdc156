// A painted grid of one agreement value per annotator pair (Cohen's kappa, or span F1): rows and
// columns are the annotators, each cell coloured from red (-1) through white (0) to green (1)
// and labelled with its value; pairs with nothing in common stay grey and say "n/a". The
// dashboard's win-rate matrix of models uses it too, on a scale of its own (setScale).
#pragma once

#include <QWidget>

#include <optional>
#include <vector>

namespace concord::gui {

class KappaHeatmap : public QWidget
{
    Q_OBJECT

public:
    explicit KappaHeatmap(QWidget* parent = nullptr);

    // `values[i][j]` for i != j; the diagonal is not drawn as a value.
    void setData(const QStringList& annotators, std::vector<std::vector<std::optional<double>>> values);
    QStringList annotators() const { return m_annotators; }
    std::optional<double> value(int row, int column) const;
    // The value coloured white, and the distance from it coloured fully (green above, red below):
    // 0 and 1 for agreement, 0.5 and 0.5 for a win rate.
    void setScale(double centre, double spread);
    // The background a value gets, so that a test can check the colour scale.
    static QColor colorFor(double value);

    // Where a cell is drawn (for a click in a test); empty when there is no such cell.
    QRect cellRect(int row, int column) const;
    // Clicking an off-diagonal cell with a value emits cellClicked; the cursor says so.
    void setClickable(bool clickable);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void cellClicked(int row, int column);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    struct Grid
    {
        int nameWidth = 0;
        int headerHeight = 0;
        int cellWidth = 1;
        int cellHeight = 1;
    };
    Grid grid() const;

    QStringList m_annotators;
    std::vector<std::vector<std::optional<double>>> m_values;
    double m_centre = 0.0;
    double m_spread = 1.0;
    bool m_clickable = false;
};

} // namespace concord::gui
