// A written answer: an editor prefilled with the stored answer, else with the field the question
// names (an SFT correction starts from the response). The text is given when the editor loses
// the keyboard or the response is saved or submitted (pendingAnswer); Tab leaves the editor.
#pragma once

#include "app/gui/feedback/QuestionBox.hpp"

class QPlainTextEdit;

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
    // A prefilled suggestion starts the editor when nothing is stored yet.
    void showSuggestion(const std::optional<SuggestionChange>& suggestion, bool answered) override;

protected:
    QString describe(const nlohmann::json& value) const override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QPlainTextEdit* m_editor = nullptr;
    QString m_given; // the text last stored (or shown as stored)
};

} // namespace concord::gui
