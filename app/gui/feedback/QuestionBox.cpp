#include "app/gui/feedback/QuestionBox.hpp"

#include "app/gui/feedback/ChoiceBox.hpp"
#include "app/gui/feedback/PreferenceBox.hpp"
#include "app/gui/feedback/TextAnswerBox.hpp"

#include <QLabel>
#include <QVBoxLayout>

namespace concord::gui {

namespace question_box {

// Ranking and spans are answered in the CLI for now; the box says so instead of hiding them.
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
};

} // namespace question_box

QuestionBox::QuestionBox(const Question& question, QWidget* parent) : QFrame(parent), m_question(question)
{
    setObjectName(QStringLiteral("question_%1").arg(QString::fromStdString(question.name)));
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::StyledPanel);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    QString title = QString::fromStdString(question.title.empty() ? question.name : question.title);
    if (!question.required && !title.contains(QStringLiteral("optional"), Qt::CaseInsensitive)) {
        title += QStringLiteral("  (optional)");
    }
    m_title = new QLabel(title, this);
    m_title->setStyleSheet(QStringLiteral("font-weight: 600;"));
    if (!question.description.empty()) {
        m_title->setToolTip(QString::fromStdString(question.description));
    }
    layout->addWidget(m_title);
    m_body = new QVBoxLayout;
    layout->addLayout(m_body);
    updateLook();
}

void QuestionBox::markMissing(bool missing)
{
    m_missing = missing;
    updateLook();
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
    // The box with the keyboard is outlined; a required one left unanswered is red.
    const bool active = hasFocus() || isAncestorOf(focusWidget());
    const QString border = m_missing ? QStringLiteral("#c62828")
                           : active  ? QStringLiteral("#1565c0")
                                     : QStringLiteral("#d0d0d0");
    setStyleSheet(QStringLiteral("QuestionBox, #%1 { border: %2px solid %3; border-radius: 6px; }")
                      .arg(objectName(), active || m_missing ? QStringLiteral("2") : QStringLiteral("1"), border));
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
    case QuestionKind::Spans:
        break;
    }
    return new question_box::NotHereBox(question, parent);
}

} // namespace concord::gui
