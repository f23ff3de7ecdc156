// Project annotations as agreement input; see ProjectRatings.hpp.
#include "core/quality/agreement/ProjectRatings.hpp"

#include "core/feedback/Answers.hpp"
#include "core/quality/agreement/RatingTableBuilder.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"
#include "core/util/StringInterner.hpp"

#include <algorithm>
#include <functional>
#include <limits>

namespace concord::quality {

namespace {

// The sample behind each annotation, looked up once per sample: annotations come ordered by
// sample, so a one-entry cache suffices.
class SampleCache
{
public:
    explicit SampleCache(Project& project) : m_project(project) {}
    const Sample& operator()(std::int64_t key)
    {
        if (key != m_sample.key || m_sample.id.empty()) {
            auto sample = m_project.samples().findByKey(key);
            if (!sample) {
                throw StoreError("an annotation refers to sample key " + std::to_string(key) +
                                 ", which does not exist");
            }
            m_sample = std::move(*sample);
        }
        return m_sample;
    }

private:
    Project& m_project;
    Sample m_sample;
};

nlohmann::json parsedValue(const Annotation& annotation, const Sample& sample)
{
    try {
        return nlohmann::json::parse(annotation.value);
    } catch (const nlohmann::json::exception&) {
        throw InputError("sample '" + sample.id + "', annotator '" + annotation.annotator +
                         "': the stored value is not JSON");
    }
}

AgreementData loadScalar(Project& project, store::AnnotationTable& answers, const LabelSchema& schema)
{
    SampleCache samples(project);
    RatingTableBuilder builder;
    answers.forEach([&](const Annotation& annotation) {
        const Sample& sample = samples(annotation.sample);
        const nlohmann::json value = parsedValue(annotation, sample);
        std::string text;
        if (schema.kind == TaskKind::Rating) {
            if (value.contains("rating") && value["rating"].is_number_integer()) {
                text = std::to_string(value["rating"].get<std::int64_t>());
            }
        } else if (value.contains("labels") && value["labels"].is_array() && value["labels"].size() == 1 &&
                   value["labels"][0].is_string()) {
            text = value["labels"][0].get<std::string>();
        }
        if (text.empty()) {
            throw InputError("sample '" + sample.id + "', annotator '" + annotation.annotator + "': the value " +
                             annotation.value + " is not a " +
                             (schema.kind == TaskKind::Rating ? "rating" : "single label"));
        }
        builder.add(sample.id, annotation.annotator, text);
    });
    ValueOrder order;
    order.appendUnlisted = true; // a value the schema no longer lists is still a rating
    if (schema.kind == TaskKind::Rating) {
        for (int r = schema.ratingMin; r <= schema.ratingMax; ++r) {
            order.listed.push_back(std::to_string(r));
        }
    } else {
        order.listed = schema.labelNames();
    }
    AgreementData data;
    data.kind = schema.kind == TaskKind::Rating ? DataKind::Ratings : DataKind::Labels;
    data.table = builder.build(order);
    return data;
}

AgreementData loadSets(Project& project, store::AnnotationTable& answers, const LabelSchema& schema)
{
    SampleCache samples(project);
    RatingTableBuilder builder;
    answers.forEach([&](const Annotation& annotation) {
        const Sample& sample = samples(annotation.sample);
        nlohmann::json labels = parsedValue(annotation, sample).value("labels", nlohmann::json::array());
        // The sorted JSON list names the set; an empty set is "[]", not a missing value.
        std::sort(labels.begin(), labels.end());
        builder.add(sample.id, annotation.annotator, labels.dump());
    });
    RatingTable table = builder.build();
    std::vector<std::vector<std::string>> lists;
    for (const auto& value : table.values) {
        lists.push_back(nlohmann::json::parse(value).get<std::vector<std::string>>());
    }
    AgreementData data;
    data.kind = DataKind::Sets;
    data.sets = setRatingsFromLists(table, lists, schema.labelNames());
    data.table = data.sets->table;
    return data;
}

std::string describeSpans(const std::vector<Span>& spans, const std::vector<std::string>& labels)
{
    if (spans.empty()) {
        return "(no spans)";
    }
    std::string text;
    for (const Span& span : spans) {
        text += (text.empty() ? "[" : "; [") + std::to_string(span.start) + "," + std::to_string(span.end) + ") " +
                labels[span.label];
    }
    return text;
}

// `markedText`: the text a sample's spans mark.
AgreementData loadSpans(Project& project, store::AnnotationTable& answers, const LabelSchema& schema,
                        const std::function<std::string(const Sample&)>& markedText)
{
    SampleCache samples(project);
    SpanRatings spans;
    spans.labels = schema.labelNames();
    StringInterner items;
    StringInterner annotators;
    StringInterner labels;
    for (const auto& label : spans.labels) {
        labels.intern(label);
    }
    StringInterner values;
    RatingTable table;
    answers.forEach([&](const Annotation& annotation) {
        const Sample& sample = samples(annotation.sample);
        const nlohmann::json value = parsedValue(annotation, sample);
        SpanAnnotation entry;
        const auto [item, newItem] = items.intern(sample.id);
        if (newItem) {
            spans.texts.push_back(markedText(sample));
        }
        entry.item = item;
        entry.annotator = annotators.intern(annotation.annotator).first;
        for (const auto& span : value.value("spans", nlohmann::json::array())) {
            const auto [label, newLabel] = labels.intern(span.at("label").get<std::string>());
            if (newLabel) {
                spans.labels.push_back(span.at("label").get<std::string>());
            }
            entry.spans.push_back(
                Span{span.at("start").get<std::uint32_t>(), span.at("end").get<std::uint32_t>(), label});
        }
        std::sort(entry.spans.begin(), entry.spans.end());
        table.ratings.push_back(
            Rating{entry.item, entry.annotator, values.intern(describeSpans(entry.spans, spans.labels)).first});
        spans.annotations.push_back(std::move(entry));
    });
    spans.items = items.release();
    spans.annotators = annotators.release();
    table.items = spans.items;
    table.annotators = spans.annotators;
    table.values = values.release();
    table.numeric.assign(table.values.size(), std::numeric_limits<double>::quiet_NaN());
    AgreementData data;
    data.kind = DataKind::Spans;
    data.table = std::move(table);
    data.spans = std::move(spans);
    return data;
}

AgreementData loadAnswers(Project& project, store::AnnotationTable& answers, const LabelSchema& schema,
                          const std::function<std::string(const Sample&)>& markedText)
{
    switch (schema.kind) {
    case TaskKind::Single:
    case TaskKind::Rating:
        return loadScalar(project, answers, schema);
    case TaskKind::Multi:
        return loadSets(project, answers, schema);
    case TaskKind::Spans:
        return loadSpans(project, answers, schema, markedText);
    }
    return loadScalar(project, answers, schema);
}

} // namespace

AgreementData loadProjectRatings(Project& project)
{
    return loadAnswers(project, project.annotations(), project.schema(),
                       [](const Sample& sample) { return sample.text; });
}

AgreementData loadQuestionRatings(Project& project, const Question& question)
{
    if (!question.asksLabels()) {
        throw InputError("question '" + question.name + "' is a " + std::string(toString(question.kind)) +
                         " question; its agreement is not a label, set, span or rating report");
    }
    auto answers = project.annotations().forQuestion(question.name);
    return loadAnswers(project, answers, question.labels, [&](const Sample& sample) {
        return question.field.empty() ? sample.text : markedText(question, project.recordOf(sample));
    });
}

} // namespace concord::quality
