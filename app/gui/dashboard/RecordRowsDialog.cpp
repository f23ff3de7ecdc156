#include "app/gui/dashboard/RecordRowsDialog.hpp"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace concord::gui {

RecordRowsDialog::RecordRowsDialog(const QString& title, const QString& summary, const QStringList& headers,
                                   const std::vector<QStringList>& rows, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(title);
    auto* layout = new QVBoxLayout(this);
    m_summary = new QLabel(summary + QStringLiteral(" Enter or a double-click opens the record."), this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_table = new QTableWidget(static_cast<int>(rows.size()), static_cast<int>(headers.size()), this);
    m_table->setObjectName(QStringLiteral("recordRowsTable"));
    m_table->setHorizontalHeaderLabels(headers);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QStringList& cells = rows[static_cast<std::size_t>(row)];
        for (int column = 0; column < cells.size() && column < headers.size(); ++column) {
            m_table->setItem(row, column, new QTableWidgetItem(cells[column]));
        }
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

QString RecordRowsDialog::summaryText() const
{
    return m_summary->text();
}

} // namespace concord::gui
