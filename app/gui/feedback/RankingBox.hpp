// A ranking of the compared fields, named by their place as shown ("Response 3"). Typing the
// places best first ranks them ("3142"); "=" ties a place with the one typed before it
// ("31=42": 1 and 4 share the second rank). The ranking is given once every place is typed;
// Backspace takes the last one back, Escape starts again. Dragging the list gives its order
// (no ties).
#pragma once

#include "app/gui/feedback/QuestionBox.hpp"

#include <vector>

class QLabel;
class QListWidget;

namespace concord::gui {

class RankingBox : public QuestionBox
{
    Q_OBJECT

public:
    RankingBox(const Question& question, QWidget* parent);

    void showAnswer(const RecordContent& record, const std::optional<nlohmann::json>& answer,
                    const std::vector<std::string>& order) override;
    QString keyHint() const override;

    QString describe(const nlohmann::json& value) const override;

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    // Places (0-based, as shown) best first; `tiedWithPrevious[i]`: place i shares the rank of
    // the one before it.
    struct Typed
    {
        std::vector<int> places;
        std::vector<bool> tiedWithPrevious;
    };
    void give(const Typed& typed);
    void showTyped();
    void showRanks(const std::vector<int>& rankOfPlace);

    QListWidget* m_list = nullptr;
    QLabel* m_typedLabel = nullptr;
    std::vector<std::string> m_order;
    Typed m_typed;
    bool m_tieNext = false;
    bool m_filling = false; // the list is being refilled: its row signals are not a drag
};

} // namespace concord::gui
