#include "core/export/ProdigyFormat.hpp"

#include "core/export/FormatSupport.hpp"

namespace concord::exporting {

using nlohmann::json;

void writeProdigy(const std::vector<ExportRecord>& records, const ExportSchema& schema, std::ostream& out,
                  const ProdigyOptions& options)
{
    json labelOptions = json::array();
    if (schema.kind == TaskKind::Single || schema.kind == TaskKind::Multi) {
        for (const auto& label : schema.labels) {
            labelOptions.push_back({{"id", label}, {"text", label}});
        }
    } else if (schema.kind == TaskKind::Rating) {
        for (int value = schema.ratingMin; value <= schema.ratingMax; ++value) {
            labelOptions.push_back({{"id", value}, {"text", std::to_string(value)}});
        }
    }
    for (const auto& record : records) {
        json meta = options.includeMetadata && record.metadata.is_object() ? record.metadata : json::object();
        meta["id"] = record.id;
        json line = {{"text", record.text}, {"meta", std::move(meta)}};
        switch (schema.kind) {
        case TaskKind::Spans:
            detail::checkSpansFit(record);
            line["spans"] = detail::spansOut(record.spans);
            break;
        case TaskKind::Single:
        case TaskKind::Multi:
            line["options"] = labelOptions;
            line["accept"] = record.labels;
            break;
        case TaskKind::Rating:
            line["options"] = labelOptions;
            line["accept"] = record.rating ? json::array({*record.rating}) : json::array();
            break;
        }
        line["answer"] = "accept";
        if (!record.annotator.empty()) {
            line["_annotator_id"] = record.annotator;
        }
        out << line.dump() << '\n';
    }
}

std::vector<ExportRecord> readProdigy(std::istream& input, const ExportSchema& schema, const std::string& sourceName)
{
    std::vector<ExportRecord> records;
    detail::forEachJsonLine(input, sourceName, [&](const json& object, detail::Where& where) {
        ExportRecord record;
        const json& meta = detail::requireField(object, "meta", where);
        record.id = detail::idFrom(detail::requireField(meta, "id", where, "meta"), "meta.id", where);
        where.setId(record.id);
        record.text = detail::requireString(object, "text", where);

        std::string answer = "accept";
        if (const auto found = object.find("answer"); found != object.end()) {
            if (!found->is_string() || (*found != "accept" && *found != "reject" && *found != "ignore")) {
                where.fail("answer", "is " + found->dump() + ", expected \"accept\", \"reject\" or \"ignore\"");
            }
            answer = found->get<std::string>();
        }
        const bool accepted = answer == "accept";

        if (schema.kind == TaskKind::Spans) {
            const auto spans = object.find("spans");
            if (spans != object.end()) {
                if (!spans->is_array()) {
                    where.fail("spans", "is " + detail::describeType(*spans) + ", expected a list of spans");
                }
                for (std::size_t i = 0; i < spans->size(); ++i) {
                    auto span =
                        detail::spanFrom((*spans)[i], record.text, schema, "spans[" + std::to_string(i) + "]", where);
                    if (accepted) {
                        record.spans.push_back(std::move(span));
                    }
                }
            } else if (accepted) {
                where.fail("spans", "missing");
            }
            detail::sortSpans(record.spans);
        } else if (const auto accept = object.find("accept"); accept != object.end()) {
            if (!accept->is_array()) {
                where.fail("accept", "is " + detail::describeType(*accept) + ", expected a list of option ids");
            }
            for (std::size_t i = 0; i < accept->size() && accepted; ++i) {
                const json& choice = (*accept)[i];
                const std::string field = "accept[" + std::to_string(i) + "]";
                if (schema.kind == TaskKind::Rating) {
                    json value = choice;
                    if (choice.is_string()) {
                        try {
                            value = std::stoi(choice.get<std::string>());
                        } catch (const std::exception&) {
                            where.fail(field, "'" + choice.get<std::string>() + "' is not a rating");
                        }
                    }
                    if (!value.is_number_integer()) {
                        where.fail(field, "is " + detail::describeType(choice) + ", expected a rating");
                    }
                    if (record.rating) {
                        where.fail("accept", "more than one rating is accepted");
                    }
                    record.rating = value.get<int>();
                } else {
                    // Option ids are label names; a choice task may use the labels' integer ids too.
                    record.labels.push_back(detail::labelFrom(choice, schema, field, where));
                }
            }
            detail::sortLabels(record.labels, schema);
        } else if (const auto label = object.find("label"); label != object.end()) {
            // A binary task: the one label, accepted or not.
            const std::string name = detail::labelFrom(*label, schema, "label", where);
            if (accepted) {
                record.labels.push_back(name);
            }
        } else {
            where.fail("accept",
                       "missing (a choice task lists its accepted options there; a binary task has \"label\")");
        }
        if (schema.kind == TaskKind::Single && record.labels.size() > 1) {
            where.fail("accept", "more than one label is accepted in a single-label project");
        }

        if (const auto annotator = object.find("_annotator_id"); annotator != object.end() && !annotator->is_null()) {
            if (!annotator->is_string()) {
                where.fail("_annotator_id", "is " + detail::describeType(*annotator) + ", expected a string");
            }
            record.annotator = annotator->get<std::string>();
        }
        for (const auto& [key, value] : meta.items()) {
            if (key != "id") {
                record.metadata[key] = value;
            }
        }
        records.push_back(std::move(record));
    });
    return records;
}

} // namespace concord::exporting
