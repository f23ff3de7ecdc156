#include "app/gui/dashboard/PreferenceSection.hpp"

#include "app/gui/dashboard/ChartPanel.hpp"
#include "app/gui/dashboard/KappaHeatmap.hpp"
#include "app/gui/dashboard/PairVotesDialog.hpp"
#include "app/gui/dashboard/RatingsChart.hpp"
#include "app/gui/dashboard/RecordRowsDialog.hpp"
#include "app/gui/project/OpenProject.hpp"
#include "core/quality/integrity/Integrity.hpp"
#include "core/store/Project.hpp"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace concord::gui {

namespace preference_section {

QString pText(double p)
{
    return p >= 0.001 ? QString::number(p, 'f', 3) : QString::number(p, 'e', 1);
}

QString shareText(const quality::SideTest& test)
{
    if (test.votes == 0) {
        return QStringLiteral("\u2014");
    }
    return QStringLiteral("%1% of %2").arg(QString::number(100.0 * test.share, 'f', 0)).arg(test.votes);
}

} // namespace preference_section

PreferenceSection::PreferenceSection(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 12, 0, 0);
    m_title = new QLabel(QStringLiteral("Preferences"), this);
    m_title->setStyleSheet(QStringLiteral("font-size: 15pt; font-weight: 600;"));
    layout->addWidget(m_title);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("preferenceStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto* grid = new QGridLayout;
    grid->setSpacing(10);
    m_ratingsPanel = new ChartPanel(QStringLiteral("Model leaderboard (Bradley\u2013Terry rating)"), this);
    m_ratings = new RatingsChart;
    m_ratingsPanel->setContent(m_ratings);
    m_winPanel = new ChartPanel(QStringLiteral("Win rate of the row's model against the column's"), this);
    m_winRates = new KappaHeatmap;
    m_winRates->setScale(0.5, 0.5);
    m_winRates->setClickable(true);
    m_winRates->setToolTip(QStringLiteral("Click a cell for the votes behind it"));
    connect(m_winRates, &KappaHeatmap::cellClicked, this, &PreferenceSection::showVotes);
    m_winPanel->setContent(m_winRates);
    m_biasPanel =
        new ChartPanel(QStringLiteral("Bias: votes for the response shown first, and for the longer one"), this);
    m_bias = new QTableWidget(0, 6);
    m_bias->setObjectName(QStringLiteral("biasTable"));
    m_bias->setHorizontalHeaderLabels({QStringLiteral("Annotator"), QStringLiteral("Shown first"),
                                       QStringLiteral("p (Holm)"), QStringLiteral("Longer"), QStringLiteral("p (Holm)"),
                                       QStringLiteral("Flag")});
    m_bias->verticalHeader()->hide();
    m_bias->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_bias->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_bias->horizontalHeader()->setStretchLastSection(true);
    auto* biasContent = new QWidget;
    auto* biasLayout = new QVBoxLayout(biasContent);
    biasLayout->setContentsMargins(0, 0, 0, 0);
    biasLayout->addWidget(m_bias, 1);
    auto* flagsTitle = new QLabel(QStringLiteral("Flags (Enter or a double-click lists the records behind one)"));
    flagsTitle->setStyleSheet(QStringLiteral("color: #666;"));
    biasLayout->addWidget(flagsTitle);
    m_flagList = new QListWidget;
    m_flagList->setObjectName(QStringLiteral("biasFlags"));
    m_flagList->setWordWrap(true);
    biasLayout->addWidget(m_flagList, 1);
    connect(m_flagList, &QListWidget::activated, this,
            [this](const QModelIndex& index) { showFlagRecords(index.row()); });
    m_biasPanel->setContent(biasContent);
    grid->addWidget(m_ratingsPanel, 0, 0);
    grid->addWidget(m_winPanel, 0, 1);
    grid->addWidget(m_biasPanel, 1, 0, 1, 2);
    for (ChartPanel* panel : {m_ratingsPanel, m_winPanel, m_biasPanel}) {
        panel->setMinimumHeight(240);
        connect(panel, &ChartPanel::failed, this, &PreferenceSection::failed);
        connect(panel, &ChartPanel::notice, this, &PreferenceSection::notice);
    }
    layout->addLayout(grid);
    m_task.onDone([this](PreferenceData&& data) {
        show(data);
        Q_EMIT updated();
    });
    m_task.onFailed([this](const QString& error) {
        m_status->setText(QStringLiteral("Could not compute the preference numbers: %1").arg(error));
        if (isVisible()) {
            Q_EMIT failed(m_status->text());
        }
        Q_EMIT updated();
    });
    m_votes.onDone([this](CellVotes&& cell) {
        auto* dialog = new PairVotesDialog(cell.modelA, cell.modelB, cell.votes, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &PairVotesDialog::openRecord, this, &PreferenceSection::openRecord);
        dialog->open();
        Q_EMIT votesShown(dialog);
    });
    m_votes.onFailed(
        [this](const QString& error) { Q_EMIT failed(QStringLiteral("Could not read the votes: %1").arg(error)); });
    setVisible(false);
}

