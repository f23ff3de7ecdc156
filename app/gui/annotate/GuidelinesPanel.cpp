// A header and a read-only Markdown view.
#include "app/gui/annotate/GuidelinesPanel.hpp"

#include <QLabel>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
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
        return;
    }
    m_text->setMarkdown(markdown);
    // Markdown's headings come at document sizes (up to twice the text), too loud for a narrow
    // side panel: keep them a little above the text.
    for (QTextBlock block = m_text->document()->begin(); block.isValid(); block = block.next()) {
        const int level = block.blockFormat().headingLevel();
        if (level == 0) {
            continue;
        }
        QTextCursor cursor(block);
        cursor.select(QTextCursor::BlockUnderCursor);
        QTextCharFormat format;
        // The importer sizes headings by FontSizeAdjustment (3 for a level-1 heading); 1 and 0
        // are the "large" and "normal" steps.
        format.setProperty(QTextFormat::FontSizeAdjustment, level == 1 ? 1 : 0);
        cursor.mergeCharFormat(format);
    }
}

QString GuidelinesPanel::plainText() const
{
    return m_text->toPlainText();
}

} // namespace concord::gui
