// One chart of the dashboard in a titled frame with a "Save…" button (PNG or SVG; a context menu
// for PNG): a Qt Charts bar chart
// (setBars) or any other widget (setContent, e.g. the kappa heatmap), and a note line below it
// for what the chart cannot show (undefined values, an empty project).
#pragma once

#include <QFrame>

#include <optional>
#include <vector>

class QAction;
class QChart;
class QChartView;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace concord::gui {

struct Bar
{
    QString name;
    std::optional<double> value; // nullopt: undefined, drawn as no bar and named so
};

class ChartPanel : public QFrame
{
    Q_OBJECT

public:
    explicit ChartPanel(const QString& title, QWidget* parent = nullptr);

    // Shows `bars` as a bar chart over [minimum, maximum] (grown to fit the values), replacing
    // whatever the panel showed; `format` prints a value on its bar ("%.2f", "%.0f").
    void setBars(const std::vector<Bar>& bars, double minimum, double maximum, const QString& format,
                 const QColor& color);
    // Shows `chart` (the panel takes it; a line chart, say) in a view of its own.
    void setChart(QChart* chart);
    // Shows `widget` (the panel takes it) instead of a chart.
    void setContent(QWidget* content);
    void setNote(const QString& note);
    QString note() const;
    QString title() const;
    void setTitle(const QString& title);

    QWidget* content() const { return m_content; }
    QChart* chart() const; // nullptr unless a bar chart is shown
    // Saves the shown chart or widget as a PNG at twice its size; false (and failed()) when
    // the file cannot be written.
    bool savePng(const QString& path);
    // Saves it as SVG (vector shapes and text, for a paper or a slide); false (and failed()) when
    // the file cannot be written.
    bool saveSvg(const QString& path);
    // By the file's suffix: .svg as SVG, anything else as PNG.
    bool save(const QString& path);

Q_SIGNALS:
    void failed(const QString& message);
    void notice(const QString& message);

private:
    void chooseFileAndSave();

    QLabel* m_title = nullptr;
    QPushButton* m_save = nullptr;
    QAction* m_saveAction = nullptr; // the same, in the chart's context menu
    QVBoxLayout* m_layout = nullptr;
    QWidget* m_content = nullptr;
    QChartView* m_chartView = nullptr;
    QLabel* m_note = nullptr;
};

} // namespace concord::gui