void PreferenceSection::showVotes(int row, int column)
{
    if (!m_project || row >= m_models.size() || column >= m_models.size()) {
        return;
    }
    m_votes.run(m_project, [path = m_project->pathBytes(), question = m_question.toStdString(), a = m_models[row],
                            b = m_models[column]](const Progress&) {
        auto project = Project::open(path);
        return CellVotes{a, b, quality::votesBetween(*project, question, a.toStdString(), b.toStdString())};
    });
}

void PreferenceSection::showFlagRecords(int row)
{
    if (row < 0 || row >= static_cast<int>(m_flags.size())) {
        return;
    }
    // A table of a hundred thousand rows takes seconds to build; the first ones make the point.
    constexpr std::size_t listed = 5000;
    const quality::Finding& flag = m_flags[static_cast<std::size_t>(row)];
    std::vector<QStringList> rows;
    for (std::size_t i = 0; i < flag.sampleIds.size() && i < listed; ++i) {
        rows.push_back({QString::fromStdString(flag.sampleIds[i])});
    }
    QString summary = m_flagList->item(row)->text();
    if (flag.sampleIds.size() > listed) {
        summary += QStringLiteral(" The first %L1 of %L2 records are listed.").arg(listed).arg(flag.sampleIds.size());
    }
    auto* dialog =
        new RecordRowsDialog(QStringLiteral("Records behind the flag: %1").arg(QString::fromStdString(flag.check)),
                             summary, {QStringLiteral("Record")}, rows, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RecordRowsDialog::openRecord, this, &PreferenceSection::openRecord);
    dialog->open();
    Q_EMIT flagRecordsShown(dialog);
}

void PreferenceSection::setProject(OpenProject* project)
{
    m_task.cancel();
    m_project = project;
    setVisible(false); // until a computation finds a preference question
}

void PreferenceSection::refresh()
{
    if (!m_project) {
        return;
    }
    m_status->setText(QStringLiteral("Computing\u2026"));
    m_task.run(m_project, [path = m_project->pathBytes()](const Progress&) { return computePreferenceData(path); });
}

QString PreferenceSection::statusText() const
{
    return m_status->text();
}

