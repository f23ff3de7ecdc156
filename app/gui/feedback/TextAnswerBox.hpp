// A written answer: an editor prefilled with the stored answer, else with the field the question
// names (an SFT correction starts from the response). The text is given when the editor loses
// the keyboard or the response is saved or submitted (pendingAnswer); Tab leaves the editor.
// When the question names a field, what the annotator changed against it shows below, word by
// word (removed struck through, added highlighted).
#pragma once

#include "app/gui/feedback/QuestionBox.hpp"
#include "core/text/WordDiff.hpp"

class QPlainTextEdit;
class QTextBrowser;

namespace concord::gui {

class TextAnswerBox : public QuestionBox
{
    Q_OBJECT

public:
    TextAnswerBox(const Question& question, QWidget* parent);

    void showAnswer(const RecordContent& record, const std::optional<nlohmann::json>& answer,
                    const std::vector<std::string>& order) override;
    std::optional<nlohmann::json> pendingAnswer() const override;
    QString keyHint() const override;
    QPlainTextEdit* editor() const { return m_editor; }
    // The changes against the original as plain text: [-removed-]{+added+} (what a test reads).
    QString changesText() const;
    // A prefilled suggestion starts the editor when nothing is stored yet.
    void showSuggestion(const std::optional<SuggestionChange>& suggestion, bool answered) override;

    QString describe(const nlohmann::json& value) const override;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showChanges();

    QPlainTextEdit* m_editor = nullptr;
    QTextBrowser* m_changes = nullptr;
    QString m_original;                    // the field the answer started from; empty when the question names none
    std::vector<text::DiffPiece> m_pieces; // the changes shown; empty when none are
    QString m_given;                       // the text last stored (or shown as stored)
};

} // namespace concord::gui
