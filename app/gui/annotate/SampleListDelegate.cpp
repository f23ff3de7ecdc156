// Two-line sample rows with a coloured mark for labeled samples.
#include "app/gui/annotate/SampleListDelegate.hpp"

#include "app/gui/project/SampleListModel.hpp"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace concord::gui {

namespace {

constexpr int padding = 8;
constexpr int lineGap = 2;

QFont idFont(const QFont& base)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * 0.85);
    font.setBold(true);
    return font;
}

} // namespace

QSize SampleListDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const
{
    const QFontMetrics idMetrics(idFont(option.font));
    const QFontMetrics textMetrics(option.font);
    return {200, padding * 2 + idMetrics.height() + lineGap + textMetrics.height()};
}

void SampleListDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette& palette = option.palette;
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const QRect rect = option.rect;

    if (selected) {
        painter->fillRect(rect, palette.color(QPalette::Highlight).lighter(185));
        painter->fillRect(QRect(rect.left(), rect.top(), 3, rect.height()), palette.color(QPalette::Highlight));
    } else if (option.state.testFlag(QStyle::State_MouseOver)) {
        painter->fillRect(rect, palette.color(QPalette::AlternateBase));
    }
    painter->setPen(palette.color(QPalette::Midlight));
    painter->drawLine(rect.bottomLeft(), rect.bottomRight());

    const QRect content = rect.adjusted(padding + 4, padding, -padding, -padding);
    const QFont ids = idFont(option.font);
    const QFontMetrics idMetrics(ids);
    QRect top(content.left(), content.top(), content.width(), idMetrics.height());

    // The mark: a dot and the value in its label's colour, at the trailing end of the top line.
    const QString mark = index.data(SampleListModel::MarkRole).toString();
    if (!mark.isEmpty()) {
        const QColor color = index.data(SampleListModel::MarkColorRole).value<QColor>();
        const QString shown = idMetrics.elidedText(mark, Qt::ElideRight, content.width() / 2);
        const int width = idMetrics.horizontalAdvance(shown);
        const int dot = idMetrics.height() / 2;
        painter->setFont(ids);
        painter->setPen(color);
        painter->drawText(QRect(top.right() - width, top.top(), width, top.height()), Qt::AlignVCenter, shown);
        painter->setBrush(color);
        painter->setPen(Qt::NoPen);
        painter->drawEllipse(QRect(top.right() - width - dot - 6, top.center().y() - dot / 2, dot, dot));
        top.setRight(top.right() - width - dot - 14);
    }

    painter->setFont(ids);
    painter->setPen(palette.color(QPalette::PlaceholderText));
    painter->drawText(
        top, Qt::AlignVCenter | Qt::AlignLeft,
        idMetrics.elidedText(index.data(SampleListModel::IdRole).toString(), Qt::ElideRight, top.width()));

    const QFontMetrics textMetrics(option.font);
    const QRect bottom(content.left(), top.bottom() + 1 + lineGap, content.width(), textMetrics.height());
    painter->setFont(option.font);
    painter->setPen(palette.color(QPalette::Text));
    // A right-to-left preview starts at the right edge, whatever the list's own direction.
    const QString preview = index.data(SampleListModel::PreviewRole).toString();
    const Qt::Alignment side = preview.isRightToLeft() ? Qt::AlignRight : Qt::AlignLeft;
    painter->drawText(bottom, Qt::AlignVCenter | Qt::AlignAbsolute | side,
                      textMetrics.elidedText(preview, Qt::ElideRight, bottom.width()));
    painter->restore();
}

} // namespace concord::gui
