// Label buttons styled in their label's colour; QShortcut per key so that keys work wherever
// the focus is in the window (a focused list or text does not swallow them).
#include "app/gui/widgets/LabelBar.hpp"

#include "app/gui/widgets/ValueSummary.hpp"

#include <QHBoxLayout>
#include <QKeySequence>
#include <QPushButton>
#include <QShortcut>

#include <algorithm>

namespace concord::gui {

namespace {

QString buttonStyle(const QColor& color)
{
    const QColor tint = QColor::fromHsv(color.hsvHue(), std::min(color.hsvSaturation(), 40), 250);
    return QStringLiteral("QPushButton { color: %1; background: white; border: 2px solid %1; border-radius: 10px;"
                          " padding: 10px 22px; min-width: 72px; font-weight: 600; }"
                          "QPushButton:hover { background: %2; }"
                          "QPushButton:pressed, QPushButton:checked { color: white; background: %1; }"
                          "QPushButton:disabled { color: #b0b4ba; border-color: #d5d8dc; }")
        .arg(color.name(), tint.name());
}

// The key of a single printable character, whatever its case: Qt's key codes for such
// characters are their upper-case code points.
QKeySequence keyFor(const QString& key, Qt::KeyboardModifiers modifier)
{
    const QList<uint> codes = key.toUcs4();
    if (codes.size() != 1) {
        return {};
    }
    return QKeySequence(
        QKeyCombination(modifier, static_cast<Qt::Key>(QChar::toUpper(static_cast<char32_t>(codes.front())))));
}

} // namespace

LabelBar::LabelBar(const LabelSchema& schema, QWidget* parent, Qt::KeyboardModifiers keyModifier, bool enterAccepts)
    : QWidget(parent), m_schema(schema), m_keyModifier(keyModifier)
{
    m_layout = new QHBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(12);
    m_layout->addStretch();

    switch (m_schema.kind) {
    case TaskKind::Single:
    case TaskKind::Multi:
    case TaskKind::Spans:
        for (const Label& label : m_schema.labels) {
            const QString key = QString::fromStdString(label.key);
            const QString shown = QKeySequence(keyFor(key, keyModifier)).toString(QKeySequence::NativeText);
            addButton(QStringLiteral("%1  [%2]")
                          .arg(QString::fromStdString(label.name), keyModifier == Qt::NoModifier ? key : shown),
                      QColor(QString::fromStdString(label.color)), key);
        }
        break;
    case TaskKind::Rating:
        for (int rating = m_schema.ratingMin; rating <= m_schema.ratingMax; ++rating) {
            const bool hasKey = rating >= 0 && rating <= 9;
            addButton(QString::number(rating), accentColor(), hasKey ? QString::number(rating) : QString());
        }
        break;
    }
    if (enterAccepts && (m_schema.kind == TaskKind::Multi || m_schema.kind == TaskKind::Spans)) {
        for (const auto key : {Qt::Key_Return, Qt::Key_Enter}) {
            auto* shortcut = new QShortcut(QKeySequence(key), this);
            connect(shortcut, &QShortcut::activated, this, &LabelBar::commitMulti);
        }
    }
    m_layout->addStretch();
}

QPushButton* LabelBar::addButton(const QString& text, const QColor& color, const QString& key)
{
    auto* button = new QPushButton(text, this);
    button->setObjectName(QStringLiteral("label_%1").arg(m_buttons.size()));
    button->setCheckable(true);
    button->setFocusPolicy(Qt::NoFocus); // the keyboard belongs to the labels, not to one button
    button->setCursor(Qt::PointingHandCursor);
    button->setStyleSheet(buttonStyle(color));
    QFont font = button->font();
    font.setPointSizeF(font.pointSizeF() * 1.15);
    button->setFont(font);
    const QKeySequence sequence = keyFor(key, m_keyModifier);
    if (!sequence.isEmpty()) {
        button->setToolTip(QStringLiteral("Key: %1").arg(sequence.toString(QKeySequence::NativeText)));
    }
    m_layout->addWidget(button);
    const std::size_t index = m_buttons.size();
    m_buttons.push_back(button);
    // clicked() comes after the button toggled itself; press() decides the checked state.
    connect(button, &QPushButton::clicked, this, [this, index] { press(index, true); });
    if (!sequence.isEmpty()) {
        auto* shortcut = new QShortcut(sequence, this);
        connect(shortcut, &QShortcut::activated, this, [this, index] { press(index, false); });
    }
    return button;
}

void LabelBar::press(std::size_t index, bool clicked)
{
    if (!isEnabled()) {
        return; // shown without a sample
    }
    QPushButton* button = m_buttons.at(index);
    switch (m_schema.kind) {
    case TaskKind::Single:
        button->setChecked(true);
        Q_EMIT valueChosen({{"labels", {m_schema.labels.at(index).name}}});
        break;
    case TaskKind::Multi:
        // A click has toggled the button already; a key press has not.
        if (!clicked) {
            button->toggle();
        }
        Q_EMIT notice(QStringLiteral("Press Enter to save the selected labels"));
        break;
    case TaskKind::Rating:
        button->setChecked(true);
        Q_EMIT valueChosen({{"rating", m_schema.ratingMin + static_cast<int>(index)}});
        break;
    case TaskKind::Spans:
        button->setChecked(false); // a label button for spans is a command, not a state
        Q_EMIT spanLabelPressed(index);
        break;
    }
}

void LabelBar::commitMulti()
{
    if (!isEnabled()) {
        return;
    }
    if (m_schema.kind == TaskKind::Spans) {
        Q_EMIT acceptPressed();
        return;
    }
    nlohmann::json labels = nlohmann::json::array();
    for (std::size_t i = 0; i < m_buttons.size(); ++i) {
        if (m_buttons[i]->isChecked()) {
            labels.push_back(m_schema.labels.at(i).name);
        }
    }
    Q_EMIT valueChosen({{"labels", labels}});
}

void LabelBar::showValue(const std::optional<nlohmann::json>& value)
{
    for (std::size_t i = 0; i < m_buttons.size(); ++i) {
        bool checked = false;
        if (value && m_schema.kind == TaskKind::Rating) {
            const auto rating = value->find("rating");
            checked = rating != value->end() && rating->is_number_integer() &&
                      rating->get<int>() == m_schema.ratingMin + static_cast<int>(i);
        } else if (value && value->contains("labels") && (*value)["labels"].is_array()) {
            const auto& labels = (*value)["labels"];
            checked = std::find(labels.begin(), labels.end(), m_schema.labels.at(i).name) != labels.end();
        }
        m_buttons[i]->setChecked(checked);
    }
}

QString LabelBar::hint() const
{
    switch (m_schema.kind) {
    case TaskKind::Single:
        return QStringLiteral("Press a label's key to label the text and move on to the next one.");
    case TaskKind::Multi:
        return QStringLiteral("Press the labels' keys to select them, then Enter to save and move on.");
    case TaskKind::Rating:
        return QStringLiteral("Press a number to rate the text and move on to the next one.");
    case TaskKind::Spans:
        return QStringLiteral("Select text with the mouse or Shift+arrows, then press a label's key. Click a span "
                              "(or press Delete in it) to remove it; Enter saves and moves on.");
    }
    return QString();
}

} // namespace concord::gui
