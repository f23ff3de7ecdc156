// The sample's text, large and read-only, as tall as its content (up to the space there is,
// then it scrolls). Plain text only: a sample's markup is shown, never interpreted. Each
// paragraph takes its direction from its own text, so right-to-left samples read correctly.
#pragma once

#include <QTextBrowser>

namespace concord::gui {

class SampleTextView : public QTextBrowser
{
    Q_OBJECT

public:
    explicit SampleTextView(QWidget* parent = nullptr);

    void setSampleText(const QString& text);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    int contentHeight() const;
};

} // namespace concord::gui
