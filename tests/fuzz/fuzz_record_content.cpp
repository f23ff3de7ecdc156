// libFuzzer target for what enters a project of fields and questions, and for the stored form
// read back (decodeRecord, and pickStoredStrings, which must agree with it): bytes parsed as JSON
// nested at most 8 levels. An object with "fields" is a record ({"fields", "meta", "value"}),
// anything else is both the record's fields and the value. The record is checked (checkRecord)
// against a fixed schema of a text, a markdown and a chat field (and the two responses a
// preference compares) with limits of 1 KiB or less; the value, as given and as a short form
// (answerFromShorthand), is checked (checkAnswer) against every question of the 'evaluate',
// 'preference' and 'ranking' templates and a few more, and read as an answer's context. Only InputError may
// escape; a record or an answer that is accepted holds what its checks promise.
#include "FuzzChecks.hpp"

#include "core/feedback/Answers.hpp"
#include "core/feedback/RecordContent.hpp"
#include "core/feedback/ShownOrder.hpp"
#include "core/feedback/StoredFields.hpp"
#include "core/feedback/Templates.hpp"
#include "core/io/BoundedJson.hpp"
#include "core/text/Utf8.hpp"
#include "core/util/Error.hpp"

#include <algorithm>
#include <optional>
#include <string_view>
#include <vector>

