#include "core/export/RecordImport.hpp"

#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

#include <set>
#include <utility>

namespace concord::exporting {

using nlohmann::json;

json valueOfRecord(const ExportRecord& record, TaskKind kind)
{
    if (!hasValue(record, kind)) {
        return nullptr;
    }
    switch (kind) {
    case TaskKind::Single:
    case TaskKind::Multi:
        return {{"labels", record.labels}};
    case TaskKind::Spans: {
        json spans = json::array();
        for (const auto& span : record.spans) {
            spans.push_back({{"start", span.start}, {"end", span.end}, {"label", span.label}});
        }
        return {{"spans", std::move(spans)}};
    }
    case TaskKind::Rating:
        return {{"rating", *record.rating}};
    }
    return nullptr;
}

ExportSchema recordSchemaOf(const LabelSchema& schema)
{
    ExportSchema out;
    out.kind = schema.kind;
    out.labels = schema.labelNames();
    out.ratingMin = schema.ratingMin;
    out.ratingMax = schema.ratingMax;
    return out;
}

RecordImportReport importRecords(Project& project, const std::vector<ExportRecord>& records,
                                 const RecordImportOptions& options)
{
    RecordImportReport report;
    const LabelSchema& schema = project.schema();
    const RecordLimits limits = project.recordLimits();
    sqlite::Transaction transaction(project.database());
    const std::int64_t now = project.now();
    std::set<std::pair<std::int64_t, std::string>> annotated; // (sample, annotator) in this file
    std::set<std::int64_t> golden;                            // samples given a gold value in this file

    for (std::size_t index = 0; index < records.size(); ++index) {
        const ExportRecord& record = records[index];
        const std::string where =
            options.sourceName + ": record " + std::to_string(index + 1) + " (id '" + record.id + "')";
        ++report.records;
        if (record.id.empty()) {
            throw InputError(options.sourceName + ": record " + std::to_string(index + 1) + ": field 'id': empty");
        }
        if (record.text.find_first_not_of(" \t\r\n") == std::string::npos) {
            throw InputError(where + ": field 'text': empty");
        }
        std::int64_t key = 0;
        if (auto existing = project.samples().findById(record.id)) {
            if (existing->text != record.text) {
                throw InputError(where + ": field 'text': differs from the text of the sample '" + record.id +
                                 "' already in the project");
            }
            key = existing->key;
            ++report.samplesExisting;
        } else {
            const json meta = record.metadata.is_object() ? record.metadata : json::object();
            const std::string metaText = meta.dump();
            // The same sizes as any import, so that every sample can reach the replicas.
            if (record.id.size() > limits.idBytes) {
                throw InputError(where + ": field 'id': " + std::to_string(record.id.size()) +
                                 " bytes, more than the limit of " + std::to_string(limits.idBytes));
            }
            if (auto problem = textOverLimit(record.text, limits)) {
                throw InputError(where + ": field 'text': " + *problem);
            }
            if (auto problem = metadataOverLimit(meta, metaText.size(), limits)) {
                throw InputError(where + ": field 'metadata': " + *problem);
            }
            key = *project.samples().insert(record.id, record.text, metaText);
            ++report.samplesAdded;
        }

        const json value = valueOfRecord(record, schema.kind);
        if (value.is_null()) {
            continue;
        }
        const bool gold = record.source == "gold";
        const std::string annotator =
            options.keepAnnotators && !record.annotator.empty() ? record.annotator : options.annotator;
        if (annotator.empty()) {
            throw SettingError("annotator",
                               where + ": field 'annotator': " +
                                   (gold ? "the gold value names no reviewer; name the reviewer who set it"
                                         : "the record has labels but names no annotator; name the annotator whose "
                                           "labels these are"));
        }
        const std::string field = schema.kind == TaskKind::Spans    ? "spans"
                                  : schema.kind == TaskKind::Rating ? "rating"
                                                                    : "labels";
        try {
            checkNameSize(annotator, gold ? "the reviewer's name" : "the annotator's name");
        } catch (const InputError& error) {
            throw SettingError("annotator", where + ": field 'annotator': " + error.what());
        }
        try {
            schema.validate(value, record.text);
        } catch (const InputError& error) {
            throw InputError(where + ": field '" + field + "': " + error.what());
        }
        // A gold value without an author (Concord's own gold export) is only the gold value.
        if (!gold || !record.annotator.empty()) {
            if (!annotated.emplace(key, annotator).second) {
                throw SettingError("annotator", where + ": field 'annotator': " + annotator + " labels sample '" +
                                                    record.id + "' twice in this file");
            }
            project.annotations().put(key, annotator, value.dump(), now);
            ++report.annotations;
        }
        if (gold) {
            if (!golden.insert(key).second) {
                throw InputError(where + ": field 'source': a second gold value for sample '" + record.id +
                                 "' in this file");
            }
            project.resolutions().set(key, value.dump(), "ground truth in " + options.sourceName, annotator, now);
            ++report.gold;
        }
    }
    transaction.commit();
    return report;
}

RecordImportReport importRecordFile(Project& project, RecordFormat format, std::istream& input,
                                    const RecordImportOptions& options)
{
    std::vector<std::string> notes;
    const auto records = readRecords(format, input, recordSchemaOf(project.schema()), options.sourceName, &notes);
    RecordImportReport report = importRecords(project, records, options);
    report.notes = std::move(notes);
    return report;
}

} // namespace concord::exporting
