#include "app/gui/feedback/TextAnswerBox.hpp"

#include "core/feedback/Answers.hpp"

#include <QEvent>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace concord::gui {

TextAnswerBox::TextAnswerBox(const Question& question, QWidget* parent) : QuestionBox(question, parent)
{
    m_editor = new QPlainTextEdit(this);
    m_editor->setObjectName(QStringLiteral("answerText"));
    m_editor->setTabChangesFocus(true);
    m_editor->setMinimumHeight(90);
    m_editor->setMaximumHeight(160);
    m_editor->installEventFilter(this);
    body()->addWidget(m_editor);
    setFocusProxy(m_editor); // Tab to the box is Tab into its editor
}

QString TextAnswerBox::keyHint() const
{
    return QStringLiteral("Write the answer; Tab leaves the editor");
}

void TextAnswerBox::showAnswer(const RecordContent& record, const std::optional<nlohmann::json>& answer,
                               const std::vector<std::string>&)
{
    if (answer && answer->contains("text") && (*answer)["text"].is_string()) {
        m_given = QString::fromStdString((*answer)["text"].get<std::string>());
        m_editor->setPlainText(m_given);
        return;
    }
    m_given.clear();
    m_editor->setPlainText(QString::fromStdString(markedText(question(), record)));
}

void TextAnswerBox::showSuggestion(const std::optional<SuggestionChange>& suggestion, bool answered)
{
    QuestionBox::showSuggestion(suggestion, answered);
    if (!answered && offered() && question().suggestions == SuggestionMode::Prefill && offered()->contains("text") &&
        (*offered())["text"].is_string()) {
        m_editor->setPlainText(QString::fromStdString((*offered())["text"].get<std::string>()));
    }
}

QString TextAnswerBox::describe(const nlohmann::json& value) const
{
    QString text = value.contains("text") && value["text"].is_string()
                       ? QString::fromStdString(value["text"].get<std::string>())
                       : QString();
    text = text.simplified();
    return text.size() > 80 ? text.left(80) + QStringLiteral("\u2026") : text;
}

std::optional<nlohmann::json> TextAnswerBox::pendingAnswer() const
{
    const QString text = m_editor->toPlainText();
    if (text.isEmpty() || text == m_given) {
        return std::nullopt;
    }
    return nlohmann::json{{"text", text.toStdString()}};
}

bool TextAnswerBox::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_editor && (event->type() == QEvent::FocusIn || event->type() == QEvent::FocusOut)) {
        updateLook();
        if (event->type() == QEvent::FocusOut) {
            if (auto answer = pendingAnswer()) {
                m_given = m_editor->toPlainText();
                Q_EMIT answered(*answer);
            }
        }
    }
    return QuestionBox::eventFilter(watched, event);
}

} // namespace concord::gui
