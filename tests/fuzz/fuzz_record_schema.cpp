// libFuzzer target for a project's fields and questions: bytes parsed as JSON nested at most 16
// levels (the bound a file's JSON gets), then RecordSchema::fromJson. Whatever the bytes, the
// schema is refused with an InputError or accepted; an accepted one
//  - holds what its checks promise (names unique and well formed, compared and marked fields
//    among the record's, two fields to a preference on 2 to 7 points, two or more to a ranking);
//  - keeps what it was given: each entry's name, kind, title, required, fields, field, scale,
//    rating and label names read back as they were written;
//  - writes JSON (toJson) that reads back as the same schema, and answers every lookup.
#include "FuzzChecks.hpp"

#include "core/feedback/RecordSchema.hpp"
#include "core/io/BoundedJson.hpp"
#include "core/util/Error.hpp"

#include <optional>
#include <set>
#include <string_view>

namespace {

using concord::FieldKind;
using concord::Question;
using concord::QuestionKind;
using concord::RecordSchema;
using concord::fuzz::require;
using nlohmann::json;

constexpr int kDepth = 16;

// Whether `number` is the integer `expected`. Not by json's comparison, which casts an unsigned
// number above INT64_MAX to a negative one.
bool isInteger(const json& number, std::int64_t expected)
{
    if (number.is_number_unsigned()) {
        return expected >= 0 && number.get<std::uint64_t>() == static_cast<std::uint64_t>(expected);
    }
    return number.is_number_integer() && number.get<std::int64_t>() == expected;
}

// The value of `key` in `entry` equals `expected` when the entry gives one.
void requireKept(const json& entry, const char* key, const json& expected)
{
    if (entry.contains(key)) {
        require(entry[key] == expected);
    }
}

void checkField(const json& entry, const concord::Field& field)
{
    require(entry.is_object());
    require(entry["name"] == field.name);
    requireKept(entry, "title", field.title);
    requireKept(entry, "kind", std::string(concord::toString(field.kind)));
    requireKept(entry, "required", field.required);
}

void checkQuestion(const json& entry, const Question& question, const RecordSchema& schema)
{
    require(entry.is_object());
    require(entry["name"] == question.name);
    require(entry["kind"] == std::string(concord::toString(question.kind)));
    requireKept(entry, "title", question.title);
    requireKept(entry, "description", question.description);
    requireKept(entry, "required", question.required);
    requireKept(entry, "suggestions", std::string(concord::toString(question.suggestions)));
    requireKept(entry, "fields", question.fields);
    requireKept(entry, "field", question.field);
    if (entry.contains("scale") && entry["scale"].contains("points")) {
        require(isInteger(entry["scale"]["points"], question.points));
    }
    // A label schema's keys that the question's kind does not use are let through as a label
    // schema lets them (docs/formats.md: "rating applies to rating tasks, allow_overlap to
    // spans tasks"); those it uses are kept.
    if (question.kind == QuestionKind::Rating && entry.contains("rating")) {
        require(isInteger(entry["rating"]["min"], question.labels.ratingMin));
        require(isInteger(entry["rating"]["max"], question.labels.ratingMax));
    }
    if (question.kind == QuestionKind::Spans && entry.contains("allow_overlap")) {
        require(entry["allow_overlap"] == question.labels.allowOverlap);
    }
    if (question.kind != QuestionKind::Rating && entry.contains("labels")) {
        const auto& labels = entry["labels"];
        require(labels.size() == question.labels.labels.size());
        for (std::size_t i = 0; i < labels.size(); ++i) {
            const auto& name = labels[i].is_string() ? labels[i] : labels[i]["name"];
            require(name == question.labels.labels[i].name);
        }
    }

    switch (question.kind) {
    case QuestionKind::Preference:
        require(question.fields.size() == 2 && question.fields[0] != question.fields[1]);
        require(question.points >= 2 && question.points <= 7);
        require(question.maxStrength() >= 1 && question.maxStrength() <= 3);
        break;
    case QuestionKind::Ranking:
        require(question.fields.size() >= 2);
        require(std::set<std::string>(question.fields.begin(), question.fields.end()).size() == question.fields.size());
        break;
    case QuestionKind::Spans:
        require(!question.field.empty());
        break;
    default:
        require(question.fields.empty());
        break;
    }
    for (const auto& name : question.fields) {
        require(schema.findField(name) != nullptr);
    }
    if (!question.field.empty()) {
        const auto* field = schema.findField(question.field);
        require(field != nullptr && field->kind != FieldKind::Chat);
    }
    if (question.kind == QuestionKind::Rating) {
        require(question.labels.ratingMin < question.labels.ratingMax);
    }
    if (question.asksLabels()) {
        // The label schema a one-question project would keep for it is one too.
        const auto legacy = RecordSchema::fromLegacy(question.labels);
        require(legacy.isLegacy());
    }
}

// What holds for `schema`, read from `input`, and again for the schema its JSON reads back as.
void checkShape(const json& input, const RecordSchema& schema)
{
    require(!schema.fields.empty() && !schema.questions.empty());
    require(input["fields"].size() == schema.fields.size());
    require(input["questions"].size() == schema.questions.size());
    std::set<std::string> names;
    for (std::size_t i = 0; i < schema.fields.size(); ++i) {
        checkField(input["fields"][i], schema.fields[i]);
        require(names.insert(schema.fields[i].name).second);
        require(schema.findField(schema.fields[i].name) == &schema.fields[i]);
    }
    names.clear();
    for (std::size_t i = 0; i < schema.questions.size(); ++i) {
        checkQuestion(input["questions"][i], schema.questions[i], schema);
        require(names.insert(schema.questions[i].name).second);
        require(&schema.question(schema.questions[i].name) == &schema.questions[i]);
    }
    require(!schema.questionNames().empty() && !schema.fieldNames().empty());
    require(schema.primary().name == schema.questions.front().name);
}

void checkAccepted(const json& input, const RecordSchema& schema)
{
    checkShape(input, schema);
    json written;
    try {
        written = schema.toJson();
        written.dump(); // throws on a string that is not UTF-8
    } catch (const json::exception&) {
        __builtin_trap();
    }
    require(RecordSchema::isNewForm(written));
    std::optional<RecordSchema> again;
    try {
        again = RecordSchema::fromJson(written);
    } catch (const concord::InputError&) {
        __builtin_trap(); // what it wrote, it refuses
    }
    require(again->toJson() == written);
    require(again->isLegacy() == schema.isLegacy());
    if (schema.isLegacy()) {
        require(RecordSchema::fromLegacy(schema.primary().labels).toJson() == written);
    }
    // Nothing it accepted was lost on the way through its JSON (a project's file, a replica).
    checkShape(input, *again);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    json input;
    try {
        input = concord::io::parseBoundedJson(std::string_view(reinterpret_cast<const char*>(data), size), kDepth);
    } catch (const concord::InputError&) {
        return 0; // nested too deep
    } catch (const json::exception&) {
        return 0; // not JSON
    }
    std::optional<RecordSchema> schema;
    try {
        schema = RecordSchema::fromJson(input);
    } catch (const concord::InputError& error) {
        require(std::string_view(error.what()).rfind("schema", 0) == 0); // names where it went wrong
        return 0;
    }
    checkAccepted(input, *schema);
    return 0;
}
