// A header and a read-only Markdown view.
#include "app/gui/GuidelinesPanel.hpp"

#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace concord::gui {

GuidelinesPanel::GuidelinesPanel(QWidget* parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("guidelinesPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto* header = new QLabel(QStringLiteral("Guidelines  \u00b7  F1"), this);
    header->setObjectName(QStringLiteral("guidelinesHeader"));
    m_text = new QTextBrowser(this);
    m_text->setObjectName(QStringLiteral("guidelinesText"));
    m_text->setFrameShape(QFrame::NoFrame);
    m_text->setOpenExternalLinks(true);
    m_text->setFocusPolicy(Qt::ClickFocus); // keys belong to the labels
    m_text->document()->setDocumentMargin(14);
    layout->addWidget(header);
    layout->addWidget(m_text, 1);
}

void GuidelinesPanel::setGuidelines(const QString& markdown)
{
    if (markdown.trimmed().isEmpty()) {
        m_text->setMarkdown(QStringLiteral("*This project has no guidelines yet.*"));
    } else {
        m_text->setMarkdown(markdown);
    }
}

QString GuidelinesPanel::plainText() const
{
    return m_text->toPlainText();
}

} // namespace concord::gui
