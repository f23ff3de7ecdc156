#include "app/gui/feedback/TextAnswerBox.hpp"

#include "core/feedback/Answers.hpp"
#include "core/text/WordDiff.hpp"

#include <QEvent>
#include <QPlainTextEdit>
#include <QTextBrowser>
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
    m_changes = new QTextBrowser(this);
    m_changes->setObjectName(QStringLiteral("answerChanges"));
    m_changes->setFocusPolicy(Qt::NoFocus);
    m_changes->setMaximumHeight(110);
    m_changes->hide();
    body()->addWidget(m_changes);
    setFocusProxy(m_editor); // Tab to the box is Tab into its editor
    connect(m_editor, &QPlainTextEdit::textChanged, this, &TextAnswerBox::showChanges);
}

void TextAnswerBox::showChanges()
{
    const QString text = m_editor->toPlainText();
    const bool shown = !m_original.isEmpty() && text != m_original;
    m_changes->setVisible(shown);
    m_pieces.clear();
    if (!shown) {
        m_changes->clear();
        return;
    }
    m_pieces = text::wordDiff(m_original.toStdString(), text.toStdString());
    QString html = QStringLiteral("<div style=\"white-space: pre-wrap\"><span style=\"color:#666\">Changes against "
                                  "the original:</span> ");
    for (const auto& piece : m_pieces) {
        const QString escaped = QString::fromStdString(piece.text).toHtmlEscaped();
        switch (piece.kind) {
        case text::DiffPiece::Kind::Same:
            html += escaped;
            break;
        case text::DiffPiece::Kind::Removed:
            html += QStringLiteral("<span style=\"background-color:#fbd5d5; text-decoration: line-through\">%1</span>")
                        .arg(escaped);
            break;
        case text::DiffPiece::Kind::Added:
            html += QStringLiteral("<span style=\"background-color:#cdeccf\">%1</span>").arg(escaped);
            break;
        }
    }
    m_changes->setHtml(html + QStringLiteral("</div>"));
}

QString TextAnswerBox::changesText() const
{
    QString text;
    for (const auto& piece : m_pieces) {
        const QString part = QString::fromStdString(piece.text);
        text += piece.kind == text::DiffPiece::Kind::Same      ? part
                : piece.kind == text::DiffPiece::Kind::Removed ? QStringLiteral("[-%1-]").arg(part)
                                                               : QStringLiteral("{+%1+}").arg(part);
    }
    return text;
}

QString TextAnswerBox::keyHint() const
{
    return QStringLiteral("Write the answer; Tab leaves the editor");
}

void TextAnswerBox::showAnswer(const RecordContent& record, const std::optional<nlohmann::json>& answer,
                               const std::vector<std::string>&)
{
    m_original = question().field.empty() ? QString() : QString::fromStdString(markedText(question(), record));
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
