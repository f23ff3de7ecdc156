// Layout of the annotation card; metadata shown as "field: value" chips of scalar fields.
#include "app/gui/AnnotateView.hpp"

#include "app/gui/LabelBar.hpp"
#include "app/gui/SampleTextView.hpp"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QStringList>
#include <QVBoxLayout>

namespace concord::gui {

namespace {

constexpr int cardMaxWidth = 880;

// The metadata's scalar fields, "source: amazon · lang: en", a few at most.
QString metaLine(const std::string& metaJson)
{
    const auto meta = nlohmann::json::parse(metaJson, nullptr, false);
    QStringList parts;
    if (meta.is_object()) {
        for (const auto& [name, value] : meta.items()) {
            if (parts.size() == 4) {
                break;
            }
            if (value.is_string()) {
                parts << QStringLiteral("%1: %2").arg(QString::fromStdString(name),
                                                      QString::fromStdString(value.get<std::string>()));
            } else if (value.is_number() || value.is_boolean()) {
                parts << QStringLiteral("%1: %2").arg(QString::fromStdString(name),
                                                      QString::fromStdString(value.dump()));
            }
        }
    }
    return parts.join(QStringLiteral("   \u00b7   "));
}

} // namespace

AnnotateView::AnnotateView(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("annotateView"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(40, 32, 40, 28);
    outer->setSpacing(0);

    auto* card = new QFrame(this);
    card->setObjectName(QStringLiteral("sampleCard"));
    card->setMaximumWidth(cardMaxWidth);
    card->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);
    auto* cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(36, 26, 36, 32);
    cardLayout->setSpacing(18);

    auto* header = new QHBoxLayout();
    m_idLabel = new QLabel(card);
    m_idLabel->setObjectName(QStringLiteral("sampleId"));
    m_idLabel->setTextFormat(Qt::PlainText);
    m_idLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_metaLabel = new QLabel(card);
    m_metaLabel->setObjectName(QStringLiteral("sampleMeta"));
    m_metaLabel->setTextFormat(Qt::PlainText);
    header->addWidget(m_idLabel);
    header->addStretch();
    header->addWidget(m_metaLabel);
    cardLayout->addLayout(header);

    m_text = new SampleTextView(card);
    cardLayout->addWidget(m_text);

    m_barHolder = new QVBoxLayout();
    m_barHolder->setContentsMargins(0, 28, 0, 0);
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("labelHint"));
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);

    // The card and the labels sit a little above the middle, where the eye rests.
    // The card takes the width up to its maximum; the side stretches take what is left, so it
    // stays centred on wide screens.
    auto* row = new QHBoxLayout();
    row->addStretch(1);
    row->addWidget(card, 100);
    row->addStretch(1);
    outer->addStretch(1);
    outer->addLayout(row);
    outer->addLayout(m_barHolder);
    outer->addSpacing(14);
    outer->addWidget(m_hint);
    outer->addStretch(2);
}

void AnnotateView::setSchema(const LabelSchema& schema)
{
    delete m_bar;
    m_bar = new LabelBar(schema, this);
    m_bar->setObjectName(QStringLiteral("labelBar"));
    m_barHolder->addWidget(m_bar);
    m_hint->setText(m_bar->hint());
    m_hint->setVisible(!m_hint->text().isEmpty());
    connect(m_bar, &LabelBar::valueChosen, this, &AnnotateView::valueChosen);
    connect(m_bar, &LabelBar::notice, this, &AnnotateView::notice);
}

void AnnotateView::showSample(const Sample& sample, const std::optional<nlohmann::json>& value)
{
    m_displayedId = QString::fromStdString(sample.id);
    m_idLabel->setText(m_displayedId);
    m_metaLabel->setText(metaLine(sample.meta));
    m_text->setSampleText(QString::fromStdString(sample.text));
    if (m_bar) {
        m_bar->setEnabled(true);
        m_bar->showValue(value);
    }
}

void AnnotateView::showPlaceholder(const QString& message)
{
    m_displayedId.clear();
    m_idLabel->clear();
    m_metaLabel->clear();
    m_text->setSampleText(message);
    if (m_bar) {
        m_bar->showValue(std::nullopt);
        m_bar->setEnabled(false);
    }
}

QString AnnotateView::displayedText() const
{
    return m_text->toPlainText();
}

} // namespace concord::gui
