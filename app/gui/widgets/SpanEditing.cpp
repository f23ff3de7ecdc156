#include "app/gui/widgets/SpanEditing.hpp"

#include "core/text/Utf8.hpp"

#include <QStringList>

#include <algorithm>

namespace concord::gui {

nlohmann::json withSpan(const nlohmann::json& spans, std::pair<std::size_t, std::size_t> range,
                        const std::string& label)
{
    std::vector<nlohmann::json> list;
    if (spans.is_array()) {
        list.assign(spans.begin(), spans.end());
    }
    list.push_back({{"start", range.first}, {"end", range.second}, {"label", label}});
    std::stable_sort(list.begin(), list.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
        return a.value("start", std::size_t{0}) < b.value("start", std::size_t{0});
    });
    return list;
}

nlohmann::json withoutSpan(const nlohmann::json& spans, std::size_t index)
{
    nlohmann::json rest = spans.is_array() ? spans : nlohmann::json::array();
    if (index < rest.size()) {
        rest.erase(index);
    }
    return rest;
}

std::optional<std::size_t> spanAtCaret(const std::vector<SpanMark>& marks, std::size_t caret)
{
    for (std::size_t i = 0; i < marks.size(); ++i) {
        if (marks[i].start <= caret && caret <= marks[i].end) {
            return i;
        }
    }
    return std::nullopt;
}

QString describeSpans(const std::string& text, const nlohmann::json& value)
{
    QStringList parts;
    const auto spans = value.is_object() ? value.value("spans", nlohmann::json::array()) : nlohmann::json::array();
    for (const auto& span : spans) {
        if (!span.is_object()) {
            continue;
        }
        const auto start = span.value("start", std::size_t{0});
        const auto end = span.value("end", std::size_t{0});
        parts << QStringLiteral("%1: %2").arg(QString::fromStdString(span.value("label", std::string())),
                                              QString::fromStdString(std::string(utf8::slice(text, start, end))));
    }
    return parts.isEmpty() ? QStringLiteral("no spans") : parts.join(QStringLiteral("  \u00b7  "));
}

} // namespace concord::gui
