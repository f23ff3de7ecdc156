// Bar charts with Qt Charts; saving renders the widget into an image of its own, so that what
// is saved is what the user sees, at a resolution fit for a report.
#include "app/gui/dashboard/ChartPanel.hpp"

#include <QAction>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QRegularExpression>
#include <QSvgGenerator>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace concord::gui {

ChartPanel::ChartPanel(const QString& title, QWidget* parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("chartPanel"));
    setFrameShape(QFrame::StyledPanel);
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(8, 6, 8, 6);
    m_layout->setSpacing(4);
    auto* header = new QHBoxLayout;
    m_title = new QLabel(title, this);
    m_title->setObjectName(QStringLiteral("chartTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_save = new QPushButton(QStringLiteral("Save\u2026"), this);
    m_save->setToolTip(QStringLiteral("Save this chart as a PNG or SVG image"));
    m_save->setFocusPolicy(Qt::TabFocus);
    header->addWidget(m_title, 1);
    header->addWidget(m_save);
    m_layout->addLayout(header);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("chartNote"));
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
    m_note->hide();
    m_layout->addWidget(m_note);
    connect(m_save, &QPushButton::clicked, this, &ChartPanel::chooseFileAndSave);
    m_saveAction = new QAction(QStringLiteral("Save as PNG\u2026"), this);
    connect(m_saveAction, &QAction::triggered, this, &ChartPanel::chooseFileAndSave);
}

QString ChartPanel::title() const
{
    return m_title->text();
}

void ChartPanel::setTitle(const QString& title)
{
    m_title->setText(title);
}

QChart* ChartPanel::chart() const
{
    return m_chartView ? m_chartView->chart() : nullptr;
}

void ChartPanel::setContent(QWidget* content)
{
    if (m_content == content) {
        return;
    }
    delete m_content;
    m_content = content;
    m_chartView = nullptr;
    if (content) {
        content->setParent(this);
        content->setContextMenuPolicy(Qt::ActionsContextMenu);
        content->addAction(m_saveAction);
        m_layout->insertWidget(1, content, 1);
    }
}

void ChartPanel::setBars(const std::vector<Bar>& bars, double minimum, double maximum, const QString& format,
                         const QColor& color)
{
    auto* set = new QBarSet(QString());
    set->setColor(color);
    set->setBorderColor(color.darker(120));
    set->setLabelColor(QColor(31, 35, 40));
    QStringList categories;
    for (const Bar& bar : bars) {
        // An undefined value gets no bar (0 draws none against a zero baseline) and says so
        // under its name, rather than a misleading zero.
        set->append(bar.value.value_or(0.0));
        categories << (bar.value ? bar.name : QStringLiteral("%1\n(undefined)").arg(bar.name));
        if (bar.value) {
            minimum = std::min(minimum, *bar.value);
            maximum = std::max(maximum, *bar.value);
        }
    }
    auto* series = new QBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setLabelsPrecision(3);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);

    auto* chart = new QChart;
    chart->addSeries(series);
    chart->legend()->hide();
    chart->setMargins(QMargins(0, 0, 0, 0));
    chart->setBackgroundRoundness(0);
    auto* xAxis = new QBarCategoryAxis;
    xAxis->append(categories);
    chart->addAxis(xAxis, Qt::AlignBottom);
    series->attachAxis(xAxis);
    auto* yAxis = new QValueAxis;
    if (maximum <= 1.0) {
        // A coefficient: the scale ends at 1 (perfect agreement) plus room for the label on a
        // bar of 1, with ticks at quarters so that 0 and 1 are always marked.
        const double low = std::min(0.0, std::floor(minimum * 4.0) / 4.0);
        yAxis->setRange(low, 1.15);
        yAxis->setTickType(QValueAxis::TicksDynamic);
        yAxis->setTickAnchor(0.0);
        yAxis->setTickInterval(0.25);
        yAxis->setLabelFormat(QStringLiteral("%.2f"));
    } else {
        // A count: from 0, with room above the highest bar for its label.
        yAxis->setRange(0.0, maximum * 1.15);
        yAxis->setLabelFormat(format);
        yAxis->applyNiceNumbers();
    }
    chart->addAxis(yAxis, Qt::AlignLeft);
    series->attachAxis(yAxis);
    setChart(chart);
}

void ChartPanel::setChart(QChart* chart)
{
    auto* view = new QChartView(chart);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(180);
    setContent(view);
    m_chartView = view;
}

void ChartPanel::setNote(const QString& note)
{
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

QString ChartPanel::note() const
{
    return m_note->text();
}

bool ChartPanel::savePng(const QString& path)
{
    if (!m_content) {
        Q_EMIT failed(QStringLiteral("There is no chart to save yet."));
        return false;
    }
    // Render at twice the size on screen so that the picture stays sharp in a document.
    const qreal scale = 2.0;
    QImage image(m_content->size() * scale, QImage::Format_ARGB32);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        m_content->render(&painter);
    }
    if (image.isNull() || !image.save(path, "PNG")) {
        Q_EMIT failed(QStringLiteral("Could not save the chart to %1: the file cannot be written.").arg(path));
        return false;
    }
    Q_EMIT notice(QStringLiteral("Saved %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

bool ChartPanel::saveSvg(const QString& path)
{
    if (!m_content) {
        Q_EMIT failed(QStringLiteral("There is no chart to save yet."));
        return false;
    }
    // QSvgGenerator reports no write error: the file is opened here so that one is caught.
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        Q_EMIT failed(QStringLiteral("Could not save the chart to %1: %2").arg(path, file.errorString()));
        return false;
    }
    QSvgGenerator generator;
    generator.setOutputDevice(&file);
    generator.setSize(m_content->size());
    generator.setViewBox(QRect(QPoint(0, 0), m_content->size()));
    generator.setTitle(m_title->text());
    generator.setDescription(QStringLiteral("A chart from Concord's dashboard"));
    {
        QPainter painter(&generator);
        painter.setRenderHint(QPainter::Antialiasing);
        m_content->render(&painter);
    }
    file.close();
    if (file.error() != QFileDevice::NoError) {
        Q_EMIT failed(QStringLiteral("Could not save the chart to %1: %2").arg(path, file.errorString()));
        return false;
    }
    Q_EMIT notice(QStringLiteral("Saved %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

bool ChartPanel::save(const QString& path)
{
    return path.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive) ? saveSvg(path) : savePng(path);
}

void ChartPanel::chooseFileAndSave()
{
    QString name = m_title->text().toLower();
    name.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    const QString png = QStringLiteral("PNG images (*.png)");
    const QString svg = QStringLiteral("SVG images (*.svg)");
    QString filter = png;
    QString path = QFileDialog::getSaveFileName(this, QStringLiteral("Save chart"), name + QStringLiteral(".png"),
                                                png + QStringLiteral(";;") + svg, &filter);
    if (path.isEmpty()) {
        return;
    }
    if (QFileInfo(path).suffix().isEmpty()) {
        path += filter == svg ? QStringLiteral(".svg") : QStringLiteral(".png");
    }
    save(path);
}

} // namespace concord::gui
