// Gold, aggregated or raw records of a project; see ExportSelection.hpp.
#include "core/export/ExportSelection.hpp"

#include "core/quality/aggregation/Aggregation.hpp"
#include "core/quality/agreement/RatingTableBuilder.hpp"
#include "core/signals/SignalEngine.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

#include <algorithm>
#include <tuple>
#include <unordered_map>

namespace concord::exporting {

namespace {

nlohmann::json parseValue(std::string_view text, const Sample& sample, const std::string& whose)
{
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception&) {
        throw InputError("sample '" + sample.id + "', " + whose + ": the stored value is not JSON");
    }
}

// One string per distinct value, so that the aggregation compares whole values: the label
// name, the rating, or the canonical JSON of a label set or span list.
std::string valueKey(const ExportRecord& record, TaskKind kind)
{
    switch (kind) {
    case TaskKind::Single:
        return record.labels.empty() ? std::string() : record.labels.front();
    case TaskKind::Rating:
        return record.rating ? std::to_string(*record.rating) : std::string();
    case TaskKind::Multi:
        return nlohmann::json(record.labels).dump();
    case TaskKind::Spans: {
        nlohmann::json spans = nlohmann::json::array();
        for (const auto& span : record.spans) {
            spans.push_back({span.start, span.end, span.label});
        }
        return spans.dump();
    }
    }
    return {};
}

// The value of one annotation, kept as a record without id and text.
struct Labeled
{
    std::string annotator;
    ExportRecord value;
};

struct SampleLabels
{
    Sample sample;
    std::vector<Labeled> annotations; // by annotator name
    std::optional<ExportRecord> gold;
};

// Visits every selected sample with its annotations and gold value: three scans in sample
// order merged, rather than two queries per sample.
template <typename Visit>
void forEachSample(Project& project, const ExportSchema& schema, const std::vector<std::int64_t>* only, Visit visit)
{
    auto annotations =
        project.database().prepare("SELECT sample, annotator, value FROM annotations ORDER BY sample, annotator");
    bool moreAnnotations = annotations.step();
    auto gold = project.database().prepare("SELECT sample, value FROM resolutions ORDER BY sample");
    bool moreGold = gold.step();
    std::size_t nextWanted = 0;
    project.samples().forEach([&](const Sample& sample) {
        if (only != nullptr) {
            while (nextWanted < only->size() && (*only)[nextWanted] < sample.key) {
                ++nextWanted;
            }
            if (nextWanted == only->size() || (*only)[nextWanted] != sample.key) {
                return;
            }
        }
        SampleLabels labels;
        labels.sample = sample;
        while (moreAnnotations && annotations.columnInt(0) < sample.key) {
            moreAnnotations = annotations.step();
        }
        while (moreAnnotations && annotations.columnInt(0) == sample.key) {
            Labeled labeled;
            labeled.annotator = annotations.columnText(1);
            setRecordValue(labeled.value,
                           parseValue(annotations.columnView(2), sample, "annotator '" + labeled.annotator + "'"),
                           schema);
            labels.annotations.push_back(std::move(labeled));
            moreAnnotations = annotations.step();
        }
        while (moreGold && gold.columnInt(0) < sample.key) {
            moreGold = gold.step();
        }
        if (moreGold && gold.columnInt(0) == sample.key && !gold.isNull(1)) {
            ExportRecord value;
            setRecordValue(value, parseValue(gold.columnView(1), sample, "gold value"), schema);
            labels.gold = std::move(value);
        }
        visit(labels);
    });
}

ExportRecord recordOf(const Sample& sample, const ExportRecord& value, bool metadata)
{
    ExportRecord record = value;
    record.id = sample.id;
    record.text = sample.text;
    if (metadata) {
        try {
            record.metadata = nlohmann::json::parse(sample.meta);
        } catch (const nlohmann::json::exception&) {
            throw InputError("sample '" + sample.id + "': its metadata is not JSON");
        }
    }
    return record;
}

quality::ValueOrder valueOrder(const ExportSchema& schema)
{
    quality::ValueOrder order;
    order.appendUnlisted = true;
    if (schema.kind == TaskKind::Single) {
        order.listed = schema.labels;
    } else if (schema.kind == TaskKind::Rating) {
        for (int r = schema.ratingMin; r <= schema.ratingMax; ++r) {
            order.listed.push_back(std::to_string(r));
        }
    }
    return order;
}

} // namespace

std::string_view toString(ExportSource source)
{
    switch (source) {
    case ExportSource::GoldThenMajority:
        return "gold-majority";
    case ExportSource::GoldThenDawidSkene:
        return "gold-dawid-skene";
    case ExportSource::Raw:
        return "raw";
    }
    return "gold-majority";
}

ExportSource exportSourceFromString(std::string_view name)
{
    for (const auto source : {ExportSource::GoldThenMajority, ExportSource::GoldThenDawidSkene, ExportSource::Raw}) {
        if (name == toString(source)) {
            return source;
        }
    }
    throw InputError("unknown source '" + std::string(name) + "' (expected gold-majority, gold-dawid-skene or raw)");
}

ExportSchema exportSchemaOf(const LabelSchema& schema)
{
    ExportSchema result;
    result.kind = schema.kind;
    result.labels = schema.labelNames();
    result.ratingMin = schema.ratingMin;
    result.ratingMax = schema.ratingMax;
    return result;
}

