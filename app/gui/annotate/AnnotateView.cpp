// Layout of the annotation card; metadata shown as "field: value" chips of scalar fields.
#include "app/gui/annotate/AnnotateView.hpp"

#include "app/gui/widgets/LabelBar.hpp"
#include "app/gui/widgets/SampleTextView.hpp"
#include "app/gui/widgets/SpanEditing.hpp"
#include "app/gui/widgets/ValueSummary.hpp"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QShortcut>
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
    m_flagLabel = new QLabel(card);
    m_flagLabel->setObjectName(QStringLiteral("sampleFlag"));
    m_flagLabel->setTextFormat(Qt::PlainText);
    m_flagLabel->hide();
    header->addWidget(m_idLabel);
    header->addSpacing(10);
    header->addWidget(m_flagLabel);
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

    connect(m_text, &SampleTextView::spanClicked, this,
            [this](int index) { removeSpan(static_cast<std::size_t>(index)); });
    // Delete and Backspace remove the span under the caret, wherever the focus is.
    for (const auto key : {Qt::Key_Delete, Qt::Key_Backspace}) {
        auto* remove = new QShortcut(QKeySequence(key), this);
        connect(remove, &QShortcut::activated, this, &AnnotateView::removeSpanAtCaret);
    }
}

void AnnotateView::setSchema(const LabelSchema& schema)
{
    m_schema = schema;
    m_text->setSpanEditing(schema.kind == TaskKind::Spans);
    delete m_bar;
    m_bar = new LabelBar(schema, this);
    m_bar->setObjectName(QStringLiteral("labelBar"));
    m_barHolder->addWidget(m_bar);
    m_hint->setText(m_bar->hint() + QStringLiteral("\nSpace skips  \u00b7  Ctrl+Z undoes, Ctrl+Shift+Z redoes, in any "
                                                   "sample  \u00b7  F1 shows the guidelines"));
    m_hint->setVisible(!m_hint->text().isEmpty());
    connect(m_bar, &LabelBar::valueChosen, this, &AnnotateView::valueChosen);
    connect(m_bar, &LabelBar::notice, this, &AnnotateView::notice);
    connect(m_bar, &LabelBar::spanLabelPressed, this, &AnnotateView::addSpan);
    connect(m_bar, &LabelBar::acceptPressed, this, [this] { Q_EMIT valueChosen({{"spans", m_spans}}); });
}

void AnnotateView::showSample(const Sample& sample, const std::optional<nlohmann::json>& value)
{
    m_displayedId = QString::fromStdString(sample.id);
    m_idLabel->setText(m_displayedId);
    m_metaLabel->setText(metaLine(sample.meta));
    m_text->setSampleText(QString::fromStdString(sample.text));
    showSpans(value);
    if (m_bar) {
        m_bar->setEnabled(true);
        m_bar->showValue(value);
    }
}

void AnnotateView::showFlag(const std::optional<QString>& comment)
{
    m_flagLabel->setVisible(comment.has_value());
    m_flagLabel->setText(comment ? QStringLiteral("\u2691 flagged") : QString());
    m_flagLabel->setToolTip(comment ? QStringLiteral("Your flag: %1").arg(*comment) : QString());
}

QString AnnotateView::flagText() const
{
    return m_flagLabel->isVisible() ? m_flagLabel->toolTip() : QString();
}

void AnnotateView::showSpans(const std::optional<nlohmann::json>& value)
{
    m_spans = nlohmann::json::array();
    if (m_schema.kind != TaskKind::Spans || !value || !value->contains("spans") || !(*value)["spans"].is_array()) {
        return;
    }
    m_spans = (*value)["spans"];
    m_text->setSpans(spanMarks(m_schema, *value));
}

void AnnotateView::addSpan(std::size_t labelIndex)
{
    if (m_displayedId.isEmpty()) {
        return;
    }
    const auto range = m_text->selectedRange();
    if (!range) {
        Q_EMIT notice(QStringLiteral("Select some text first, then press the label's key"));
        return;
    }
    Q_EMIT valueEdited({{"spans", withSpan(m_spans, *range, m_schema.labels.at(labelIndex).name)}});
}

void AnnotateView::removeSpan(std::size_t index)
{
    if (index >= m_spans.size()) {
        return;
    }
    Q_EMIT valueEdited({{"spans", withoutSpan(m_spans, index)}});
}

void AnnotateView::removeSpanAtCaret()
{
    if (m_schema.kind != TaskKind::Spans || m_displayedId.isEmpty()) {
        return;
    }
    if (const auto index = spanAtCaret(m_text->spans(), m_text->caretPosition())) {
        removeSpan(*index);
        return;
    }
    Q_EMIT notice(QStringLiteral("Put the caret in a span (click it, or use the arrow keys) to remove it"));
}

void AnnotateView::showPlaceholder(const QString& message)
{
    m_displayedId.clear();
    m_idLabel->clear();
    m_metaLabel->clear();
    showFlag(std::nullopt);
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
