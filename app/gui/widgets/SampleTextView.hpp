// The sample's text, large and read-only, as tall as its content (up to the space there is,
// then it scrolls). Plain text only: a sample's markup is shown, never interpreted. Each
// paragraph takes its direction from its own text, so right-to-left samples read correctly.
// For span tasks it also draws the spans (a tinted highlight with the label's name under its
// start), lets the annotator select with the keyboard as well as the mouse, and reports clicks
// on a span. Offsets in and out are Unicode code points into the sample's text, as stored.
#pragma once

#include <QColor>
#include <QTextBrowser>

#include <optional>
#include <utility>
#include <vector>

namespace concord::gui {

struct SpanMark
{
    std::size_t start = 0; // code points
    std::size_t end = 0;
    QString label;
    QColor color;
};

class SampleTextView : public QTextBrowser
{
    Q_OBJECT

public:
    explicit SampleTextView(QWidget* parent = nullptr);

    void setSampleText(const QString& text);
    // Span tasks: a keyboard caret for selecting, and room under each line for span tags.
    void setSpanEditing(bool enabled);
    void setSpans(std::vector<SpanMark> spans);
    const std::vector<SpanMark>& spans() const { return m_spans; }

    // The selection as code points [start, end), without surrounding white space; nullopt when
    // nothing (or only white space) is selected.
    std::optional<std::pair<std::size_t, std::size_t>> selectedRange() const;
    // The caret's position in code points.
    std::size_t caretPosition() const;
    // Selects code points [start, end), as the mouse or Shift+arrows would.
    void selectRange(std::size_t start, std::size_t end);
    // Where the span's first character is drawn, in this widget's viewport coordinates.
    QRect spanRect(std::size_t index) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    // A click (not a drag) on the span with this index in spans().
    void spanClicked(int index);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    int contentHeight() const;
    void applyBlockFormat();
    int utf16Of(std::size_t codePoint) const;
    std::size_t codePointOf(int utf16) const;
    int spanAt(const QPoint& viewportPoint) const;

    QString m_text;
    bool m_spanEditing = false;
    std::vector<SpanMark> m_spans;
    QPoint m_pressPoint;
};

} // namespace concord::gui
