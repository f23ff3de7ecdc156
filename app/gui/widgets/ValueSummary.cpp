// Short human-readable forms of annotation values.
#include "app/gui/widgets/ValueSummary.hpp"

#include <QStringList>

namespace concord::gui {

QColor accentColor()
{
    return QColor(QStringLiteral("#3b5bdb"));
}

ValueSummary summarize(const LabelSchema& schema, const nlohmann::json& value)
{
    ValueSummary summary{QStringLiteral("?"), accentColor()};
    if (!value.is_object()) {
        return summary;
    }
    if (const auto labels = value.find("labels"); labels != value.end() && labels->is_array()) {
        QStringList names;
        for (const auto& label : *labels) {
            if (label.is_string()) {
                names << QString::fromStdString(label.get<std::string>());
            }
        }
        if (!labels->empty() && labels->front().is_string()) {
            if (const auto index = schema.indexOf(labels->front().get<std::string>())) {
                summary.color = QColor(QString::fromStdString(schema.labels[*index].color));
            }
        }
        summary.text = names.isEmpty() ? QStringLiteral("no label") : names.join(QStringLiteral(", "));
    } else if (const auto rating = value.find("rating"); rating != value.end() && rating->is_number()) {
        summary.text = QStringLiteral("rating %1").arg(QString::fromStdString(rating->dump()));
    } else if (const auto spans = value.find("spans"); spans != value.end() && spans->is_array()) {
        summary.text = spans->size() == 1 ? QStringLiteral("1 span") : QStringLiteral("%1 spans").arg(spans->size());
    }
    return summary;
}

std::vector<SpanMark> spanMarks(const LabelSchema& schema, const nlohmann::json& value)
{
    std::vector<SpanMark> marks;
    if (!value.is_object() || !value.contains("spans") || !value["spans"].is_array()) {
        return marks;
    }
    for (const auto& span : value["spans"]) {
        if (!span.is_object()) {
            continue;
        }
        SpanMark mark;
        mark.start = span.value("start", std::size_t{0});
        mark.end = span.value("end", std::size_t{0});
        const std::string label = span.value("label", std::string());
        mark.label = QString::fromStdString(label);
        const auto index = schema.indexOf(label);
        mark.color = index ? QColor(QString::fromStdString(schema.labels[*index].color)) : accentColor();
        marks.push_back(mark);
    }
    return marks;
}

ValueSummary summarize(const LabelSchema& schema, const std::string& valueJson)
{
    return summarize(schema, nlohmann::json::parse(valueJson, nullptr, false));
}

} // namespace concord::gui
