#include "app/gui/feedback/PreferenceBox.hpp"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace concord::gui {

namespace preference_box {

// Scales of up to five points take 1 and 2 for the sides and Shift for "much better"; longer
// ones take the digits in order, left to right, as their points are too many for one modifier.
bool inOrder(int maxStrength)
{
    return maxStrength > 2;
}

// `place`: the point's place from the left, 1-based (its digit on a long scale).
QString pointText(int side, int strength, int maxStrength, int place)
{
    const QString which = QString::number(side + 1);
    QString text = side < 0                                     ? QStringLiteral("Tie")
                   : strength == maxStrength && maxStrength > 1 ? QStringLiteral("%1 much better").arg(which)
                   : strength == 1                              ? QStringLiteral("%1 better").arg(which)
                                                                : QStringLiteral("%1 clearly better").arg(which);
    if (inOrder(maxStrength)) {
        return text + QStringLiteral("  [%1]").arg(place);
    }
    if (side < 0) {
        return text + QStringLiteral("  [=]");
    }
    if (strength == maxStrength && maxStrength > 1) {
        return text + QStringLiteral("  [Shift+%1]").arg(which);
    }
    return text + QStringLiteral("  [%1]").arg(which);
}

} // namespace preference_box

PreferenceBox::PreferenceBox(const Question& question, QWidget* parent) : QuestionBox(question, parent)
{
    const int most = question.maxStrength();
    for (int strength = most; strength >= 1; --strength) {
        m_points.push_back({0, strength, nullptr});
    }
    if (question.hasTie()) {
        m_points.push_back({-1, 0, nullptr});
    }
    for (int strength = 1; strength <= most; ++strength) {
        m_points.push_back({1, strength, nullptr});
    }
    auto* row = new QHBoxLayout;
    for (std::size_t i = 0; i < m_points.size(); ++i) {
        Point& point = m_points[i];
        point.button =
            new QPushButton(preference_box::pointText(point.side, point.strength, most, static_cast<int>(i) + 1), this);
        point.button->setObjectName(QStringLiteral("point_%1").arg(i));
        point.button->setCheckable(true);
        point.button->setFocusPolicy(Qt::NoFocus);
        connect(point.button, &QPushButton::clicked, this, [this, i] {
            setFocus();
            give(m_points[i].side, m_points[i].strength);
        });
        row->addWidget(point.button);
    }
    row->addStretch(1);
    body()->addLayout(row);
}

QString PreferenceBox::keyHint() const
{
    if (preference_box::inOrder(question().maxStrength())) {
        return QStringLiteral("1 to %1: the points from left to right; Shift+1 or 2: much better").arg(m_points.size());
    }
    return question().hasTie() ? QStringLiteral("1 or 2: the better response; Shift: much better; =: a tie")
                               : QStringLiteral("1 or 2: the better response; Shift: much better");
}

void PreferenceBox::showAnswer(const RecordContent&, const std::optional<nlohmann::json>& answer,
                               const std::vector<std::string>& order)
{
    m_order = order;
    int side = -2;
    int strength = 0;
    if (answer && answer->contains("preference") && (*answer)["preference"].is_object()) {
        const auto& preference = (*answer)["preference"];
        const auto winner = preference.find("winner");
        strength = preference.value("strength", 0);
        if (winner != preference.end() && winner->is_null()) {
            side = -1;
        } else if (winner != preference.end() && winner->is_string()) {
            for (std::size_t i = 0; i < m_order.size(); ++i) {
                if (m_order[i] == winner->get<std::string>()) {
                    side = static_cast<int>(i);
                }
            }
        }
    }
    for (Point& point : m_points) {
        point.button->setChecked(point.side == side && (side < 0 || point.strength == strength));
    }
}

QString PreferenceBox::describe(const nlohmann::json& value) const
{
    const auto& preference = value.contains("preference") ? value["preference"] : value;
    if (!preference.is_object() || !preference.contains("winner") || preference["winner"].is_null()) {
        return QStringLiteral("a tie");
    }
    const auto place = std::find(m_order.begin(), m_order.end(), preference["winner"].get<std::string>());
    if (place == m_order.end()) {
        return QStringLiteral("another response");
    }
    const int strength = preference.value("strength", 1);
    return preference_box::pointText(static_cast<int>(place - m_order.begin()), strength, question().maxStrength(), 0)
        .section(QStringLiteral("  ["), 0, 0);
}

void PreferenceBox::give(int side, int strength)
{
    if (m_order.size() != 2) {
        return; // no record shown
    }
    for (Point& point : m_points) {
        point.button->setChecked(point.side == side && point.strength == strength);
    }
    nlohmann::json winner = side < 0 ? nlohmann::json() : nlohmann::json(m_order[static_cast<std::size_t>(side)]);
    Q_EMIT answered({{"preference", {{"winner", winner}, {"strength", strength}}}});
}

void PreferenceBox::keyPressEvent(QKeyEvent* event)
{
    const Qt::KeyboardModifiers others = event->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier);
    if (others != Qt::NoModifier) {
        QuestionBox::keyPressEvent(event);
        return;
    }
    const bool much = event->modifiers().testFlag(Qt::ShiftModifier);
    const int digit = digitOf(event);
    if (preference_box::inOrder(question().maxStrength()) && !much && digit >= 1 &&
        digit <= static_cast<int>(m_points.size())) {
        give(m_points[static_cast<std::size_t>(digit - 1)].side,
             m_points[static_cast<std::size_t>(digit - 1)].strength);
        return;
    }
    if (digit == 1 || digit == 2) {
        give(digit - 1, much ? question().maxStrength() : 1);
        return;
    }
    if (question().hasTie() && (digit == 0 || event->key() == Qt::Key_Equal || event->text() == QStringLiteral("="))) {
        give(-1, 0);
        return;
    }
    QuestionBox::keyPressEvent(event);
}

} // namespace concord::gui