void PreferenceSection::show(const PreferenceData& data)
{
    if (!data.error.isEmpty()) {
        // Said once: a project that cannot be read is the dashboard's failure to report; a
        // section already shown says its own.
        m_status->setText(QStringLiteral("Could not compute the preference numbers: %1").arg(data.error));
        if (isVisible()) {
            Q_EMIT failed(m_status->text());
        }
        return;
    }
    setVisible(!data.question.isEmpty());
    if (data.question.isEmpty()) {
        return;
    }
    m_title->setText(QStringLiteral("Preferences \u2014 question \u201c%1\u201d").arg(data.question));
    m_question = data.question;
    if (data.leaderboard) {
        const quality::Leaderboard& board = *data.leaderboard;
        std::vector<RatingsChart::Row> rows;
        for (const auto& standing : board.standings) {
            rows.push_back(
                {QString::fromStdString(standing.model), standing.rating, standing.ratingLower, standing.ratingUpper});
        }
        m_ratings->setRows(std::move(rows));
        QStringList models;
        for (const auto& model : board.models) {
            models << QString::fromStdString(model);
        }
        const std::size_t n = board.models.size();
        std::vector<std::vector<std::optional<double>>> rates(n, std::vector<std::optional<double>>(n));
        for (std::size_t i = 0; i < n; ++i) {
            for (std::size_t j = 0; j < n; ++j) {
                const double rate = board.winRate[i * n + j];
                if (i != j && !std::isnan(rate)) {
                    rates[i][j] = rate;
                }
            }
        }
        m_models = models;
        m_winRates->setData(models, std::move(rates));
        m_status->setText(QStringLiteral("%1 comparisons on %2 records; intervals from %3 bootstrap rounds.")
                              .arg(board.comparisons)
                              .arg(board.records)
                              .arg(board.usedRounds));
    } else {
        m_ratings->setRows({});
        m_winRates->setData({}, {});
        m_status->setText(QStringLiteral("No leaderboard: %1").arg(data.leaderboardNote));
    }
    m_ratingsPanel->setVisible(data.leaderboard.has_value());
    m_winPanel->setVisible(data.leaderboard.has_value());
    showBias(data);
}

void PreferenceSection::showBias(const PreferenceData& data)
{
    using namespace preference_section;
    const double alpha = quality::CheckOptions{}.biasAlpha; // flagged as `check` flags them by default
    m_bias->setRowCount(0);
    const auto addRow = [&](const QString& name, const quality::SideTest& first, const quality::SideTest& longer) {
        const int row = m_bias->rowCount();
        m_bias->insertRow(row);
        const bool positionFlag = first.votes > 0 && first.adjusted < alpha;
        const bool lengthFlag = longer.votes > 0 && longer.adjusted < alpha;
        QStringList flags;
        if (positionFlag) {
            flags << QStringLiteral("position");
        }
        if (lengthFlag) {
            flags << QStringLiteral("length");
        }
        const QStringList cells{name,
                                shareText(first),
                                first.votes ? pText(first.adjusted) : QString(),
                                shareText(longer),
                                longer.votes ? pText(longer.adjusted) : QString(),
                                flags.join(QStringLiteral(", "))};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            if ((column <= 2 && positionFlag && column > 0) || (column >= 3 && column <= 4 && lengthFlag) ||
                (column == 5 && !flags.isEmpty())) {
                item->setForeground(QColor(198, 40, 40));
            }
            m_bias->setItem(row, column, item);
        }
    };
    for (int a = 0; a < data.annotators.size(); ++a) {
        addRow(data.annotators[a], data.position.annotators[static_cast<std::size_t>(a)],
               data.length.annotators[static_cast<std::size_t>(a)]);
    }
    addRow(QStringLiteral("everyone"), data.position.overall, data.length.overall);

    m_flags = data.flags;
    m_flagList->clear();
    // The panel names the question; each flag says the rest in the checks' words.
    const QString prefix = QStringLiteral("question '%1': ").arg(data.question);
    for (const quality::Finding& flag : m_flags) {
        QString text = QString::fromStdString(flag.message);
        if (text.startsWith(prefix)) {
            text = text.mid(prefix.size());
        }
        m_flagList->addItem(QStringLiteral("%1 (%L2 records)").arg(text).arg(flag.sampleIds.size()));
    }
    if (m_flags.empty()) {
        m_flagList->addItem(QStringLiteral("No flag: no annotator's votes or pair of responses is in doubt."));
    }
}

} // namespace concord::gui
