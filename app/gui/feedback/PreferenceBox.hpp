// A preference between two fields, named by the place they are shown in: "1" prefers the
// response shown first, "2" the second, "=" (or 0) is a tie on a scale that has one, and Shift
// with 1 or 2 is "much better" (the strongest point of the scale). The digit is matched by its
// key, not by the character Shift makes of it on the keyboard's layout. Every point of the scale
// is also a button.
#pragma once

#include "app/gui/feedback/QuestionBox.hpp"

#include <vector>

class QPushButton;

namespace concord::gui {

class PreferenceBox : public QuestionBox
{
    Q_OBJECT

public:
    PreferenceBox(const Question& question, QWidget* parent);

    void showAnswer(const RecordContent& record, const std::optional<nlohmann::json>& answer,
                    const std::vector<std::string>& order) override;
    QString keyHint() const override;

    QString describe(const nlohmann::json& value) const override;

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    struct Point
    {
        int side = -1; // 0: the response shown first, 1: the second, -1: a tie
        int strength = 0;
        QPushButton* button = nullptr;
    };
    void give(int side, int strength);

    std::vector<Point> m_points; // left (first much better) to right (second much better)
    std::vector<std::string> m_order;
};

} // namespace concord::gui
