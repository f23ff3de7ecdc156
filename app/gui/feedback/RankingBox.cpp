#include "app/gui/feedback/RankingBox.hpp"

#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>

namespace concord::gui {

RankingBox::RankingBox(const Question& question, QWidget* parent) : QuestionBox(question, parent)
{
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("rankingList"));
    m_list->setDragDropMode(QAbstractItemView::InternalMove);
    m_list->setFocusPolicy(Qt::NoFocus); // keys belong to the box; the mouse drags
    m_list->setMaximumHeight(30 * static_cast<int>(question.fields.size()) + 8);
    body()->addWidget(m_list);
    m_typedLabel = new QLabel(this);
    m_typedLabel->setObjectName(QStringLiteral("typedRanking"));
    body()->addWidget(m_typedLabel);
    connect(m_list->model(), &QAbstractItemModel::rowsMoved, this, [this] {
        if (m_filling) {
            return;
        }
        Typed dragged;
        for (int row = 0; row < m_list->count(); ++row) {
            dragged.places.push_back(m_list->item(row)->data(Qt::UserRole).toInt());
            dragged.tiedWithPrevious.push_back(false);
        }
        give(dragged);
    });
}

QString RankingBox::keyHint() const
{
    return QStringLiteral("Type the responses' numbers best first; = ties with the one before");
}

void RankingBox::showAnswer(const RecordContent&, const std::optional<nlohmann::json>& answer,
                            const std::vector<std::string>& order)
{
    m_order = order;
    m_typed = {};
    m_tieNext = false;
    std::vector<int> rankOfPlace(order.size(), 0);
    if (answer && answer->contains("ranking") && (*answer)["ranking"].is_object()) {
        const auto& ranks = (*answer)["ranking"];
        for (std::size_t place = 0; place < order.size(); ++place) {
            const auto rank = ranks.find(order[place]);
            rankOfPlace[place] = rank != ranks.end() && rank->is_number_integer() ? rank->get<int>() : 0;
        }
    }
    showRanks(rankOfPlace);
    showTyped();
}

void RankingBox::showRanks(const std::vector<int>& rankOfPlace)
{
    // Best first; unranked places (no answer yet) in the order shown.
    std::vector<int> places(m_order.size());
    std::iota(places.begin(), places.end(), 0);
    std::stable_sort(places.begin(), places.end(), [&](int a, int b) {
        const int ra = rankOfPlace[static_cast<std::size_t>(a)], rb = rankOfPlace[static_cast<std::size_t>(b)];
        return (ra == 0 ? 1'000'000 : ra) < (rb == 0 ? 1'000'000 : rb);
    });
    m_filling = true; // the view must hear of the rows; the drag handler must not
    m_list->clear();
    for (const int place : places) {
        const int rank = rankOfPlace[static_cast<std::size_t>(place)];
        auto* item = new QListWidgetItem(rank > 0 ? QStringLiteral("%1.  Response %2").arg(rank).arg(place + 1)
                                                  : QStringLiteral("Response %1").arg(place + 1),
                                         m_list);
        item->setData(Qt::UserRole, place);
    }
    m_filling = false;
}

void RankingBox::showTyped()
{
    QString text;
    for (std::size_t i = 0; i < m_typed.places.size(); ++i) {
        text += (i == 0                        ? QString()
                 : m_typed.tiedWithPrevious[i] ? QStringLiteral(" = ")
                                               : QStringLiteral(", ")) +
                QString::number(m_typed.places[i] + 1);
    }
    m_typedLabel->setText(text.isEmpty() ? QString() : QStringLiteral("Typed: %1").arg(text));
}

void RankingBox::give(const Typed& typed)
{
    if (typed.places.size() != m_order.size() || m_order.empty()) {
        return;
    }
    // Competition ranks: a place's rank is one more than the number of places before its group.
    nlohmann::json ranks = nlohmann::json::object();
    std::vector<int> rankOfPlace(m_order.size(), 0);
    int rank = 1;
    for (std::size_t i = 0; i < typed.places.size(); ++i) {
        if (i > 0 && !typed.tiedWithPrevious[i]) {
            rank = static_cast<int>(i) + 1;
        }
        const auto place = static_cast<std::size_t>(typed.places[i]);
        ranks[m_order[place]] = rank;
        rankOfPlace[place] = rank;
    }
    m_typed = {};
    showTyped();
    showRanks(rankOfPlace);
    Q_EMIT answered({{"ranking", ranks}});
}

QString RankingBox::describe(const nlohmann::json& value) const
{
    const auto& ranks = value.contains("ranking") ? value["ranking"] : value;
    std::vector<std::pair<int, int>> byRank; // rank, place
    for (std::size_t place = 0; place < m_order.size(); ++place) {
        const auto rank = ranks.find(m_order[place]);
        if (rank != ranks.end() && rank->is_number_integer()) {
            byRank.emplace_back(rank->get<int>(), static_cast<int>(place));
        }
    }
    std::sort(byRank.begin(), byRank.end());
    QString text;
    for (std::size_t i = 0; i < byRank.size(); ++i) {
        const bool tie = i > 0 && byRank[i].first == byRank[i - 1].first;
        text += (i == 0 ? QString()
                 : tie  ? QStringLiteral(" = ")
                        : QStringLiteral(", then ")) +
                QString::number(byRank[i].second + 1);
    }
    return text;
}

void RankingBox::keyPressEvent(QKeyEvent* event)
{
    const Qt::KeyboardModifiers others = event->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier);
    if (others != Qt::NoModifier) {
        QuestionBox::keyPressEvent(event);
        return;
    }
    const int count = static_cast<int>(m_order.size());
    const int key = event->key();
    const int digit = digitOf(event);
    if (digit >= 1 && digit <= count) {
        const int place = digit - 1;
        if (std::find(m_typed.places.begin(), m_typed.places.end(), place) == m_typed.places.end()) {
            m_typed.places.push_back(place);
            m_typed.tiedWithPrevious.push_back(m_tieNext && m_typed.places.size() > 1);
            m_tieNext = false;
            showTyped();
            if (static_cast<int>(m_typed.places.size()) == count) {
                give(m_typed);
            }
        }
        return;
    }
    if ((key == Qt::Key_Equal || event->text() == QStringLiteral("=")) && !m_typed.places.empty()) {
        m_tieNext = true;
        return;
    }
    if (key == Qt::Key_Backspace && !m_typed.places.empty()) {
        m_typed.places.pop_back();
        m_typed.tiedWithPrevious.pop_back();
        m_tieNext = false;
        showTyped();
        return;
    }
    if (key == Qt::Key_Escape && !m_typed.places.empty()) {
        m_typed = {};
        m_tieNext = false;
        showTyped();
        return;
    }
    QuestionBox::keyPressEvent(event);
}

} // namespace concord::gui
