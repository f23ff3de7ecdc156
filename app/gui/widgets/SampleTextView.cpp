// A QTextBrowser that sizes itself to its document and, for span tasks, draws the spans.
#include "app/gui/widgets/SampleTextView.hpp"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>

#include <cmath>

namespace concord::gui {

namespace {

// Percent of the font's line spacing. Span tasks need room under each line for the tags.
constexpr int plainLineHeight = 135;
constexpr int spanLineHeight = 210;

QFont tagFont(const QFont& base)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * 0.42);
    font.setBold(true);
    return font;
}

} // namespace

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
    m_text = text;
    m_spans.clear();
    setExtraSelections({});
    setPlainText(text);
    applyBlockFormat();
    verticalScrollBar()->setValue(0);
    updateGeometry();
}

void SampleTextView::applyBlockFormat()
{
    // Generous line spacing reads more calmly than the default for long samples.
    QTextCursor cursor(document());
    cursor.select(QTextCursor::Document);
    QTextBlockFormat format;
    const bool tags = m_spanEditing || !m_spans.empty();
    format.setLineHeight(tags ? spanLineHeight : plainLineHeight, QTextBlockFormat::ProportionalHeight);
    format.setBottomMargin(font().pointSizeF() * 0.6);
    cursor.mergeBlockFormat(format);
}

void SampleTextView::setSpanEditing(bool enabled)
{
    m_spanEditing = enabled;
    // Arrow keys with Shift select; the label keys are window shortcuts, which a read-only
    // text does not claim, so they still reach the labels while the caret is here.
    setTextInteractionFlags(enabled ? Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard
                                    : Qt::TextSelectableByMouse);
    setFocusPolicy(enabled ? Qt::StrongFocus : Qt::ClickFocus);
    applyBlockFormat();
    updateGeometry();
}

int SampleTextView::utf16Of(std::size_t codePoint) const
{
    qsizetype unit = 0;
    for (std::size_t n = 0; n < codePoint && unit < m_text.size(); ++n) {
        const bool pair =
            m_text[unit].isHighSurrogate() && unit + 1 < m_text.size() && m_text[unit + 1].isLowSurrogate();
        unit += pair ? 2 : 1;
    }
    return static_cast<int>(unit);
}

std::size_t SampleTextView::codePointOf(int utf16) const
{
    std::size_t count = 0;
    for (qsizetype unit = 0; unit < utf16 && unit < m_text.size(); ++unit) {
        if (!m_text[unit].isLowSurrogate()) {
            ++count;
        }
    }
    return count;
}

void SampleTextView::setSpans(std::vector<SpanMark> spans)
{
    m_spans = std::move(spans);
    QList<QTextEdit::ExtraSelection> selections;
    for (const SpanMark& span : m_spans) {
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(document());
        selection.cursor.setPosition(utf16Of(span.start));
        selection.cursor.setPosition(utf16Of(span.end), QTextCursor::KeepAnchor);
        QColor tint = span.color;
        tint.setAlpha(60);
        selection.format.setBackground(tint);
        selection.format.setUnderlineStyle(QTextCharFormat::SingleUnderline);
        selection.format.setUnderlineColor(span.color);
        selections << selection;
    }
    setExtraSelections(selections);
    if (!m_spanEditing) {
        applyBlockFormat(); // room for the tags under the lines, on a read-only view too
        updateGeometry();
    }
    viewport()->update();
}

std::optional<std::pair<std::size_t, std::size_t>> SampleTextView::selectedRange() const
{
    const QTextCursor cursor = textCursor();
    if (!cursor.hasSelection()) {
        return std::nullopt;
    }
    int start = cursor.selectionStart();
    int end = std::min<int>(cursor.selectionEnd(), static_cast<int>(m_text.size()));
    while (start < end && m_text[start].isSpace()) {
        ++start;
    }
    while (end > start && m_text[end - 1].isSpace()) {
        --end;
    }
    if (start >= end) {
        return std::nullopt;
    }
    return std::make_pair(codePointOf(start), codePointOf(end));
}

std::size_t SampleTextView::caretPosition() const
{
    return codePointOf(textCursor().position());
}

void SampleTextView::selectRange(std::size_t start, std::size_t end)
{
    QTextCursor cursor(document());
    cursor.setPosition(utf16Of(start));
    cursor.setPosition(utf16Of(end), QTextCursor::KeepAnchor);
    setTextCursor(cursor);
}

QRect SampleTextView::spanRect(std::size_t index) const
{
    QTextCursor cursor(document());
    cursor.setPosition(utf16Of(m_spans.at(index).start));
    QRect rect = cursorRect(cursor);
    cursor.setPosition(utf16Of(m_spans.at(index).start) + 1);
    const QRect next = cursorRect(cursor);
    if (next.top() == rect.top() && next.left() > rect.left()) {
        rect.setRight(next.left()); // the first character's width, when it sits on the same line
    }
    return rect;
}

int SampleTextView::spanAt(const QPoint& viewportPoint) const
{
    const QPoint documentPoint = viewportPoint + QPoint(0, verticalScrollBar()->value());
    const int position = document()->documentLayout()->hitTest(documentPoint, Qt::ExactHit);
    if (position < 0) {
        return -1;
    }
    // hitTest gives the caret position nearest to the point; the character under the point is
    // the one before it when the point is left of that caret (left-to-right text).
    QTextCursor cursor(document());
    cursor.setPosition(position);
    const bool before = viewportPoint.x() < cursorRect(cursor).x() && position > 0;
    const std::size_t codePoint = codePointOf(before ? position - 1 : position);
    for (std::size_t i = 0; i < m_spans.size(); ++i) {
        if (m_spans[i].start <= codePoint && codePoint < m_spans[i].end) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

void SampleTextView::paintEvent(QPaintEvent* event)
{
    QTextBrowser::paintEvent(event);
    if (m_spans.empty()) {
        return;
    }
    // Each span's label in a small tag under its first character, in the label's colour.
    QPainter painter(viewport());
    painter.setRenderHint(QPainter::Antialiasing);
    const QFont font = tagFont(this->font());
    const QFontMetrics metrics(font);
    painter.setFont(font);
    for (std::size_t i = 0; i < m_spans.size(); ++i) {
        const QRect anchor = spanRect(i);
        const int width = metrics.horizontalAdvance(m_spans[i].label) + 10;
        const QRect tag(anchor.left(), anchor.bottom() + 3, width, metrics.height() + 2);
        QPainterPath path;
        path.addRoundedRect(tag, 4, 4);
        painter.fillPath(path, m_spans[i].color);
        painter.setPen(Qt::white);
        painter.drawText(tag, Qt::AlignCenter, m_spans[i].label);
    }
}

void SampleTextView::mousePressEvent(QMouseEvent* event)
{
    m_pressPoint = event->position().toPoint();
    QTextBrowser::mousePressEvent(event);
}

void SampleTextView::mouseReleaseEvent(QMouseEvent* event)
{
    QTextBrowser::mouseReleaseEvent(event);
    const QPoint point = event->position().toPoint();
    const bool click = (point - m_pressPoint).manhattanLength() < QApplication::startDragDistance();
    if (m_spanEditing && event->button() == Qt::LeftButton && click && !textCursor().hasSelection()) {
        if (const int index = spanAt(point); index >= 0) {
            Q_EMIT spanClicked(index);
        }
    }
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
