// Editing a {"spans":[...]} value as the annotator marks text: a span added (kept in text
// order) or removed, and the span under the caret. Shared by the one-question annotate card and
// the spans box of a record of fields; the stored value is checked by the core when given.
#pragma once

#include "app/gui/widgets/SampleTextView.hpp"

#include <QString>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace concord::gui {

// The spans with [range.first, range.second) labelled `label` added, in text order as a reader
// (and a diff of exports) expects them.
nlohmann::json withSpan(const nlohmann::json& spans, std::pair<std::size_t, std::size_t> range,
                        const std::string& label);
// The spans without the one at `index` (unchanged when there is none).
nlohmann::json withoutSpan(const nlohmann::json& spans, std::size_t index);
// The span the caret is in, or just after: the caret sits between characters.
std::optional<std::size_t> spanAtCaret(const std::vector<SpanMark>& marks, std::size_t caret);
// The spans in words, "PER: John Smith · ORG: Acme" ("no spans"), to compare values at a glance.
QString describeSpans(const std::string& text, const nlohmann::json& value);

} // namespace concord::gui