namespace {

using concord::Question;
using concord::QuestionKind;
using concord::RecordContent;
using concord::RecordLimits;
using concord::RecordSchema;
using concord::fuzz::require;
using nlohmann::json;

constexpr int kDepth = 8;

RecordLimits smallLimits()
{
    RecordLimits limits;
    limits.textBytes = 1024;
    limits.metadataBytes = 512;
    limits.metadataDepth = 4;
    limits.valueBytes = 1024;
    return limits;
}

const RecordSchema& recordSchema()
{
    static const RecordSchema schema = RecordSchema::fromJson(json::parse(R"({
        "fields": [{"name": "prompt", "kind": "text"},
                   {"name": "response", "kind": "markdown"},
                   {"name": "chat", "kind": "chat", "required": false},
                   {"name": "response_a", "kind": "markdown", "required": false},
                   {"name": "response_b", "kind": "markdown", "required": false}],
        "questions": [{"name": "note", "kind": "text"}]})"));
    return schema;
}

const std::vector<Question>& questions()
{
    static const std::vector<Question> all = [] {
        std::vector<Question> list;
        for (const char* name : {"evaluate", "preference", "ranking"}) {
            const auto schema = RecordSchema::fromJson(concord::templateSchema(name));
            list.insert(list.end(), schema.questions.begin(), schema.questions.end());
        }
        // And what the templates leave out: several labels, a scale below zero, overlapping
        // spans of the prompt, a preference of four points (no tie).
        const auto more = RecordSchema::fromJson(json::parse(R"({
            "fields": [{"name": "prompt"}, {"name": "response_a"}, {"name": "response_b"}],
            "questions": [{"name": "topics", "kind": "multi_label", "labels": ["sport", "politics", "science"]},
                          {"name": "score", "kind": "rating", "rating": {"min": -3, "max": 3}},
                          {"name": "marks", "kind": "spans", "field": "prompt", "labels": ["a", "b"],
                           "allow_overlap": true},
                          {"name": "even", "kind": "preference", "fields": ["response_a", "response_b"],
                           "scale": {"points": 4}}]})"));
        list.insert(list.end(), more.questions.begin(), more.questions.end());
        return list;
    }();
    return all;
}

// Whether `number` is an integer from `low` to `high`. Not by json's comparisons, which cast an
// unsigned number above INT64_MAX to a negative one.
bool integerIn(const json& number, std::int64_t low, std::int64_t high)
{
    if (number.is_number_unsigned()) {
        const auto value = number.get<std::uint64_t>();
        return high >= 0 && value <= static_cast<std::uint64_t>(high) &&
               (low <= 0 || value >= static_cast<std::uint64_t>(low));
    }
    if (!number.is_number_integer()) {
        return false;
    }
    const auto value = number.get<std::int64_t>();
    return value >= low && value <= high;
}

// What an accepted record holds: only the schema's fields, each of its kind, the required ones
// not empty, within the size limit; its stored form reads back as it was.
void checkAcceptedRecord(const RecordContent& record, const RecordLimits& limits)
{
    const auto& schema = recordSchema();
    require(record.fields.is_object() && record.meta.is_object());
    for (const auto& [name, value] : record.fields.items()) {
        const auto* field = schema.findField(name);
        require(field != nullptr);
        require(field->kind == concord::FieldKind::Chat ? value.is_array() : value.is_string());
    }
    for (const auto& field : schema.fields) {
        if (field.required) {
            const auto found = record.fields.find(field.name);
            require(found != record.fields.end() && !found->empty());
            require(!found->is_string() || !found->get_ref<const std::string&>().empty());
        }
    }
    const std::string encoded = concord::encodeRecord(record);
    require(encoded.size() <= limits.textBytes + 32); // {"fields":...,"meta":...} around what was measured
    const auto decoded = concord::decodeRecord(encoded);
    require(decoded.fields == record.fields && decoded.meta == record.meta);
    // The text it is searched by is no longer than the record itself.
    const std::string primary = concord::primaryText(schema, record);
    require(primary.size() <= limits.textBytes);
    require(concord::utf8::isValid(primary));
}

// What an accepted answer holds, beyond the shape checkAnswer promises.
void checkAcceptedAnswer(const Question& question, const json& value, const RecordContent& record)
{
    require(value.is_object() && value.size() == 1);
    try {
        value.dump();
    } catch (const json::exception&) {
        __builtin_trap();
    }
    switch (question.kind) {
    case QuestionKind::Label:
    case QuestionKind::MultiLabel:
        for (const auto& label : value["labels"]) {
            require(question.labels.indexOf(label.get<std::string>()).has_value());
        }
        require(question.kind == QuestionKind::MultiLabel || value["labels"].size() == 1);
        break;
    case QuestionKind::Rating:
        // A huge unsigned number must not wrap onto the scale.
        require(integerIn(value["rating"], question.labels.ratingMin, question.labels.ratingMax));
        break;
    case QuestionKind::Spans: {
        const auto length =
            static_cast<std::int64_t>(concord::utf8::codePointCount(concord::markedText(question, record)));
        for (const auto& span : value["spans"]) {
            require(integerIn(span["start"], 0, length - 1) && integerIn(span["end"], 1, length));
            require(span["start"].get<std::int64_t>() < span["end"].get<std::int64_t>());
            require(question.labels.indexOf(span["label"].get<std::string>()).has_value());
        }
        break;
    }
    case QuestionKind::Ranking: {
        const auto& ranks = value["ranking"];
        require(ranks.size() == question.fields.size());
        for (const auto& field : question.fields) {
            require(integerIn(ranks[field], 1, static_cast<std::int64_t>(question.fields.size())));
        }
        break;
    }
    case QuestionKind::Preference: {
        const auto& preference = value["preference"];
        if (preference["winner"].is_null()) {
            require(question.hasTie() && integerIn(preference["strength"], 0, 0));
        } else {
            require(std::find(question.fields.begin(), question.fields.end(), preference["winner"]) !=
                    question.fields.end());
            require(integerIn(preference["strength"], 1, question.maxStrength()));
        }
        break;
    }
    case QuestionKind::Text:
        require(value["text"].is_string() && !value["text"].get_ref<const std::string&>().empty());
        break;
    }
}

void checkValue(const Question& question, const json& value, const RecordContent& record)
{
    try {
        concord::checkAnswer(question, value, record);
    } catch (const concord::InputError& error) {
        require(std::string_view(error.what()).rfind("question '" + question.name + "'", 0) == 0);
        return;
    }
    checkAcceptedAnswer(question, value, record);
}

void checkContext(const json& value)
{
    concord::AnswerContext context;
    try {
        context = concord::AnswerContext::fromJson(value);
    } catch (const concord::InputError&) {
        return;
    }
    // An answer's context is stored as JSON text: it must write as text and read back the same.
    std::string written;
    try {
        written = context.toJson().dump();
    } catch (const json::exception&) {
        __builtin_trap();
    }
    const auto again = concord::AnswerContext::fromJson(json::parse(written));
    require(again.order == context.order && again.suggestionAgent == context.suggestionAgent &&
            again.suggestionShown == context.suggestionShown && again.suggestionTaken == context.suggestionTaken);
}

// The fast reader of stored fields (pickStoredStrings) may refuse anything, but what it
// accepts and decodeRecord reads too gives the same texts.
void checkPicked(std::string_view stored, const std::optional<RecordContent>& decoded)
{
    static const std::vector<std::string> names{"prompt", "response", "response_a", "chat"};
    std::vector<std::string> texts;
    if (!concord::pickStoredStrings(stored, names, texts)) {
        return;
    }
    require(texts.size() == names.size());
    if (decoded) {
        for (std::size_t i = 0; i < names.size(); ++i) {
            require(texts[i] == concord::fieldText(*decoded, names[i]));
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    // The stored form is read by decodeRecord alone; it may only refuse. (A stored record was
    // checked for nesting where it entered, as everything read here is.)
    if (!concord::io::nestsDeeperThan(text, kDepth)) {
        std::optional<RecordContent> decoded;
        try {
            decoded = concord::decodeRecord(text);
        } catch (const concord::InputError&) {
        }
        checkPicked(text, decoded);
    }
    json input;
    try {
        input = concord::io::parseBoundedJson(text, kDepth);
    } catch (const concord::InputError&) {
        return 0; // nested too deep
    } catch (const json::exception&) {
        return 0; // not JSON
    }
    RecordContent record;
    json value = input;
    if (input.is_object() && input.contains("fields")) {
        record.fields = input["fields"];
        if (input.contains("meta")) {
            record.meta = input["meta"];
        }
        value = input.contains("value") ? input["value"] : json();
    } else {
        record.fields = input;
    }

    const RecordLimits limits = smallLimits();
    bool accepted = true;
    try {
        concord::checkRecord(recordSchema(), record, limits);
    } catch (const concord::InputError&) {
        accepted = false;
    }
    if (accepted) {
        checkAcceptedRecord(record, limits);
    } else {
        // Answers are checked against records that were accepted: a stored record always was.
        record = RecordContent{};
        record.fields = {{"prompt", "Is it true?"}, {"response", "Ünïcödé: ✓ 😀"}};
    }

    for (const auto& question : questions()) {
        checkValue(question, value, record);
        json shorthand;
        try {
            shorthand = concord::answerFromShorthand(question, value);
        } catch (const concord::InputError&) {
            continue;
        }
        checkValue(question, shorthand, record);
        if (question.kind == QuestionKind::Preference && value.is_string()) {
            // An annotator of any name sees each compared field once.
            auto order = concord::shownOrder(7, "record", value.get<std::string>(), question);
            std::sort(order.begin(), order.end());
            auto fields = question.fields;
            std::sort(fields.begin(), fields.end());
            require(order == fields);
        }
    }
    checkContext(value);
    if (value.is_string()) {
        try {
            concord::responseStatusFromString(value.get<std::string>());
        } catch (const concord::InputError&) {
        }
    }
    return 0;
}
