// A label, multi-label or rating question of a record: a button per label (its key on it) or per
// point of the scale. A label's key answers a label question; on a multi-label question each key
// turns its label on or off and the set is stored each time; a rating takes its digits, and a
// scale past 9 takes the whole number typed (Enter gives one that could still grow: "1" of 1–10).
#pragma once

#include "app/gui/feedback/QuestionBox.hpp"

#include <QString>

#include <set>
#include <vector>

class QPushButton;

namespace concord::gui {

class ChoiceBox : public QuestionBox
{
    Q_OBJECT

public:
    ChoiceBox(const Question& question, QWidget* parent);

    void showAnswer(const RecordContent& record, const std::optional<nlohmann::json>& answer,
                    const std::vector<std::string>& order) override;
    QString keyHint() const override;

    QString describe(const nlohmann::json& value) const override;

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void choose(std::size_t index);
    void typeDigit(int digit);
    void giveRating(int rating);
    void showChecked();

    std::vector<QPushButton*> m_buttons;
    std::set<std::size_t> m_checked; // indices of the labels (or points) shown as chosen
    QString m_typed;                 // digits of a rating being typed
};

} // namespace concord::gui
