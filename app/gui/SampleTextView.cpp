// A QTextBrowser that sizes itself to its document.
#include "app/gui/SampleTextView.hpp"

#include <QAbstractTextDocumentLayout>
#include <QScrollBar>

#include <cmath>

namespace concord::gui {

SampleTextView::SampleTextView(QWidget* parent) : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("sampleText"));
    setFrameShape(QFrame::NoFrame);
    setOpenLinks(false);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    // Selectable with the mouse (to copy a phrase), but no keyboard caret: keys label.
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setFocusPolicy(Qt::ClickFocus);
    document()->setDocumentMargin(0);
    viewport()->setAutoFillBackground(false);

    QFont font = this->font();
    font.setPointSizeF(font.pointSizeF() * 1.7);
    setFont(font);
    QTextOption option = document()->defaultTextOption();
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    document()->setDefaultTextOption(option);
}

void SampleTextView::setSampleText(const QString& text)
{
    setPlainText(text);
    // Generous line spacing reads more calmly than the default for long samples.
    QTextCursor cursor(document());
    cursor.select(QTextCursor::Document);
    QTextBlockFormat format;
    format.setLineHeight(135, QTextBlockFormat::ProportionalHeight);
    format.setBottomMargin(font().pointSizeF() * 0.6);
    cursor.mergeBlockFormat(format);
    verticalScrollBar()->setValue(0);
    updateGeometry();
}

int SampleTextView::contentHeight() const
{
    return static_cast<int>(std::ceil(document()->documentLayout()->documentSize().height())) + 2 * frameWidth();
}

QSize SampleTextView::sizeHint() const
{
    return {QTextBrowser::sizeHint().width(), contentHeight()};
}

QSize SampleTextView::minimumSizeHint() const
{
    return {100, std::min(contentHeight(), fontMetrics().lineSpacing() * 3)};
}

void SampleTextView::resizeEvent(QResizeEvent* event)
{
    const int before = contentHeight();
    QTextBrowser::resizeEvent(event);
    if (contentHeight() != before) {
        updateGeometry();
    }
}

} // namespace concord::gui
