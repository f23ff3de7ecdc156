// A red-tinted strip with the message and a close button.
#include "app/gui/widgets/MessageBanner.hpp"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace concord::gui {

MessageBanner::MessageBanner(QWidget* parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("messageBanner"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 10, 10, 10);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("messageText"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* close = new QToolButton(this);
    close->setText(QStringLiteral("\u2715"));
    close->setToolTip(QStringLiteral("Dismiss"));
    close->setAutoRaise(true);
    close->setFocusPolicy(Qt::NoFocus);
    layout->addWidget(m_text, 1);
    layout->addWidget(close, 0, Qt::AlignTop);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void MessageBanner::showError(const QString& message)
{
    m_text->setText(message);
    show();
}

QString MessageBanner::text() const
{
    return isHidden() ? QString() : m_text->text();
}

} // namespace concord::gui
