#include "core/export/SpacyFormat.hpp"

#include "core/export/FormatSupport.hpp"
#include "core/util/Error.hpp"

#include <algorithm>

namespace concord::exporting {

using nlohmann::json;

namespace {

void refuseRating(const ExportSchema& schema)
{
    if (schema.kind == TaskKind::Rating) {
        throw InputError("spaCy JSONL holds spans and categories; a rating project has no spaCy form (use hf or csv)");
    }
}

} // namespace

void writeSpacy(const std::vector<ExportRecord>& records, const ExportSchema& schema, std::ostream& out,
                const SpacyOptions& options)
{
    refuseRating(schema);
    for (const auto& record : records) {
        json meta = options.includeMetadata && record.metadata.is_object() ? record.metadata : json::object();
        meta["id"] = record.id;
        if (!record.annotator.empty()) {
            meta["annotator"] = record.annotator;
        }
        json line = {{"text", record.text}};
        if (schema.kind == TaskKind::Spans) {
            detail::checkSpansFit(record);
            line["spans"] = detail::spansOut(record.spans);
        } else {
            json cats = json::object();
            for (const auto& label : schema.labels) {
                cats[label] =
                    std::find(record.labels.begin(), record.labels.end(), label) != record.labels.end() ? 1.0 : 0.0;
            }
            line["cats"] = std::move(cats);
        }
        line["meta"] = std::move(meta);
        out << line.dump() << '\n';
    }
}

std::vector<ExportRecord> readSpacy(std::istream& input, const ExportSchema& schema, const std::string& sourceName)
{
    refuseRating(schema);
    std::vector<ExportRecord> records;
    detail::forEachJsonLine(input, sourceName, [&](const json& object, detail::Where& where) {
        ExportRecord record;
        const json& meta = detail::requireField(object, "meta", where);
        record.id = detail::idFrom(detail::requireField(meta, "id", where, "meta"), "meta.id", where);
        where.setId(record.id);
        record.text = detail::requireString(object, "text", where);
        if (schema.kind == TaskKind::Spans) {
            const json& spans = detail::requireField(object, "spans", where);
            if (!spans.is_array()) {
                where.fail("spans", "is " + detail::describeType(spans) + ", expected a list of spans");
            }
            for (std::size_t i = 0; i < spans.size(); ++i) {
                record.spans.push_back(
                    detail::spanFrom(spans[i], record.text, schema, "spans[" + std::to_string(i) + "]", where));
            }
            detail::sortSpans(record.spans);
        } else {
            const json& cats = detail::requireField(object, "cats", where);
            if (!cats.is_object()) {
                where.fail("cats", "is " + detail::describeType(cats) + ", expected an object of label scores");
            }
            for (const auto& [name, score] : cats.items()) {
                const std::string field = "cats." + name;
                if (!score.is_number()) {
                    where.fail(field, "is " + detail::describeType(score) + ", expected a number");
                }
                const std::string label = detail::labelFrom(json(name), schema, field, where);
                if (score.get<double>() >= 0.5) {
                    record.labels.push_back(label);
                }
            }
            detail::sortLabels(record.labels, schema);
            if (schema.kind == TaskKind::Single && record.labels.size() > 1) {
                where.fail("cats", "more than one category is set in a single-label project");
            }
        }
        for (const auto& [key, value] : meta.items()) {
            if (key == "annotator") {
                if (!value.is_string()) {
                    where.fail("meta.annotator", "is " + detail::describeType(value) + ", expected a string");
                }
                record.annotator = value.get<std::string>();
            } else if (key != "id") {
                record.metadata[key] = value;
            }
        }
        records.push_back(std::move(record));
    });
    return records;
}

} // namespace concord::exporting
