// One question of a record on the annotate screen: its title, its guideline as a tooltip (the
// whole guideline panel is one key away), and the control of its kind. A box takes the keyboard
// when it has the focus (Tab and Shift+Tab move between boxes) and emits the answer given; the
// screen stores it. makeQuestionBox() picks the box for a question's kind.
#pragma once

#include "core/feedback/RecordContent.hpp"
#include "core/feedback/RecordSchema.hpp"
#include "core/model/SyncRecords.hpp"

#include <QFrame>

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

class QLabel;
class QVBoxLayout;

namespace concord::gui {

class QuestionBox : public QFrame
{
    Q_OBJECT

public:
    QuestionBox(const Question& question, QWidget* parent);

    const Question& question() const { return m_question; }
    // Shows the record's stored answer (nullopt: none yet). `order`: the compared fields in the
    // order shown (preference and ranking), so that "1" is the response shown first.
    virtual void showAnswer(const RecordContent& record, const std::optional<nlohmann::json>& answer,
                            const std::vector<std::string>& order) = 0;
    // The answer being written and not yet given (a text box's editor), else nullopt.
    virtual std::optional<nlohmann::json> pendingAnswer() const { return std::nullopt; }
    // Marks the box as a required question left unanswered.
    void markMissing(bool missing);
    // A one-line hint of its keys.
    virtual QString keyHint() const = 0;
    // Shows the record's suggestion for this question as the question's setting says: before
    // answering (prefill: Enter takes it) or once it is answered (after). Agent and score are in
    // the tooltip. Call after showAnswer().
    virtual void showSuggestion(const std::optional<SuggestionChange>& suggestion, bool answered);
    // The question was answered: a suggestion shown after answering appears now.
    void revealSuggestion();
    QString suggestionText() const;
    // A value of the question in the box's words ("Response 2 much better", "4", "sport"), the
    // places as last shown (showAnswer's order).
    virtual QString describe(const nlohmann::json& value) const = 0;

Q_SIGNALS:
    // An answer was given: store it (the response stays a draft until it is submitted), and the
    // keyboard moves on to the next question.
    void answered(const nlohmann::json& value);
    // An answer being built piece by piece (spans marked one at a time): store it; the keyboard
    // stays in the box.
    void answerEdited(const nlohmann::json& value);

protected:
    QVBoxLayout* body() const { return m_body; }
    // The digit key pressed, whatever Shift makes of it on the keyboard's layout: by its key code,
    // else by its place on the keyboard. -1 for another key.
    static int digitOf(const QKeyEvent* event);
    // The suggestion shown and not yet the stored answer, if any.
    const std::optional<nlohmann::json>& offered() const { return m_offered; }
    // Whether Enter takes the suggestion: one is prefilled and the question is not answered yet.
    bool takesSuggestion() const;
    void keyPressEvent(QKeyEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    // Outlines the box when it (or a child) has the keyboard.
    void updateLook();

private:
    Question m_question;
    QLabel* m_title = nullptr;
    QVBoxLayout* m_body = nullptr;
    QLabel* m_suggestion = nullptr;
    bool m_missing = false;
    bool m_active = false; // has the keyboard: outlined
    std::optional<SuggestionChange> m_suggested;
    std::optional<nlohmann::json> m_offered;
    bool m_answered = false;
};

QuestionBox* makeQuestionBox(const Question& question, QWidget* parent);

} // namespace concord::gui
