// Paints a row of the samples list: the id and the annotator's mark on top, the preview below.
#pragma once

#include <QStyledItemDelegate>

namespace concord::gui {

class SampleListDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace concord::gui
