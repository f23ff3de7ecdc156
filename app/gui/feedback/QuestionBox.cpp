#include "app/gui/feedback/QuestionBox.hpp"

#include "app/gui/feedback/ChoiceBox.hpp"
#include "app/gui/feedback/PreferenceBox.hpp"
#include "app/gui/feedback/RankingBox.hpp"
#include "app/gui/feedback/SpansBox.hpp"
#include "app/gui/feedback/TextAnswerBox.hpp"

#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

namespace concord::gui {

namespace question_box {

// Rankings of more than nine fields (whose places cannot be typed as single digits) are answered
// in the CLI for now; the box says so instead of hiding them.
class NotHereBox : public QuestionBox
{
public:
    NotHereBox(const Question& question, QWidget* parent) : QuestionBox(question, parent)
    {
        auto* text = new QLabel(QStringLiteral("A %1 question is not answered in the app yet: use "
                                               "concord-cli label or import the answers.")
                                    .arg(QString::fromUtf8(toString(question.kind).data())),
                                this);
        text->setWordWrap(true);
        body()->addWidget(text);
    }
    void showAnswer(const RecordContent&, const std::optional<nlohmann::json>&,
                    const std::vector<std::string>&) override
    {}
    QString keyHint() const override { return {}; }
    QString describe(const nlohmann::json& value) const override { return QString::fromStdString(value.dump()); }
};

} // namespace question_box

QuestionBox::QuestionBox(const Question& question, QWidget* parent) : QFrame(parent), m_question(question)
{
    setObjectName(QStringLiteral("question_%1").arg(QString::fromStdString(question.name)));
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame); // paintEvent draws the outline
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    QString title = QString::fromStdString(question.title.empty() ? question.name : question.title);
    if (!question.required && !title.contains(QStringLiteral("optional"), Qt::CaseInsensitive)) {
        title += QStringLiteral("  (optional)");
    }
    m_title = new QLabel(title, this);
    QFont bold = m_title->font();
    bold.setWeight(QFont::DemiBold);
    m_title->setFont(bold);
    if (!question.description.empty()) {
        m_title->setToolTip(QString::fromStdString(question.description));
    }
    layout->addWidget(m_title);
    m_body = new QVBoxLayout;
    layout->addLayout(m_body);
    m_suggestion = new QLabel(this);
    m_suggestion->setObjectName(QStringLiteral("suggestion"));
    m_suggestion->setStyleSheet(QStringLiteral("color: #6a1b9a;"));
    m_suggestion->setWordWrap(true);
    m_suggestion->hide();
    layout->addWidget(m_suggestion);
    updateLook();
}

void QuestionBox::showSuggestion(const std::optional<SuggestionChange>& suggestion, bool answered)
{
    m_suggested = suggestion;
    m_answered = answered;
    m_offered.reset();
    if (suggestion) {
        auto value = nlohmann::json::parse(suggestion->value, nullptr, false);
        if (!value.is_discarded()) {
            m_offered = std::move(value);
        }
    }
    const bool shown = m_offered && (question().suggestions == SuggestionMode::Prefill || m_answered);
    m_suggestion->setVisible(shown);
    if (!shown) {
        return;
    }
    const bool takeable = !m_answered && question().suggestions == SuggestionMode::Prefill;
    m_suggestion->setText(QStringLiteral("Suggested: %1%2")
                              .arg(describe(*m_offered), takeable ? QStringLiteral("   (Enter takes it)") : QString()));
    QString tip = QStringLiteral("Suggested by %1").arg(QString::fromStdString(suggestion->agent));
    if (suggestion->score) {
        tip += QStringLiteral(", score %1").arg(*suggestion->score, 0, 'g', 3);
    }
    m_suggestion->setToolTip(tip);
}

void QuestionBox::revealSuggestion()
{
    showSuggestion(m_suggested, true);
}

QString QuestionBox::suggestionText() const
{
    return m_suggestion->isVisible() ? m_suggestion->text() : QString();
}

int QuestionBox::digitOf(const QKeyEvent* event)
{
    if (event->key() >= Qt::Key_0 && event->key() <= Qt::Key_9) {
        return event->key() - Qt::Key_0;
    }
    // X11 and Wayland give the evdev code plus 8: the digit row 1–9, 0 is 10–19.
    const quint32 scan = event->nativeScanCode();
    if (scan >= 10 && scan <= 19) {
        return scan == 19 ? 0 : static_cast<int>(scan) - 9;
    }
    return -1;
}

bool QuestionBox::takesSuggestion() const
{
    return m_offered && !m_answered && question().suggestions == SuggestionMode::Prefill;
}

void QuestionBox::keyPressEvent(QKeyEvent* event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && event->modifiers() == Qt::NoModifier && takesSuggestion()) {
        Q_EMIT answered(*m_offered); // taking the suggestion is one key
        return;
    }
    QFrame::keyPressEvent(event);
}

void QuestionBox::markMissing(bool missing)
{
    if (missing != m_missing) {
        m_missing = missing;
        update();
    }
}

void QuestionBox::focusInEvent(QFocusEvent* event)
{
    QFrame::focusInEvent(event);
    updateLook();
}

void QuestionBox::focusOutEvent(QFocusEvent* event)
{
    QFrame::focusOutEvent(event);
    updateLook();
}

void QuestionBox::updateLook()
{
    // Painted, not a style sheet: setting one on every focus change re-polished the whole box,
    // a third of the time from Ctrl+Enter to the next record shown (bench/gui feedback_bench).
    const bool active = hasFocus() || isAncestorOf(focusWidget());
    if (active != m_active) {
        m_active = active;
        update();
    }
}

void QuestionBox::paintEvent(QPaintEvent* event)
{
    QFrame::paintEvent(event);
    // The box with the keyboard is outlined; a required one left unanswered is red.
    const QColor color = m_missing  ? QColor(0xc6, 0x28, 0x28)
                         : m_active ? QColor(0x15, 0x65, 0xc0)
                                    : QColor(0xd0, 0xd0, 0xd0);
    const qreal width = m_active || m_missing ? 2.0 : 1.0;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(color, width));
    const qreal inset = width / 2.0;
    painter.drawRoundedRect(QRectF(rect()).adjusted(inset, inset, -inset, -inset), 6.0, 6.0);
}

QuestionBox* makeQuestionBox(const Question& question, QWidget* parent)
{
    switch (question.kind) {
    case QuestionKind::Label:
    case QuestionKind::MultiLabel:
    case QuestionKind::Rating:
        return new ChoiceBox(question, parent);
    case QuestionKind::Preference:
        if (question.fields.size() == 2) {
            return new PreferenceBox(question, parent);
        }
        break;
    case QuestionKind::Text:
        return new TextAnswerBox(question, parent);
    case QuestionKind::Ranking:
        if (question.fields.size() >= 2 && question.fields.size() <= 9) {
            return new RankingBox(question, parent); // places are typed as single digits
        }
        break;
    case QuestionKind::Spans:
        return new SpansBox(question, parent);
    }
    return new question_box::NotHereBox(question, parent);
}

} // namespace concord::gui