void setRecordValue(ExportRecord& record, const nlohmann::json& value, const ExportSchema& schema)
{
    record.labels.clear();
    record.spans.clear();
    record.rating.reset();
    record.emptyAnswer = false;
    if (!value.is_object()) {
        return;
    }
    if (const auto rating = value.find("rating"); rating != value.end() && rating->is_number_integer()) {
        record.rating = rating->get<int>();
    }
    if (const auto labels = value.find("labels"); labels != value.end() && labels->is_array()) {
        for (const auto& label : *labels) {
            if (label.is_string()) {
                record.labels.push_back(label.get<std::string>());
            }
        }
        // Schema order (unknown names after, by name), so that equal sets give equal records.
        const auto rank = [&schema](const std::string& name) {
            const auto it = std::find(schema.labels.begin(), schema.labels.end(), name);
            return static_cast<std::size_t>(it - schema.labels.begin());
        };
        std::sort(record.labels.begin(), record.labels.end(), [&](const std::string& a, const std::string& b) {
            return std::pair(rank(a), a) < std::pair(rank(b), b);
        });
        record.labels.erase(std::unique(record.labels.begin(), record.labels.end()), record.labels.end());
    }
    if (const auto spans = value.find("spans"); spans != value.end() && spans->is_array()) {
        for (const auto& span : *spans) {
            if (span.is_object() && span.contains("start") && span.contains("end") && span.contains("label")) {
                record.spans.push_back(ExportSpan{span["start"].get<std::int64_t>(), span["end"].get<std::int64_t>(),
                                                  span["label"].get<std::string>()});
            }
        }
        std::sort(record.spans.begin(), record.spans.end(), [](const ExportSpan& a, const ExportSpan& b) {
            return std::tie(a.start, a.end, a.label) < std::tie(b.start, b.end, b.label);
        });
    }
    // {"labels":[]} or {"spans":[]}: the annotator answered "none".
    const auto isEmptyList = [&value](const char* field) {
        const auto found = value.find(field);
        return found != value.end() && found->is_array() && found->empty();
    };
    record.emptyAnswer = !record.rating && (isEmptyList("labels") || isEmptyList("spans"));
}

Selection selectRecords(Project& project, const SelectionOptions& options)
{
    if (options.minAgreement && !(*options.minAgreement >= 0.0 && *options.minAgreement <= 1.0)) {
        throw InputError("the minimum agreement must be between 0 and 1, not " + std::to_string(*options.minAgreement));
    }
    Selection selection;
    selection.schema = exportSchemaOf(project.schema());
    const ExportSchema& schema = selection.schema;

    std::vector<std::int64_t> selected;
    const std::vector<std::int64_t>* only = nullptr;
    if (options.signalExpression) {
        selected = signals::SignalEngine(project).select(*options.signalExpression);
        only = &selected;
    }

    if (options.source == ExportSource::Raw) {
        forEachSample(project, schema, only, [&](const SampleLabels& labels) {
            ++selection.samples;
            if (labels.annotations.empty()) {
                ++selection.unlabeled;
            }
            for (const auto& annotation : labels.annotations) {
                ExportRecord record = recordOf(labels.sample, annotation.value, options.includeMetadata);
                record.annotator = annotation.annotator;
                record.source = "raw";
                selection.records.push_back(std::move(record));
                ++selection.raw;
            }
        });
        return selection;
    }

    // First pass: gold records as they are; the other samples' annotations into a rating
    // table, whose aggregate then fills their places.
    struct Pending
    {
        Sample sample;
    };
    std::vector<std::optional<ExportRecord>> records; // nullopt: waits for the aggregate
    std::vector<Pending> pending;
    std::unordered_map<std::string, ExportRecord> valueOfKey;
    quality::RatingTableBuilder builder;
    forEachSample(project, schema, only, [&](const SampleLabels& labels) {
        ++selection.samples;
        if (labels.gold) {
            ExportRecord record = recordOf(labels.sample, *labels.gold, options.includeMetadata);
            record.source = "gold";
            records.push_back(std::move(record));
            return;
        }
        if (labels.annotations.empty()) {
            ++selection.unlabeled;
            return;
        }
        const std::string item = std::to_string(labels.sample.key);
        for (const auto& annotation : labels.annotations) {
            const std::string key = valueKey(annotation.value, schema.kind);
            valueOfKey.try_emplace(key, annotation.value);
            builder.add(item, annotation.annotator, key);
        }
        pending.push_back(Pending{labels.sample});
        records.emplace_back();
    });

    if (!pending.empty()) {
        const quality::RatingTable table = builder.build(valueOrder(schema));
        const auto method = options.source == ExportSource::GoldThenDawidSkene
                                ? quality::AggregationMethod::DawidSkene
                                : quality::AggregationMethod::MajorityVote;
        const quality::AggregationResult result = quality::aggregate(table, method);
        std::unordered_map<std::string, std::uint32_t> itemIndex;
        for (std::uint32_t i = 0; i < table.items.size(); ++i) {
            itemIndex.emplace(table.items[i], i);
        }
        std::size_t next = 0;
        for (auto& slot : records) {
            if (slot) {
                continue;
            }
            const Pending& waiting = pending[next++];
            const auto found = itemIndex.find(std::to_string(waiting.sample.key));
            if (found == itemIndex.end() || result.items[found->second].value == quality::kNoValue) {
                ++selection.unlabeled;
                continue;
            }
            const auto& estimate = result.items[found->second];
            if (options.minAgreement && estimate.confidence < *options.minAgreement) {
                ++selection.belowAgreement;
                continue;
            }
            ExportRecord record =
                recordOf(waiting.sample, valueOfKey.at(table.values[estimate.value]), options.includeMetadata);
            record.source = std::string(quality::toString(method));
            record.confidence = estimate.confidence;
            slot = std::move(record);
        }
    }
    for (auto& slot : records) {
        if (slot) {
            (slot->source == "gold" ? selection.gold : selection.aggregated) += 1;
            selection.records.push_back(std::move(*slot));
        }
    }
    return selection;
}

} // namespace concord::exporting
