// What is behind a figure of the dashboard, one row per record (its id in the first column): the
// votes of a win-rate cell, the records of a bias flag. Activating a row (Enter, double-click)
// asks to open the record.
#pragma once

#include <QDialog>
#include <QStringList>

#include <vector>

class QLabel;
class QTableWidget;

namespace concord::gui {

class RecordRowsDialog : public QDialog
{
    Q_OBJECT

public:
    RecordRowsDialog(const QString& title, const QString& summary, const QStringList& headers,
                     const std::vector<QStringList>& rows, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    QString summaryText() const;

Q_SIGNALS:
    void openRecord(const QString& id);

private:
    QLabel* m_summary = nullptr;
    QTableWidget* m_table = nullptr;
};

} // namespace concord::gui
