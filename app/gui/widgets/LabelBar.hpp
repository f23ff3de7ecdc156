// The row of label buttons under the text, with their keyboard keys. Turns clicks and key
// presses into annotation values for the schema's kind: single (one key records), multi (keys
// toggle, Enter records) and rating (number keys record). For spans a key names the label of
// the selected text (spanLabelPressed) and Enter accepts the sample (acceptPressed); the
// annotate view turns those into values, since it knows the selection.
#pragma once

#include "core/model/LabelSchema.hpp"

#include <QWidget>

#include <nlohmann/json.hpp>

#include <optional>
#include <vector>

class QPushButton;
class QHBoxLayout;

namespace concord::gui {

class LabelBar : public QWidget
{
    Q_OBJECT

public:
    // `keyModifier` is held with each label's key (the review screen uses Alt, keeping the
    // plain digits for its candidates). `enterAccepts` gives Enter to multi-label and spans.
    explicit LabelBar(const LabelSchema& schema, QWidget* parent = nullptr,
                      Qt::KeyboardModifiers keyModifier = Qt::NoModifier, bool enterAccepts = true);

    // Shows the stored value (or none) as the buttons' checked state.
    void showValue(const std::optional<nlohmann::json>& value);
    // A one-line hint on how to label with the keyboard.
    QString hint() const;

Q_SIGNALS:
    void valueChosen(const nlohmann::json& value);
    // A message for the status bar, e.g. that a kind of labeling is not available yet.
    void notice(const QString& message);
    void spanLabelPressed(std::size_t labelIndex);
    void acceptPressed();

private:
    QPushButton* addButton(const QString& text, const QColor& color, const QString& key);
    void press(std::size_t index, bool clicked);
    void commitMulti();

    LabelSchema m_schema;
    Qt::KeyboardModifiers m_keyModifier;
    QHBoxLayout* m_layout = nullptr;
    std::vector<QPushButton*> m_buttons;
};

} // namespace concord::gui
