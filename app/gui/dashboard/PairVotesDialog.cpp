#include "app/gui/dashboard/PairVotesDialog.hpp"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace concord::gui {

PairVotesDialog::PairVotesDialog(const QString& modelA, const QString& modelB, const quality::PairVotes& votes,
                                 QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(QStringLiteral("Votes: %1 against %2").arg(modelA, modelB));
    auto* layout = new QVBoxLayout(this);
    const std::size_t total = votes.aWins + votes.bWins + votes.ties;
    QString summary = QStringLiteral("%1 won %L2, lost %L3 and tied %L4 of %L5 comparisons with %6.")
                          .arg(modelA)
                          .arg(votes.aWins)
                          .arg(votes.bWins)
                          .arg(votes.ties)
                          .arg(total)
                          .arg(modelB);
    if (votes.rows.size() < total) {
        summary += QStringLiteral(" The first %L1 are listed.").arg(votes.rows.size());
    }
    m_summary = new QLabel(summary + QStringLiteral(" Enter or a double-click opens the record."), this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_table = new QTableWidget(static_cast<int>(votes.rows.size()), 3, this);
    m_table->setObjectName(QStringLiteral("pairVotesTable"));
    m_table->setHorizontalHeaderLabels(
        {QStringLiteral("Record"), QStringLiteral("Annotator"), QStringLiteral("Chose")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const auto& vote = votes.rows[static_cast<std::size_t>(row)];
        const QString chose = vote.outcome == quality::Outcome::AWins   ? modelA
                              : vote.outcome == quality::Outcome::BWins ? modelB
                                                                        : QStringLiteral("tie");
        m_table->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(vote.recordId)));
        m_table->setItem(row, 1, new QTableWidgetItem(QString::fromStdString(vote.annotator)));
        m_table->setItem(row, 2, new QTableWidgetItem(chose));
    }
    m_table->resizeColumnsToContents();
    layout->addWidget(m_table, 1);
    connect(m_table, &QTableWidget::activated, this, [this](const QModelIndex& index) {
        Q_EMIT openRecord(m_table->item(index.row(), 0)->text());
        accept();
    });
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(520, 480);
}

QString PairVotesDialog::summaryText() const
{
    return m_summary->text();
}

} // namespace concord::gui
