#include "app/gui/feedback/SpansBox.hpp"

#include "app/gui/widgets/SampleTextView.hpp"
#include "app/gui/widgets/SpanEditing.hpp"
#include "app/gui/widgets/ValueSummary.hpp"
#include "core/feedback/Answers.hpp"

#include <QKeyEvent>
#include <QLabel>
#include <QStringList>
#include <QVBoxLayout>

#include <algorithm>

namespace concord::gui {

namespace {

// A long response scrolls inside the box rather than pushing the other questions away.
constexpr int maxTextHeight = 320;

} // namespace

SpansBox::SpansBox(const Question& question, QWidget* parent) : QuestionBox(question, parent)
{
    m_text = new SampleTextView(this);
    m_text->setObjectName(QStringLiteral("spansText"));
    QFont font = this->font();
    font.setPointSizeF(font.pointSizeF() * 1.15); // the one-question card's size is for a text alone
    m_text->setFont(font);
    m_text->setSpanEditing(true);
    m_text->setMaximumHeight(maxTextHeight);
    m_text->installEventFilter(this);
    body()->addWidget(m_text);

    QStringList keys;
    for (const Label& label : question.labels.labels) {
        keys << QStringLiteral("%1 [%2]").arg(QString::fromStdString(label.name), QString::fromStdString(label.key));
    }
    auto* legend = new QLabel(keys.join(QStringLiteral("   ")), this);
    legend->setObjectName(QStringLiteral("spanKeys"));
    body()->addWidget(legend);
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("spanNotice"));
    m_notice->setStyleSheet(QStringLiteral("color: #6d6d6d;"));
    m_notice->hide();
    body()->addWidget(m_notice);

    setFocusProxy(m_text); // Tab to the box is Tab into the text, where the caret selects
    connect(m_text, &SampleTextView::spanClicked, this,
            [this](int index) { give(withoutSpan(m_spans, static_cast<std::size_t>(index)), false); });
}

QString SpansBox::keyHint() const
{
    return QStringLiteral("Shift+arrows select, a label's key marks, Delete removes, Enter gives the spans");
}

void SpansBox::showAnswer(const RecordContent& record, const std::optional<nlohmann::json>& answer,
                          const std::vector<std::string>&)
{
    m_fieldText = markedText(question(), record);
    m_text->setSampleText(QString::fromStdString(m_fieldText));
    m_notice->hide();
    const bool stored = answer && answer->contains("spans") && (*answer)["spans"].is_array();
    showSpans(stored ? (*answer)["spans"] : nlohmann::json::array());
}

void SpansBox::showSuggestion(const std::optional<SuggestionChange>& suggestion, bool answered)
{
    QuestionBox::showSuggestion(suggestion, answered);
    // Prefilled: the suggested spans are drawn, to take with Enter or to edit from.
    if (!answered && offered() && question().suggestions == SuggestionMode::Prefill && offered()->contains("spans") &&
        (*offered())["spans"].is_array()) {
        showSpans((*offered())["spans"]);
    }
}

QString SpansBox::describe(const nlohmann::json& value) const
{
    return describeSpans(m_fieldText, value);
}

void SpansBox::showSpans(const nlohmann::json& spans)
{
    m_spans = spans;
    m_text->setSpans(spanMarks(question().labels, {{"spans", spans}}));
}

void SpansBox::give(const nlohmann::json& spans, bool moveOn)
{
    m_notice->hide();
    showSpans(spans); // a refused value is replaced by the stored one when the screen shows it again
    if (moveOn) {
        Q_EMIT answered({{"spans", spans}});
    } else {
        Q_EMIT answerEdited({{"spans", spans}});
    }
}

void SpansBox::addSpan(std::size_t labelIndex)
{
    const auto range = m_text->selectedRange();
    if (!range) {
        m_notice->setText(QStringLiteral("Select some text first (Shift+arrows or the mouse), then press the "
                                         "label's key"));
        m_notice->show();
        return;
    }
    give(withSpan(m_spans, *range, question().labels.labels.at(labelIndex).name), false);
    m_text->selectRange(range->second, range->second); // marked: the next key does not mark it again
}

void SpansBox::removeAtCaret()
{
    if (const auto index = spanAtCaret(m_text->spans(), m_text->caretPosition())) {
        give(withoutSpan(m_spans, *index), false);
        return;
    }
    m_notice->setText(QStringLiteral("Put the caret in a span (click it, or use the arrow keys) to remove it"));
    m_notice->show();
}

bool SpansBox::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_text && (event->type() == QEvent::FocusIn || event->type() == QEvent::FocusOut)) {
        updateLook();
    }
    if (watched == m_text && event->type() == QEvent::Resize) {
        // The whole text (up to a cap) even where the box is given only its minimum, as on the
        // review screen; its height is known once its width is.
        m_text->setMinimumHeight(std::min(m_text->sizeHint().height(), maxTextHeight));
    }
    if (watched != m_text || event->type() != QEvent::KeyPress) {
        return QuestionBox::eventFilter(watched, event);
    }
    auto* key = static_cast<QKeyEvent*>(event);
    const bool plain = (key->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier)) == Qt::NoModifier;
    if (!plain) {
        return false; // Ctrl+Enter, Ctrl+S and the others are the screen's
    }
    if (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace) {
        removeAtCaret();
        return true;
    }
    if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && key->modifiers() == Qt::NoModifier) {
        if (takesSuggestion() && m_spans == offered()->value("spans", nlohmann::json())) {
            Q_EMIT answered(*offered()); // the suggestion, untouched, is taken as suggested
        } else {
            give(m_spans, true);
        }
        return true;
    }
    const QString text = key->text();
    const auto& labels = question().labels.labels;
    for (std::size_t i = 0; i < labels.size() && !text.isEmpty(); ++i) {
        if (QString::fromStdString(labels[i].key).compare(text, Qt::CaseInsensitive) == 0) {
            addSpan(i);
            return true;
        }
    }
    return false; // arrows and Shift+arrows move the caret and select
}

} // namespace concord::gui
