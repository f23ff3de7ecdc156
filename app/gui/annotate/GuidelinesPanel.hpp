// The project's labeling guidelines (Markdown) in a side panel of the annotate screen, so that
// the annotator can check a rule without leaving the sample. Toggled with F1.
#pragma once

#include <QFrame>

class QLabel;
class QTextBrowser;

namespace concord::gui {

class GuidelinesPanel : public QFrame
{
    Q_OBJECT

public:
    explicit GuidelinesPanel(QWidget* parent = nullptr);

    // Shows the guidelines; an empty text says that the project has none.
    void setGuidelines(const QString& markdown);
    QString plainText() const;

private:
    QTextBrowser* m_text = nullptr;
};

} // namespace concord::gui
