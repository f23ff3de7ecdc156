#include "app/gui/feedback/ChoiceBox.hpp"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QPushButton>
#include <QVBoxLayout>

namespace concord::gui {

ChoiceBox::ChoiceBox(const Question& question, QWidget* parent) : QuestionBox(question, parent)
{
    auto* row = new QHBoxLayout;
    const LabelSchema& labels = question.labels;
    if (question.kind == QuestionKind::Rating) {
        for (int point = labels.ratingMin; point <= labels.ratingMax; ++point) {
            auto* button = new QPushButton(QString::number(point), this);
            m_buttons.push_back(button);
        }
    } else {
        for (const Label& label : labels.labels) {
            auto* button = new QPushButton(
                QStringLiteral("%1  [%2]").arg(QString::fromStdString(label.name), QString::fromStdString(label.key)),
                this);
            m_buttons.push_back(button);
        }
    }
    for (std::size_t i = 0; i < m_buttons.size(); ++i) {
        QPushButton* button = m_buttons[i];
        button->setCheckable(true);
        button->setFocusPolicy(Qt::NoFocus); // the keyboard belongs to the box
        button->setObjectName(QStringLiteral("choice_%1").arg(i));
        connect(button, &QPushButton::clicked, this, [this, i] {
            setFocus();
            if (this->question().kind == QuestionKind::Rating) {
                giveRating(this->question().labels.ratingMin + static_cast<int>(i));
            } else {
                choose(i);
            }
        });
        row->addWidget(button);
    }
    row->addStretch(1);
    body()->addLayout(row);
}

QString ChoiceBox::keyHint() const
{
    switch (question().kind) {
    case QuestionKind::Rating:
        return QStringLiteral("Type the rating");
    case QuestionKind::MultiLabel:
        return QStringLiteral("Each label's key turns it on or off");
    default:
        return QStringLiteral("A label's key answers");
    }
}

void ChoiceBox::showAnswer(const RecordContent&, const std::optional<nlohmann::json>& answer,
                           const std::vector<std::string>&)
{
    m_checked.clear();
    m_typed.clear();
    const LabelSchema& labels = question().labels;
    if (answer && answer->contains("rating") && (*answer)["rating"].is_number_integer()) {
        const int rating = (*answer)["rating"].get<int>();
        if (rating >= labels.ratingMin && rating <= labels.ratingMax) {
            m_checked.insert(static_cast<std::size_t>(rating - labels.ratingMin));
        }
    } else if (answer && answer->contains("labels") && (*answer)["labels"].is_array()) {
        for (const auto& name : (*answer)["labels"]) {
            if (name.is_string()) {
                if (const auto index = labels.indexOf(name.get<std::string>())) {
                    m_checked.insert(*index);
                }
            }
        }
    }
    showChecked();
}

QString ChoiceBox::describe(const nlohmann::json& value) const
{
    if (value.contains("rating")) {
        return QString::fromStdString(value["rating"].dump());
    }
    QStringList names;
    if (value.contains("labels") && value["labels"].is_array()) {
        for (const auto& name : value["labels"]) {
            names << QString::fromStdString(name.is_string() ? name.get<std::string>() : name.dump());
        }
    }
    return names.join(QStringLiteral(", "));
}

void ChoiceBox::showChecked()
{
    for (std::size_t i = 0; i < m_buttons.size(); ++i) {
        m_buttons[i]->setChecked(m_checked.count(i) > 0);
    }
}

void ChoiceBox::choose(std::size_t index)
{
    const LabelSchema& labels = question().labels;
    if (question().kind == QuestionKind::MultiLabel) {
        if (!m_checked.erase(index)) {
            m_checked.insert(index);
        }
    } else {
        m_checked = {index};
    }
    showChecked();
    if (m_checked.empty()) {
        return; // a multi-label answer of no label is not an answer; the stored one stays
    }
    nlohmann::json names = nlohmann::json::array();
    for (const std::size_t i : m_checked) {
        names.push_back(labels.labels[i].name);
    }
    Q_EMIT answered({{"labels", names}});
}

void ChoiceBox::giveRating(int rating)
{
    const LabelSchema& labels = question().labels;
    m_typed.clear();
    if (rating < labels.ratingMin || rating > labels.ratingMax) {
        return;
    }
    m_checked = {static_cast<std::size_t>(rating - labels.ratingMin)};
    showChecked();
    Q_EMIT answered({{"rating", rating}});
}

void ChoiceBox::typeDigit(int digit)
{
    const LabelSchema& labels = question().labels;
    m_typed += QString::number(digit);
    const int typed = m_typed.toInt();
    // Waits for another digit only while one could still make a rating on the scale.
    if (typed * 10 > labels.ratingMax || typed <= 0) {
        giveRating(typed);
    }
}

void ChoiceBox::keyPressEvent(QKeyEvent* event)
{
    const bool plain = (event->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier)) == Qt::NoModifier;
    if (!plain) {
        QuestionBox::keyPressEvent(event);
        return;
    }
    if (question().kind == QuestionKind::Rating) {
        if (event->key() >= Qt::Key_0 && event->key() <= Qt::Key_9) {
            typeDigit(event->key() - Qt::Key_0);
            return;
        }
        if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && !m_typed.isEmpty()) {
            giveRating(m_typed.toInt());
            return;
        }
        if (event->key() == Qt::Key_Backspace && !m_typed.isEmpty()) {
            m_typed.chop(1);
            return;
        }
        QuestionBox::keyPressEvent(event);
        return;
    }
    const QString text = event->text();
    const auto& labels = question().labels.labels;
    for (std::size_t i = 0; i < labels.size() && !text.isEmpty(); ++i) {
        if (QString::fromStdString(labels[i].key).compare(text, Qt::CaseInsensitive) == 0) {
            choose(i);
            return;
        }
    }
    QuestionBox::keyPressEvent(event);
}

} // namespace concord::gui
