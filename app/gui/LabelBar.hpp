// The row of label buttons under the text, with their keyboard keys. Turns clicks and key
// presses into annotation values for the schema's kind: single (one key records), multi (keys
// toggle, Enter records), rating (number keys record) and spans (not yet: a notice).
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
    explicit LabelBar(const LabelSchema& schema, QWidget* parent = nullptr);

    // Shows the stored value (or none) as the buttons' checked state.
    void showValue(const std::optional<nlohmann::json>& value);
    // A one-line hint on how to label with the keyboard.
    QString hint() const;

Q_SIGNALS:
    void valueChosen(const nlohmann::json& value);
    // A message for the status bar, e.g. that a kind of labeling is not available yet.
    void notice(const QString& message);

private:
    QPushButton* addButton(const QString& text, const QColor& color, const QString& key);
    void press(std::size_t index, bool clicked);
    void commitMulti();

    LabelSchema m_schema;
    QHBoxLayout* m_layout = nullptr;
    std::vector<QPushButton*> m_buttons;
};

} // namespace concord::gui
