#include "core/export/HuggingFaceFormat.hpp"

#include "core/export/FormatSupport.hpp"

namespace concord::exporting {

using nlohmann::json;

json huggingFaceObject(const ExportRecord& record, const ExportSchema& schema, const HuggingFaceOptions& options)
{
    json out = {{"id", record.id}, {"text", record.text}};
    switch (schema.kind) {
    case TaskKind::Single:
        out["label"] =
            record.labels.empty() ? json(nullptr) : detail::labelOut(record.labels.front(), schema, options.labelIds);
        break;
    case TaskKind::Multi: {
        json labels = json::array();
        for (const auto& name : record.labels) {
            labels.push_back(detail::labelOut(name, schema, options.labelIds));
        }
        out["labels"] = std::move(labels);
        break;
    }
    case TaskKind::Spans:
        detail::checkSpansFit(record);
        out["spans"] = detail::spansOut(record.spans);
        break;
    case TaskKind::Rating:
        out["rating"] = record.rating ? json(*record.rating) : json(nullptr);
        break;
    }
    if (!record.annotator.empty()) {
        out["annotator"] = record.annotator;
    }
    if (options.includeMetadata) {
        out["metadata"] = record.metadata;
    }
    return out;
}

void writeHuggingFace(const std::vector<ExportRecord>& records, const ExportSchema& schema, std::ostream& out,
                      const HuggingFaceOptions& options)
{
    for (const auto& record : records) {
        out << huggingFaceObject(record, schema, options).dump() << '\n';
    }
}

std::vector<ExportRecord> readHuggingFace(std::istream& input, const ExportSchema& schema,
                                          const std::string& sourceName)
{
    std::vector<ExportRecord> records;
    detail::forEachJsonLine(input, sourceName, [&](const json& object, detail::Where& where) {
        ExportRecord record;
        record.id = detail::idFrom(detail::requireField(object, "id", where), "id", where);
        where.setId(record.id);
        record.text = detail::requireString(object, "text", where);
        switch (schema.kind) {
        case TaskKind::Single: {
            const json& label = detail::requireField(object, "label", where);
            if (!label.is_null()) {
                record.labels.push_back(detail::labelFrom(label, schema, "label", where));
            }
            break;
        }
        case TaskKind::Multi: {
            const json& labels = detail::requireField(object, "labels", where);
            if (!labels.is_array()) {
                where.fail("labels", "is " + detail::describeType(labels) + ", expected a list of labels");
            }
            for (std::size_t i = 0; i < labels.size(); ++i) {
                record.labels.push_back(
                    detail::labelFrom(labels[i], schema, "labels[" + std::to_string(i) + "]", where));
            }
            detail::sortLabels(record.labels, schema);
            break;
        }
        case TaskKind::Spans: {
            const json& spans = detail::requireField(object, "spans", where);
            if (!spans.is_array()) {
                where.fail("spans", "is " + detail::describeType(spans) + ", expected a list of spans");
            }
            for (std::size_t i = 0; i < spans.size(); ++i) {
                record.spans.push_back(
                    detail::spanFrom(spans[i], record.text, schema, "spans[" + std::to_string(i) + "]", where));
            }
            detail::sortSpans(record.spans);
            break;
        }
        case TaskKind::Rating: {
            const json& rating = detail::requireField(object, "rating", where);
            if (!rating.is_null()) {
                if (!rating.is_number_integer()) {
                    where.fail("rating", "is " + detail::describeType(rating) + ", expected an integer or null");
                }
                record.rating = rating.get<int>();
            }
            break;
        }
        }
        if (const auto annotator = object.find("annotator"); annotator != object.end() && !annotator->is_null()) {
            if (!annotator->is_string()) {
                where.fail("annotator", "is " + detail::describeType(*annotator) + ", expected a string");
            }
            record.annotator = annotator->get<std::string>();
        }
        if (const auto metadata = object.find("metadata"); metadata != object.end() && !metadata->is_null()) {
            if (!metadata->is_object()) {
                where.fail("metadata", "is " + detail::describeType(*metadata) + ", expected an object");
            }
            record.metadata = *metadata;
        }
        records.push_back(std::move(record));
    });
    return records;
}

} // namespace concord::exporting
