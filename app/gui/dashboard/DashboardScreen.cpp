// Layout of the dashboard and turning DashboardData into words, bars and cells. Every number
// shown is one the core computed; undefined coefficients show the core's reason in words.
#include "app/gui/dashboard/DashboardScreen.hpp"

#include "app/gui/dashboard/ChartPanel.hpp"
#include "app/gui/dashboard/KappaHeatmap.hpp"
#include "app/gui/dashboard/LineChart.hpp"
#include "app/gui/dashboard/ModelSection.hpp"
#include "app/gui/dashboard/NumberText.hpp"
#include "app/gui/dashboard/PreferenceSection.hpp"
#include "app/gui/dashboard/QuestionsSection.hpp"
#include "app/gui/project/OpenProject.hpp"
#include "core/quality/agreement/AgreementMetrics.hpp"

#include <QFile>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QTimer>
#include <QVBoxLayout>

namespace concord::gui {

namespace {

QString name(const std::vector<std::string>& names, std::uint32_t index)
{
    return index < names.size() ? QString::fromStdString(names[index]) : QStringLiteral("#%1").arg(index);
}

} // namespace

DashboardScreen::DashboardScreen(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("dashboardScreen"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = m_scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // The page follows the window's width (the texts wrap, the charts shrink); only height scrolls.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    outer->addWidget(scroll);
    auto* page = new QWidget(scroll);
    scroll->setWidget(page);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(10);

    // The summary: the headline alpha large, its interval and the counts beside it.
    auto* summary = new QFrame(page);
    summary->setObjectName(QStringLiteral("agreementSummary"));
    summary->setFrameShape(QFrame::StyledPanel);
    auto* summaryLayout = new QHBoxLayout(summary);
    auto* headline = new QVBoxLayout;
    m_alpha = new QLabel(summary);
    m_alpha->setObjectName(QStringLiteral("alphaValue"));
    m_alpha->setTextFormat(Qt::PlainText);
    QFont big = m_alpha->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_alpha->setFont(big);
    m_interval = new QLabel(summary);
    m_interval->setObjectName(QStringLiteral("alphaInterval"));
    m_interval->setTextFormat(Qt::PlainText);
    m_interval->setWordWrap(true);
    m_counts = new QLabel(summary);
    m_counts->setTextFormat(Qt::PlainText);
    m_counts->setWordWrap(true);
    headline->addWidget(m_alpha);
    headline->addWidget(m_interval);
    headline->addWidget(m_counts);
    headline->addStretch();
    m_coefficients = new QLabel(summary);
    m_coefficients->setObjectName(QStringLiteral("coefficients"));
    m_coefficients->setTextFormat(Qt::RichText);
    m_coefficients->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto* side = new QVBoxLayout;
    m_refresh = new QPushButton(QStringLiteral("Refresh  (F5)"), summary);
    m_refresh->setToolTip(QStringLiteral("Compute the agreement again from the project's current labels"));
    m_status = new QLabel(summary);
    m_status->setObjectName(QStringLiteral("dashboardStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setAlignment(Qt::AlignRight);
    side->addWidget(m_refresh);
    side->addWidget(m_status);
    side->addStretch();
    summaryLayout->addLayout(headline, 2);
    summaryLayout->addWidget(m_coefficients, 3);
    summaryLayout->addLayout(side);
    layout->addWidget(summary);
    m_questions = new QuestionsSection(page);
    m_questions->setVisible(false);
    layout->addWidget(m_questions);

    m_labelCharts = new QWidget(page);
    auto* grid = new QGridLayout(m_labelCharts);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(10);
    m_pairs = new ChartPanel(QStringLiteral("Pairwise agreement (Cohen's kappa)"), m_labelCharts);
    m_heatmap = new KappaHeatmap;
    m_pairs->setContent(m_heatmap);
    m_perLabel = new ChartPanel(QStringLiteral("Alpha per label"), page);
    m_annotators = new ChartPanel(QStringLiteral("Each annotator against the others (kappa)"), page);
    m_distribution = new ChartPanel(QStringLiteral("Label distribution"), page);
    grid->addWidget(m_pairs, 0, 0);
    grid->addWidget(m_perLabel, 0, 1);
    grid->addWidget(m_annotators, 1, 0);
    grid->addWidget(m_distribution, 1, 1);
    m_progress = new ChartPanel(QStringLiteral("Progress per annotator (samples labeled, cumulative)"), page);
    grid->addWidget(m_progress, 2, 0, 1, 2);
    grid->setRowStretch(0, 1);
    grid->setRowStretch(1, 1);
    grid->setRowStretch(2, 1);
    layout->addWidget(m_labelCharts, 1);
    m_preferences = new PreferenceSection(page);
    layout->addWidget(m_preferences);
    connect(m_preferences, &PreferenceSection::failed, this, &DashboardScreen::failed);
    connect(m_preferences, &PreferenceSection::notice, this, &DashboardScreen::notice);
    connect(m_preferences, &PreferenceSection::updated, this, [this] {
        if (m_scrollToPreferences && m_preferences->isVisible()) {
            m_scrollToPreferences = false;
            // After the layout has placed the section.
            QTimer::singleShot(0, this, [this] { m_scroll->verticalScrollBar()->setValue(m_preferences->y()); });
        }
    });
    connect(m_preferences, &PreferenceSection::openRecord, this, &DashboardScreen::openSample);
    m_model = new ModelSection(page);
    layout->addWidget(m_model);
    connect(m_model, &ModelSection::failed, this, &DashboardScreen::failed);
    connect(m_model, &ModelSection::notice, this, &DashboardScreen::notice);
    for (ChartPanel* panel : {m_pairs, m_perLabel, m_annotators, m_distribution, m_progress}) {
        panel->setMinimumHeight(240);
        connect(panel, &ChartPanel::failed, this, &DashboardScreen::failed);
        connect(panel, &ChartPanel::notice, this, &DashboardScreen::notice);
    }

    connect(m_refresh, &QPushButton::clicked, this, &DashboardScreen::refresh);
    auto* f5 = new QShortcut(QKeySequence::Refresh, this, this, &DashboardScreen::refresh);
    f5->setContext(Qt::WidgetWithChildrenShortcut);
    m_task.onDone([this](DashboardData&& data) { finished(data); });
    m_task.onFailed([this](const QString& error) {
        m_status->setText(QStringLiteral("Failed"));
        Q_EMIT failed(QStringLiteral("Could not compute the agreement: %1").arg(error));
        Q_EMIT updated();
    });
    m_task.onSettled([this] { m_refresh->setEnabled(true); });
    clearCharts(QStringLiteral("No project is open."));
    m_alpha->setText(QStringLiteral("No project is open"));
}

bool DashboardScreen::isComputing() const
{
    return m_task.isRunning() || m_model->isRunning() || m_preferences->isRunning();
}

void DashboardScreen::showModelResults()
{
    m_model->start();
    // After the layout has placed the section (the screen may have just been shown).
    QTimer::singleShot(0, this, [this] { m_scroll->ensureWidgetVisible(m_model, 0, 0); });
}

void DashboardScreen::showPreferences()
{
    m_scrollToPreferences = true;
}

void DashboardScreen::setProject(OpenProject* project)
{
    if (m_project) {
        disconnect(m_project, nullptr, this, nullptr);
    }
    m_task.cancel();
    m_project = project;
    m_stale = true;
    m_model->setProject(project);
    m_preferences->setProject(project);
    if (!project) {
        clearCharts(QStringLiteral("No project is open."));
        m_alpha->setText(QStringLiteral("No project is open"));
        m_interval->clear();
        m_counts->clear();
        m_coefficients->clear();
        return;
    }
    connect(project, &OpenProject::labelsMayHaveChanged, this, &DashboardScreen::labelsChanged);
    if (isVisible()) {
        refresh();
    }
}

void DashboardScreen::labelsChanged()
{
    m_stale = true;
    // Numbers do not change under the reader's eyes: the screen says they are out of date.
    if (isVisible() && !m_task.isRunning()) {
        m_status->setText(QStringLiteral("Out of date: new labels since (F5)"));
    }
}

void DashboardScreen::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    refreshIfStale();
}

void DashboardScreen::refreshIfStale()
{
    if (m_stale) {
        refresh();
    }
}

void DashboardScreen::refresh()
{
    if (!m_project) {
        return;
    }
    m_stale = false;
    m_status->setText(QStringLiteral("Computing\u2026"));
    m_refresh->setEnabled(false);
    // While a computation runs, this one follows it: the running one may have read the labels
    // before the change.
    m_task.run(m_project, [path = m_project->pathBytes()](const Progress&) { return computeDashboard(path); });
    m_preferences->refresh();
}

void DashboardScreen::finished(const DashboardData& data)
{
    if (!m_task.isRunning()) {
        m_status->setText(m_stale ? QStringLiteral("Out of date: new labels since (F5)")
                                  : QStringLiteral("Up to date"));
    }
    if (!data.error.isEmpty()) {
        m_status->setText(QStringLiteral("Failed"));
        Q_EMIT failed(QStringLiteral("Could not compute the agreement: %1").arg(data.error));
    } else {
        show(data);
    }
    Q_EMIT updated();
}

QString DashboardScreen::statusText() const
{
    return m_status->text();
}

QString DashboardScreen::alphaText() const
{
    return m_alpha->text();
}

QString DashboardScreen::intervalText() const
{
    return m_interval->text();
}

void DashboardScreen::clearCharts(const QString& note)
{
    m_heatmap->setData({}, {});
    for (ChartPanel* panel : {m_pairs, m_perLabel, m_annotators, m_distribution, m_progress}) {
        panel->setNote(note);
    }
    m_progress->setChart(makeLineChart({}, LineAxes(QString(), QStringLiteral("samples labeled"))));
    m_perLabel->setBars({}, 0, 1, QStringLiteral("%.1f"), QColor(21, 101, 192));
    m_annotators->setBars({}, 0, 1, QStringLiteral("%.1f"), QColor(106, 27, 154));
    m_distribution->setBars({}, 0, 1, QStringLiteral("%d"), QColor(0, 121, 107));
}

void DashboardScreen::show(const DashboardData& data)
{
    m_labelCharts->setVisible(data.labelQuestion);
    // The model section learns the first question's labels: nothing to learn from otherwise.
    m_model->setVisible(data.labelQuestion);
    m_questions->setVisible(!data.questions.empty());
    if (!data.questions.empty()) {
        m_questions->show(data.questions);
    }
    if (!data.labelQuestion) {
        showQuestionSummary(data);
        return;
    }
    if (data.report.ratings == 0) {
        clearCharts(QStringLiteral("Nobody has labeled a sample yet."));
        m_alpha->setText(QStringLiteral("Alpha: not enough data"));
        m_interval->setText(QStringLiteral("Agreement needs samples labeled by at least two annotators."));
        m_counts->clear();
        m_coefficients->clear();
        return;
    }
    showSummary(data);
    showPairs(data);
    showPerLabel(data);
    showAnnotators(data);
    showDistribution(data);
    showTimeline(data);
}

void DashboardScreen::showSummary(const DashboardData& data)
{
    const quality::AgreementReport& report = data.report;
    const QString title = QString::fromStdString(data.alphaTitle);
    m_alpha->setText(data.alpha.defined() ? QStringLiteral("%1 = %2").arg(title, number(data.alpha.value))
                                          : QStringLiteral("%1: undefined").arg(title));
    m_alpha->setToolTip(title);
    if (!data.alpha.defined()) {
        // The core's reason, e.g. "no pairable items: ..." when only one annotator labeled.
        m_interval->setText(words(data.alpha));
    } else if (report.bootstrap && report.bootstrap->defined()) {
        m_interval->setText(bootstrapText(*report.bootstrap, QStringLiteral("samples")));
    } else if (report.bootstrap) {
        m_interval->setText(QStringLiteral("Interval undefined: alpha was undefined on every resample."));
    } else {
        m_interval->setText(QStringLiteral("No interval: the bootstrap covers labels, label sets and ratings."));
    }
    m_counts->setText(QStringLiteral("%L1 samples labeled by %L2 annotators, %L3 labels; %L4 samples labeled by two "
                                     "or more, %L5 by one only (left out of every coefficient).")
                          .arg(report.items)
                          .arg(report.annotators)
                          .arg(report.ratings)
                          .arg(report.pairableItems)
                          .arg(report.ratedOnce));

    QString rows;
    QStringList reasons;
    for (const auto& [metric, coefficient] : report.coefficients) {
        // The reason can be long (it names samples): its first words here, all of it in the tooltip.
        const QString reason = words(coefficient);
        const QString shortReason = reason.size() > 70 ? reason.left(69) + QStringLiteral("\u2026") : reason;
        const QString value =
            coefficient.defined()
                ? number(coefficient.value)
                : QStringLiteral("<i>n/a</i> <span style='color:#666'>%1</span>").arg(shortReason.toHtmlEscaped());
        if (!coefficient.defined()) {
            reasons << reason;
        }
        rows += QStringLiteral("<tr><td>%1</td><td style='padding-left:12px'>%2</td></tr>")
                    .arg(QString::fromUtf8(quality::infoOf(metric).title.data(),
                                           static_cast<qsizetype>(quality::infoOf(metric).title.size()))
                             .toHtmlEscaped(),
                         value);
    }
    m_coefficients->setText(QStringLiteral("<table>%1</table>").arg(rows));
    m_coefficients->setToolTip(reasons.join(QStringLiteral("\n")));
}

void DashboardScreen::showQuestionSummary(const DashboardData& data)
{
    const quality::QuestionSummary& first = data.questions.front();
    const QString title = QString::fromStdString(first.statistic);
    m_alpha->setText(first.agreement.defined() ? QStringLiteral("%1 = %2").arg(title, number(first.agreement.value))
                                               : QStringLiteral("%1: undefined").arg(title));
    m_alpha->setToolTip(title);
    if (!first.agreement.defined()) {
        m_interval->setText(words(first.agreement));
    } else if (first.interval && first.interval->defined()) {
        m_interval->setText(bootstrapText(*first.interval, QStringLiteral("records")));
    } else {
        m_interval->setText(QStringLiteral("No interval: the bootstrap does not cover this statistic."));
    }
    m_counts->setText(QStringLiteral("Question “%1” (%2): %L3 submitted, %L4 drafts, %L5 set aside, over "
                                     "%L6 records. The other questions are in the table below.")
                          .arg(QString::fromStdString(first.question), QString::fromUtf8(toString(first.kind).data()))
                          .arg(first.counts.submitted)
                          .arg(first.counts.drafts)
                          .arg(first.counts.discarded)
                          .arg(first.records));
    m_coefficients->clear();
}

void DashboardScreen::showPairs(const DashboardData& data)
{
    const quality::AgreementReport& report = data.report;
    const bool spans = data.kind == quality::DataKind::Spans;
    const std::size_t n = data.annotators.size();
    std::vector<std::vector<std::optional<double>>> values(n, std::vector<std::optional<double>>(n));
    const auto put = [&](std::uint32_t a, std::uint32_t b, const quality::Coefficient& c) {
        if (a < n && b < n) {
            values[a][b] = c.get();
            values[b][a] = c.get();
        }
    };
    for (const auto& pair : report.pairs) {
        put(pair.first, pair.second, pair.kappa);
    }
    for (const auto& pair : report.spanPairs) {
        put(pair.first, pair.second, pair.overlap);
    }
    QStringList names;
    for (const auto& annotator : data.annotators) {
        names << QString::fromStdString(annotator);
    }
    m_heatmap->setData(names, std::move(values));
    m_pairs->setTitle(spans ? QStringLiteral("Pairwise agreement (span F1, overlap)")
                            : QStringLiteral("Pairwise agreement (Cohen's kappa)"));
    m_pairs->setNote(n < 2   ? QStringLiteral("Pairs need at least two annotators.")
                     : spans ? QStringLiteral("Span F1 (overlap) per pair; n/a: no samples in common.")
                             : QStringLiteral("n/a: the pair has no samples in common, or no variation in them."));
}

void DashboardScreen::showPerLabel(const DashboardData& data)
{
    std::vector<Bar> bars;
    for (const auto& value : data.report.perValue) {
        bars.push_back({name(data.values, value.value), value.alpha.get()});
    }
    for (const auto& label : data.report.perLabel) {
        bars.push_back({name(data.labels, label.label), label.alpha.get()});
    }
    m_perLabel->setBars(bars, 0, 1, QStringLiteral("%.1f"), QColor(21, 101, 192));
    if (data.kind == quality::DataKind::Spans) {
        m_perLabel->setNote(QStringLiteral("Alpha per label is not computed for spans; see the token alpha above."));
    } else if (bars.empty()) {
        m_perLabel->setNote(QStringLiteral("Not enough data."));
    } else {
        m_perLabel->setNote(
            QStringLiteral("Alpha of each label against the rest; undefined where nobody (or everybody) "
                           "used it on the samples labeled twice or more."));
    }
}

void DashboardScreen::showAnnotators(const DashboardData& data)
{
    std::vector<Bar> bars;
    for (const auto& annotator : data.report.perAnnotator) {
        bars.push_back({name(data.annotators, annotator.annotator), annotator.kappa.get()});
    }
    m_annotators->setBars(bars, 0, 1, QStringLiteral("%.1f"), QColor(106, 27, 154));
    const QString compared =
        data.kind == quality::DataKind::Spans ? QStringLiteral("token tags") : QStringLiteral("labels");
    m_annotators->setNote(bars.size() < 2 ? QStringLiteral("Not enough data: needs two or more annotators.")
                                          : QStringLiteral("Kappa of each annotator's %1 against the majority of the "
                                                           "others on the samples they share.")
                                                .arg(compared));
}

void DashboardScreen::showDistribution(const DashboardData& data)
{
    std::vector<Bar> bars;
    for (const auto& [label, uses] : data.labelUses) {
        bars.push_back({QString::fromStdString(label), static_cast<double>(uses)});
    }
    m_distribution->setBars(bars, 0, 1, QStringLiteral("%d"), QColor(0, 121, 107));
    m_distribution->setNote(data.kind == quality::DataKind::Spans
                                ? QStringLiteral("Spans marked with each label, by all annotators.")
                                : QStringLiteral("Labels given, by all annotators."));
}

void DashboardScreen::showTimeline(const DashboardData& data)
{
    constexpr double day = 86400000.0;
    std::vector<LineSeries> series;
    for (const auto& timeline : data.timeline) {
        LineSeries line;
        line.name = QString::fromStdString(timeline.annotator);
        line.steps = true;
        // From zero the day before the first label, so that a single day still draws a line.
        if (!timeline.days.empty()) {
            line.points.emplace_back(static_cast<double>(timeline.days.front().day - 1) * day, 0.0);
        }
        for (const auto& count : timeline.days) {
            line.points.emplace_back(static_cast<double>(count.day) * day, static_cast<double>(count.cumulative));
        }
        series.push_back(std::move(line));
    }
    LineAxes axes{QString(), QStringLiteral("samples labeled")};
    axes.xDates = true;
    axes.yFormat = QStringLiteral("%d");
    m_progress->setChart(makeLineChart(series, axes));
    m_progress->setNote(series.empty() ? QStringLiteral("Nobody has labeled a sample yet.")
                                       : QStringLiteral("Samples each annotator had labeled by the end of each day "
                                                        "(UTC; a sample counts on the day of its first label)."));
}

} // namespace concord::gui
