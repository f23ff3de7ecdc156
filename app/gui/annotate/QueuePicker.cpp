// See QueuePicker.hpp.
#include "app/gui/annotate/QueuePicker.hpp"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace concord::gui {

QueuePicker::QueuePicker(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    m_combo = new QComboBox(this);
    m_combo->setObjectName(QStringLiteral("queuePicker"));
    m_combo->setFocusPolicy(Qt::ClickFocus); // keys belong to the labels
    m_combo->setToolTip(QStringLiteral("Which sample comes next after you label one"));
    m_combo->addItem(QStringLiteral("Next: unlabeled first"), static_cast<int>(QueueChoice::UnlabeledFirst));
    m_combo->addItem(QStringLiteral("Next: in order"), static_cast<int>(QueueChoice::InOrder));
    m_combo->addItem(QStringLiteral("Next: assigned to me"), static_cast<int>(QueueChoice::AssignedToMe));
    m_combo->addItem(QStringLiteral("Next: most informative first (model)"),
                     static_cast<int>(QueueChoice::MostInformative));
    m_combo->setItemData(2, QStringLiteral("The samples the server reserved for you"), Qt::ToolTipRole);
    m_combo->setItemData(3,
                         QStringLiteral("The built-in model learns from the labels so far and ranks the "
                                        "unlabeled samples by its uncertainty; it ranks again after each batch"),
                         Qt::ToolTipRole);

    m_busyRow = new QWidget(this);
    auto* busyLayout = new QHBoxLayout(m_busyRow);
    busyLayout->setContentsMargins(0, 0, 0, 0);
    m_status = new QLabel(m_busyRow);
    m_status->setObjectName(QStringLiteral("queueStatus"));
    m_status->setWordWrap(true);
    m_cancel = new QPushButton(QStringLiteral("Cancel"), m_busyRow);
    m_cancel->setFocusPolicy(Qt::NoFocus);
    busyLayout->addWidget(m_status, 1);
    busyLayout->addWidget(m_cancel);
    m_busyRow->hide();

    layout->addWidget(m_combo);
    layout->addWidget(m_busyRow);

    connect(m_combo, &QComboBox::activated, this,
            [this](int index) { Q_EMIT chosen(static_cast<QueueChoice>(m_combo->itemData(index).toInt())); });
    connect(m_cancel, &QPushButton::clicked, this, &QueuePicker::cancelled);
}

QString QueuePicker::statusText() const
{
    return m_busyRow->isHidden() ? QString() : m_status->text();
}

void QueuePicker::showChoice(QueueChoice choice)
{
    const QSignalBlocker block(m_combo);
    m_combo->setCurrentIndex(m_combo->findData(static_cast<int>(choice)));
}

void QueuePicker::setAssignAvailable(bool available)
{
    // Disabled rather than hidden: the annotator learns that the order exists and when.
    auto* items = qobject_cast<QStandardItemModel*>(m_combo->model());
    if (QStandardItem* item = items ? items->item(2) : nullptr) {
        item->setEnabled(available);
        item->setToolTip(available ? QStringLiteral("The samples the server reserved for you")
                                   : QStringLiteral("Only on a project joined to a server"));
    }
}

void QueuePicker::showBusy(const QString& what)
{
    m_status->setText(what);
    m_busyRow->show();
}

void QueuePicker::showIdle()
{
    m_busyRow->hide();
}

} // namespace concord::gui
