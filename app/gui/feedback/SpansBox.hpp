// A spans question on a field of the record: the field's text with the spans marked, as on the
// one-question card. The text takes the keyboard (Tab from the box before): Shift+arrows select,
// a label's key marks the selection, Delete or Backspace removes the span under the caret, a
// click on a span removes it. Each change is stored at once and the keyboard stays; Enter gives
// the spans as they are (none: "nothing to mark here") and moves on. A prefilled suggestion is
// shown as spans to take (Enter) or to edit from.
#pragma once

#include "app/gui/feedback/QuestionBox.hpp"

#include <QString>

class QLabel;

namespace concord::gui {

class SampleTextView;

class SpansBox : public QuestionBox
{
    Q_OBJECT

public:
    SpansBox(const Question& question, QWidget* parent);

    void showAnswer(const RecordContent& record, const std::optional<nlohmann::json>& answer,
                    const std::vector<std::string>& order) override;
    void showSuggestion(const std::optional<SuggestionChange>& suggestion, bool answered) override;
    QString keyHint() const override;
    QString describe(const nlohmann::json& value) const override;

    SampleTextView* textView() const { return m_text; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showSpans(const nlohmann::json& spans);
    void addSpan(std::size_t labelIndex);
    void removeAtCaret();
    void give(const nlohmann::json& spans, bool moveOn);

    SampleTextView* m_text = nullptr;
    QLabel* m_notice = nullptr;
    std::string m_fieldText;
    nlohmann::json m_spans = nlohmann::json::array(); // shown: stored, or the suggestion to start from
};

} // namespace concord::gui
