// Layout of the model section, the worker that runs core/learn/ModelResults, and turning its
// results into a table, a heatmap, line charts and bars.
#include "app/gui/dashboard/ModelSection.hpp"

#include "app/gui/dashboard/ChartPanel.hpp"
#include "app/gui/dashboard/ConfusionHeatmap.hpp"
#include "app/gui/dashboard/LineChart.hpp"
#include "app/gui/dashboard/NumberText.hpp"
#include "app/gui/project/OpenProject.hpp"
#include "core/learn/Ranking.hpp"
#include "core/store/Project.hpp"

#include <QFile>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <exception>
#include <map>
#include <utility>

namespace concord::gui {

ModelSection::ModelSection(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("modelSection"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);

    auto* header = new QFrame(this);
    header->setObjectName(QStringLiteral("modelHeader"));
    header->setFrameShape(QFrame::StyledPanel);
    auto* headerLayout = new QHBoxLayout(header);
    auto* title = new QLabel(QStringLiteral("Model results"), header);
    QFont bold = title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    title->setFont(bold);
    m_status = new QLabel(header);
    m_status->setObjectName(QStringLiteral("modelStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_progress = new QProgressBar(header);
    m_progress->setObjectName(QStringLiteral("modelProgress"));
    m_progress->setFixedWidth(180);
    m_progress->hide();
    m_start = new QPushButton(QStringLiteral("Evaluate models"), header);
    m_start->setToolTip(QStringLiteral("Cross-validate the built-in model, simulate active learning and compare "
                                       "the models, in the background"));
    m_cancel = new QPushButton(QStringLiteral("Cancel"), header);
    m_cancel->setEnabled(false);
    headerLayout->addWidget(title);
    headerLayout->addSpacing(12);
    headerLayout->addWidget(m_status, 1);
    headerLayout->addWidget(m_progress);
    headerLayout->addWidget(m_start);
    headerLayout->addWidget(m_cancel);
    layout->addWidget(header);

    auto* grid = new QGridLayout;
    grid->setSpacing(10);
    m_folds = new ChartPanel(QStringLiteral("Cross-validation of the built-in model"), this);
    m_foldsTable = new QTableWidget(0, 3);
    m_foldsTable->setObjectName(QStringLiteral("foldsTable"));
    m_foldsTable->setHorizontalHeaderLabels(
        {QStringLiteral("samples"), QStringLiteral("accuracy"), QStringLiteral("macro-F1")});
    m_foldsTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_foldsTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_foldsTable->setSelectionMode(QAbstractItemView::NoSelection);
    m_foldsTable->setFocusPolicy(Qt::NoFocus);
    m_folds->setContent(m_foldsTable);
    m_confusionPanel = new ChartPanel(QStringLiteral("Confusion matrix (out-of-fold predictions)"), this);
    m_confusion = new ConfusionHeatmap;
    m_confusionPanel->setContent(m_confusion);
    m_roc = new ChartPanel(QStringLiteral("ROC curves (one label against the rest)"), this);
    m_curve = new ChartPanel(QStringLiteral("Active learning: accuracy against labels"), this);
    m_models = new ChartPanel(QStringLiteral("Models compared (macro-F1)"), this);
    grid->addWidget(m_folds, 0, 0);
    grid->addWidget(m_confusionPanel, 0, 1);
    grid->addWidget(m_roc, 1, 0);
    grid->addWidget(m_curve, 1, 1);
    grid->addWidget(m_models, 2, 0, 1, 2);
    layout->addLayout(grid);
    for (ChartPanel* panel : {m_folds, m_confusionPanel, m_roc, m_curve, m_models}) {
        panel->setMinimumHeight(260);
        connect(panel, &ChartPanel::failed, this, &ModelSection::failed);
        connect(panel, &ChartPanel::notice, this, &ModelSection::notice);
    }

    connect(m_start, &QPushButton::clicked, this, &ModelSection::start);
    connect(m_cancel, &QPushButton::clicked, this, &ModelSection::cancel);
    m_task.onDone([this](learn::ModelResults&& results) { done(results); });
    m_task.onFailed([this](const QString& error) {
        clear(error); // the reason under each chart
        m_status->setText(QStringLiteral("Failed"));
        Q_EMIT failed(QStringLiteral("Could not evaluate the models: %1").arg(error));
    });
    m_task.onProgress([this](const TaskProgress& step) {
        m_progress->setRange(0, static_cast<int>(step.total));
        m_progress->setValue(static_cast<int>(step.done));
        if (!m_cancelling) {
            m_status->setText(step.what + QStringLiteral("\u2026"));
        }
    });
    m_task.onSettled([this] {
        setRunning(false);
        if (std::exchange(m_cancelling, false)) {
            m_status->setText(QStringLiteral("Cancelled: the charts show the last finished evaluation, if any."));
        }
        Q_EMIT finished();
    });
    clear(QStringLiteral("No project is open."));
}

void ModelSection::setProject(OpenProject* project)
{
    m_task.cancel(); // its results would be another project's
    m_cancelling = false;
    m_project = project;
    clear(project ? QStringLiteral("Not evaluated yet: press Evaluate models.")
                  : QStringLiteral("No project is open."));
}

void ModelSection::start()
{
    if (!m_project || m_task.isRunning()) {
        return;
    }
    setRunning(true);
    m_status->setText(QStringLiteral("Starting\u2026"));
    m_progress->setRange(0, 0);
    m_task.run(m_project, [path = m_project->pathBytes()](const Progress& progress) {
        auto project = Project::open(path);
        return learn::computeModelResults(*project, {}, progress);
    });
}

void ModelSection::cancel()
{
    if (m_task.isRunning()) {
        m_task.cancel();
        m_cancelling = true;
        m_status->setText(QStringLiteral("Cancelling\u2026"));
        m_cancel->setEnabled(false);
    }
}

void ModelSection::setRunning(bool running)
{
    m_start->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_progress->setVisible(running);
}

void ModelSection::done(const learn::ModelResults& results)
{
    show(results);
    m_status->setText(QStringLiteral("Up to date: %L1 labeled samples, built-in model with %2")
                          .arg(results.labeled)
                          .arg(QString::fromStdString(results.settings)));
}

QString ModelSection::statusText() const
{
    return m_status->text();
}

void ModelSection::clear(const QString& note)
{
    m_foldsTable->setRowCount(0);
    m_confusion->setData({}, {});
    m_roc->setChart(
        makeLineChart({}, LineAxes::unit(QStringLiteral("false positive rate"), QStringLiteral("true positive rate"))));
    m_curve->setChart(makeLineChart({}, LineAxes(QStringLiteral("labeled samples"), QStringLiteral("accuracy"))));
    m_models->setBars({}, 0, 1, QStringLiteral("%.2f"), QColor(21, 101, 192));
    for (ChartPanel* panel : {m_folds, m_confusionPanel, m_roc, m_curve, m_models}) {
        panel->setNote(note);
    }
    m_status->setText(note);
}

void ModelSection::show(const learn::ModelResults& results)
{
    showFolds(results);
    QStringList labels;
    for (const auto& label : results.labels) {
        labels << QString::fromStdString(label);
    }
    m_confusion->setData(labels, results.pooled.confusion);
    m_confusionPanel->setNote(results.pooled.confusion.empty()
                                  ? QStringLiteral("Multi-label tasks have no confusion matrix; see the ROC curves.")
                                  : QStringLiteral("%L1 labeled samples, each predicted by the fold's model that did "
                                                   "not see it. Rows: true label; shading: share of the row.")
                                        .arg(m_confusion->total()));
    showRoc(results);
    showCurve(results);
    showModels(results);
}

void ModelSection::showFolds(const learn::ModelResults& results)
{
    const int rows = static_cast<int>(results.folds.size()) + 1;
    m_foldsTable->setRowCount(rows);
    QStringList names;
    const auto put = [this](int row, const learn::FoldScore& score) {
        const QString cells[] = {QStringLiteral("%L1").arg(score.samples), number(score.accuracy),
                                 number(score.macroF1)};
        for (int column = 0; column < 3; ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_foldsTable->setItem(row, column, item);
        }
    };
    for (std::size_t i = 0; i < results.folds.size(); ++i) {
        names << QStringLiteral("fold %1").arg(i + 1);
        put(static_cast<int>(i), results.folds[i]);
    }
    names << QStringLiteral("mean");
    put(rows - 1, results.mean);
    for (int column = 0; column < 3; ++column) {
        QFont font = m_foldsTable->item(rows - 1, column)->font();
        font.setBold(true);
        m_foldsTable->item(rows - 1, column)->setFont(font);
    }
    m_foldsTable->setVerticalHeaderLabels(names);
    m_folds->setNote(QStringLiteral("Stratified %1-fold cross-validation: each fold scored by a model trained on "
                                    "the others. %2 for multi-label.")
                         .arg(results.folds.size())
                         .arg(results.kind == learn::ModelKind::OneVsRest ? QStringLiteral("Accuracy is exact-set")
                                                                          : QStringLiteral("Subset accuracy")));
}

void ModelSection::showRoc(const learn::ModelResults& results)
{
    std::vector<LineSeries> series;
    for (const auto& curve : results.roc) {
        LineSeries line;
        line.name = curve.auc
                        ? QStringLiteral("%1 (AUC %2)").arg(QString::fromStdString(curve.label), number(*curve.auc))
                        : QStringLiteral("%1 (AUC n/a)").arg(QString::fromStdString(curve.label));
        for (const auto& point : curve.points) {
            line.points.emplace_back(point.falsePositiveRate, point.truePositiveRate);
        }
        series.push_back(std::move(line));
    }
    series.push_back({QStringLiteral("chance"), {QPointF(0, 0), QPointF(1, 1)}, QColor(150, 150, 150), true});
    m_roc->setChart(makeLineChart(
        series, LineAxes::unit(QStringLiteral("false positive rate"), QStringLiteral("true positive rate"))));
    m_roc->setNote(QStringLiteral("Out-of-fold probabilities of each label against all the others; n/a: the label "
                                  "is never (or always) the true one."));
}

void ModelSection::showCurve(const learn::ModelResults& results)
{
    std::map<learn::Strategy, LineSeries> byStrategy;
    for (const auto& point : results.curve) {
        LineSeries& line = byStrategy[point.strategy];
        line.name = QString::fromUtf8(learn::toString(point.strategy).data(),
                                      static_cast<qsizetype>(learn::toString(point.strategy).size()));
        line.points.emplace_back(static_cast<double>(point.labels), point.accuracy);
    }
    std::vector<LineSeries> series;
    for (auto& [strategy, line] : byStrategy) {
        if (strategy == learn::Strategy::Random) {
            line.color = QColor(117, 117, 117);
            line.dashed = true;
        }
        series.push_back(std::move(line));
    }
    LineAxes axes(QStringLiteral("labeled samples"), QStringLiteral("accuracy on the held-out samples"));
    axes.yRange = std::pair{0.0, 1.0};
    axes.xFormat = QStringLiteral("%d");
    m_curve->setChart(makeLineChart(series, axes));
    m_curve->setNote(QString::fromStdString(results.curveNote) +
                     (results.curve.empty()
                          ? QString()
                          : QStringLiteral(" Above the dashed random line, the strategy saves labels.")));
}

void ModelSection::showModels(const learn::ModelResults& results)
{
    std::vector<Bar> bars;
    QStringList lines;
    for (const auto& model : results.models) {
        bars.push_back({QString::fromStdString(model.name), model.macroF1});
        lines << QStringLiteral("%1: accuracy %2, macro-F1 %3, AUC %4 (%5, %L6 samples)")
                     .arg(QString::fromStdString(model.name), number(model.accuracy), number(model.macroF1),
                          model.aucRoc ? number(*model.aucRoc) : QStringLiteral("n/a"),
                          QString::fromStdString(model.source))
                     .arg(model.samples);
    }
    m_models->setBars(bars, 0, 1, QStringLiteral("%.2f"), QColor(21, 101, 192));
    m_models->setNote(lines.join(QStringLiteral("\n")) +
                      QStringLiteral("\nStored predictions are scored on every labeled sample they cover, which may "
                                     "include the samples the model was trained on."));
}

} // namespace concord::gui
