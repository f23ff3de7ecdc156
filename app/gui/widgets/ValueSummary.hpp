// A stored annotation value in a few words and a colour, for marks in lists and badges.
#pragma once

#include "app/gui/widgets/SampleTextView.hpp"
#include "core/model/LabelSchema.hpp"

#include <QColor>
#include <QString>

#include <nlohmann/json.hpp>

#include <vector>

namespace concord::gui {

struct ValueSummary
{
    QString text; // "positive", "sports, politics", "rating 4", "3 spans"
    QColor color; // the first label's colour; the accent colour otherwise
};

ValueSummary summarize(const LabelSchema& schema, const nlohmann::json& value);
// Same, from the JSON text the store keeps; an unreadable value reads as "?".
ValueSummary summarize(const LabelSchema& schema, const std::string& valueJson);

// The spans of a {"spans":[...]} value, each in its label's colour, for SampleTextView; none
// when the value has no spans.
std::vector<SpanMark> spanMarks(const LabelSchema& schema, const nlohmann::json& value);

// The accent colour used where no label colour applies.
QColor accentColor();

} // namespace concord::gui
