#include "app/gui/dashboard/QuestionsSection.hpp"

#include "app/gui/dashboard/NumberText.hpp"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace concord::gui {

namespace {

QTableWidget* makeTable(const QStringList& headers, QWidget* parent)
{
    auto* table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return table;
}

// Columns from `firstNumber` to `lastNumber` hold numbers: aligned right.
void setRow(QTableWidget* table, int row, const QStringList& cells, int firstNumber, int lastNumber,
            const QString& tooltip = QString())
{
    for (int column = 0; column < cells.size(); ++column) {
        auto* item = new QTableWidgetItem(cells[column]);
        if (column >= firstNumber && column <= lastNumber) {
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        }
        item->setToolTip(tooltip);
        table->setItem(row, column, item);
    }
}

// A table as tall as its rows: the dashboard page scrolls, not the table.
void fitHeight(QTableWidget* table)
{
    int height = table->horizontalHeader()->height() + 2 * table->frameWidth();
    for (int row = 0; row < table->rowCount(); ++row) {
        height += table->rowHeight(row);
    }
    table->setFixedHeight(height);
}

QString agreementText(const quality::QuestionSummary& summary)
{
    if (!summary.agreement.defined()) {
        return QStringLiteral("n/a");
    }
    QString text = number(summary.agreement.value);
    if (summary.interval && summary.interval->defined()) {
        text += QStringLiteral("  [%1, %2]").arg(number(summary.interval->lower), number(summary.interval->upper));
    }
    return text;
}

QString agreementTooltip(const quality::QuestionSummary& summary)
{
    QString text = QString::fromStdString(summary.statistic);
    if (!summary.agreement.defined()) {
        return text + QStringLiteral(": ") + words(summary.agreement);
    }
    if (summary.interval && summary.interval->defined()) {
        return text + QStringLiteral("; ") + bootstrapText(*summary.interval, QStringLiteral("records"));
    }
    return text + QStringLiteral("; no interval: the bootstrap does not cover this statistic");
}

} // namespace

QuestionsSection::QuestionsSection(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* title = new QLabel(QStringLiteral("Questions"), this);
    title->setStyleSheet(QStringLiteral("font-size: 15pt; font-weight: 600;"));
    layout->addWidget(title);
    m_questions = makeTable({QStringLiteral("Question"), QStringLiteral("Kind"), QStringLiteral("Submitted"),
                             QStringLiteral("Drafts"), QStringLiteral("Set aside"),
                             QStringLiteral("Agreement [95% interval]"), QStringLiteral("Statistic")},
                            this);
    m_questions->setObjectName(QStringLiteral("questionsTable"));
    layout->addWidget(m_questions);
    m_annotatorsTitle = new QLabel(this);
    m_annotatorsTitle->setStyleSheet(QStringLiteral("font-weight: 600;"));
    layout->addWidget(m_annotatorsTitle);
    m_annotators = makeTable({QStringLiteral("Annotator"), QStringLiteral("Submitted"), QStringLiteral("Drafts"),
                              QStringLiteral("Set aside"), QStringLiteral("Agrees with the others' majority"),
                              QStringLiteral("Kappa against it")},
                             this);
    m_annotators->setObjectName(QStringLiteral("questionAnnotatorsTable"));
    m_annotators->setSelectionMode(QAbstractItemView::NoSelection);
    layout->addWidget(m_annotators);
    connect(m_questions, &QTableWidget::currentCellChanged, this, [this](int row) { selectQuestion(row); });
}

void QuestionsSection::show(std::vector<quality::QuestionSummary> questions)
{
    const int selected = std::max(0, m_questions->currentRow());
    m_summaries = std::move(questions);
    m_questions->setRowCount(static_cast<int>(m_summaries.size()));
    for (int row = 0; row < m_questions->rowCount(); ++row) {
        const auto& summary = m_summaries[static_cast<std::size_t>(row)];
        setRow(m_questions, row,
               {QString::fromStdString(summary.question), QString::fromUtf8(toString(summary.kind).data()),
                QStringLiteral("%L1").arg(summary.counts.submitted), QStringLiteral("%L1").arg(summary.counts.drafts),
                QStringLiteral("%L1").arg(summary.counts.discarded), agreementText(summary),
                QString::fromStdString(summary.statistic)},
               2, 5, agreementTooltip(summary));
    }
    fitHeight(m_questions);
    const int row = std::min(selected, m_questions->rowCount() - 1);
    m_questions->setCurrentCell(row, 0);
    selectQuestion(row);
}

void QuestionsSection::selectQuestion(int row)
{
    if (row < 0 || row >= static_cast<int>(m_summaries.size())) {
        m_annotators->setRowCount(0);
        m_annotatorsTitle->clear();
        return;
    }
    const auto& summary = m_summaries[static_cast<std::size_t>(row)];
    m_annotatorsTitle->setText(QStringLiteral("Per annotator \u2014 question \u201c%1\u201d (of %L2 records)")
                                   .arg(QString::fromStdString(summary.question))
                                   .arg(summary.records));
    m_annotators->setRowCount(static_cast<int>(summary.annotators.size()));
    for (int i = 0; i < m_annotators->rowCount(); ++i) {
        const auto& annotator = summary.annotators[static_cast<std::size_t>(i)];
        QString agrees = QStringLiteral("\u2014");
        QString kappa = QStringLiteral("\u2014");
        QString tooltip;
        if (annotator.agreement && annotator.agreement->agreesWithOthers) {
            const auto& a = *annotator.agreement;
            const std::size_t compared = a.ratings - a.alone - a.ties;
            agrees =
                QStringLiteral("%1% of %L2").arg(QString::number(100.0 * *a.agreesWithOthers, 'f', 0)).arg(compared);
            kappa = a.kappa.defined() ? number(a.kappa.value) : QStringLiteral("n/a");
            tooltip = QStringLiteral("%L1 answers: %L2 on records nobody else answered, %L3 where the others tie")
                          .arg(a.ratings)
                          .arg(a.alone)
                          .arg(a.ties);
        }
        setRow(m_annotators, i,
               {QString::fromStdString(annotator.annotator), QStringLiteral("%L1").arg(annotator.counts.submitted),
                QStringLiteral("%L1").arg(annotator.counts.drafts),
                QStringLiteral("%L1").arg(annotator.counts.discarded), agrees, kappa},
               1, 5, tooltip);
    }
    fitHeight(m_annotators);
}

QString QuestionsSection::annotatorsTitle() const
{
    return m_annotatorsTitle->text();
}

} // namespace concord::gui
