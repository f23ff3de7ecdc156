#include "core/feedback/RecordSchema.hpp"

#include "core/model/RecordLimits.hpp"
#include "core/text/Utf8.hpp"
#include "core/util/Error.hpp"

#include <algorithm>
#include <array>
#include <set>

namespace concord {

namespace {

constexpr std::size_t kMaxEntries = 256;     // fields or questions in a schema
constexpr std::size_t kMaxTitleBytes = 1024; // a title; descriptions may be as long as guidelines

template <typename Kind, std::size_t N>
Kind kindFromString(std::string_view name, const std::array<Kind, N>& kinds, const std::string& where,
                    const char* expected)
{
    for (Kind kind : kinds) {
        if (toString(kind) == name) {
            return kind;
        }
    }
    throw InputError(where + ": unknown kind '" + std::string(name).substr(0, 64) + "' (expected " + expected + ")");
}

void checkKeys(const nlohmann::json& object, std::initializer_list<std::string_view> known, const std::string& where)
{
    for (const auto& [key, ignored] : object.items()) {
        if (std::find(known.begin(), known.end(), key) == known.end()) {
            std::string list;
            for (auto name : known) {
                list += (list.empty() ? "" : ", ") + std::string(name);
            }
            throw InputError(where + ": unknown key '" + key.substr(0, 64) + "' (expected " + list + ")");
        }
    }
}

std::string stringAt(const nlohmann::json& object, const char* key, const std::string& where, bool required,
                     std::size_t maxBytes)
{
    if (!object.contains(key)) {
        if (required) {
            throw InputError(where + ": key '" + key + "' is missing");
        }
        return {};
    }
    const auto& value = object[key];
    if (!value.is_string()) {
        throw InputError(where + ": key '" + key + "' must be a string, found " + value.type_name());
    }
    const auto& text = value.get_ref<const std::string&>();
    if (!utf8::isValid(text)) {
        throw InputError(where + ": key '" + key + "' is not valid UTF-8");
    }
    if (text.size() > maxBytes) {
        throw InputError(where + ": key '" + key + "' has " + std::to_string(text.size()) +
                         " bytes, more than the limit of " + std::to_string(maxBytes));
    }
    return text;
}

bool boolAt(const nlohmann::json& object, const char* key, const std::string& where, bool fallback)
{
    if (!object.contains(key)) {
        return fallback;
    }
    if (!object[key].is_boolean()) {
        throw InputError(where + ": key '" + key + "' must be true or false");
    }
    return object[key].get<bool>();
}

// Names travel in every answer and appear in exported column names: letters, digits, '_' and '-'.
void checkName(const std::string& name, const std::string& where)
{
    const bool ok = !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
    });
    if (!ok) {
        throw InputError(where + ": the name '" + name.substr(0, 64) +
                         "' must be 1 to 64 letters, digits, '_' or '-' (as in response_a)");
    }
}

const nlohmann::json& arrayAt(const nlohmann::json& json, const char* key, const std::string& where)
{
    if (!json.contains(key) || !json[key].is_array() || json[key].empty()) {
        throw InputError(where + ": key '" + key + "' must be a non-empty array");
    }
    if (json[key].size() > kMaxEntries) {
        throw InputError(where + ": key '" + key + "' has " + std::to_string(json[key].size()) +
                         " entries, more than the limit of " + std::to_string(kMaxEntries));
    }
    return json[key];
}

Field parseField(const nlohmann::json& entry, const std::string& where)
{
    if (!entry.is_object()) {
        throw InputError(where + ": expected an object with name and kind, found " + entry.type_name());
    }
    checkKeys(entry, {"name", "title", "kind", "required"}, where);
    Field field;
    field.name = stringAt(entry, "name", where, true, 64);
    checkName(field.name, where);
    field.title = stringAt(entry, "title", where, false, kMaxTitleBytes);
    const std::string kind = entry.contains("kind") ? stringAt(entry, "kind", where, true, 64) : "text";
    field.kind = kindFromString(kind, std::array{FieldKind::Text, FieldKind::Markdown, FieldKind::Chat},
                                where + " ('" + field.name + "')", "text, markdown or chat");
    field.required = boolAt(entry, "required", where, true);
    return field;
}

LabelSchema parseLabels(const nlohmann::json& entry, QuestionKind kind, const std::string& where)
{
    nlohmann::json legacy = nlohmann::json::object();
    static const std::array<std::pair<QuestionKind, TaskKind>, 4> kTasks = {
        {{QuestionKind::Label, TaskKind::Single},
         {QuestionKind::MultiLabel, TaskKind::Multi},
         {QuestionKind::Spans, TaskKind::Spans},
         {QuestionKind::Rating, TaskKind::Rating}}};
    for (const auto& [question, task] : kTasks) {
        if (question == kind) {
            legacy["kind"] = std::string(toString(task));
        }
    }
    for (const char* key : {"labels", "rating", "allow_overlap"}) {
        if (entry.contains(key)) {
            legacy[key] = entry[key];
        }
    }
    try {
        return LabelSchema::fromJson(legacy);
    } catch (const InputError& error) {
        std::string message = error.what();
        if (message.rfind("schema: ", 0) == 0) {
            message.erase(0, 8);
        }
        throw InputError(where + ": " + message);
    }
}

void checkComparedFields(const Question& question, const RecordSchema& schema, const std::string& where)
{
    std::set<std::string> seen;
    for (const auto& name : question.fields) {
        const Field* field = schema.findField(name);
        if (!field) {
            throw InputError(where + ": field '" + name + "' is not among the record's fields (" + schema.fieldNames() +
                             ")");
        }
        if (!seen.insert(name).second) {
            throw InputError(where + ": field '" + name + "' is named twice");
        }
    }
    if (question.kind == QuestionKind::Preference && question.fields.size() != 2) {
        throw InputError(where + ": a preference is between exactly two fields, found " +
                         std::to_string(question.fields.size()));
    }
    if (question.kind == QuestionKind::Ranking && question.fields.size() < 2) {
        throw InputError(where + ": a ranking needs two or more fields, found " +
                         std::to_string(question.fields.size()));
    }
}

void checkTextField(const Question& question, const RecordSchema& schema, const std::string& where)
{
    if (question.field.empty()) {
        return;
    }
    const Field* field = schema.findField(question.field);
    if (!field) {
        throw InputError(where + ": field '" + question.field + "' is not among the record's fields (" +
                         schema.fieldNames() + ")");
    }
    if (field->kind == FieldKind::Chat) {
        throw InputError(where + ": field '" + question.field + "' is a chat; " +
                         (question.kind == QuestionKind::Spans ? "spans mark" : "an answer is prefilled from") +
                         " a text or markdown field");
    }
}

Question parseQuestion(const nlohmann::json& entry, const RecordSchema& schema, const std::string& at)
{
    if (!entry.is_object()) {
        throw InputError(at + ": expected an object with name and kind, found " + entry.type_name());
    }
    checkKeys(entry,
              {"name", "title", "description", "required", "kind", "labels", "rating", "allow_overlap", "fields",
               "field", "scale", "suggestions"},
              at);
    Question question;
    question.name = stringAt(entry, "name", at, true, 64);
    checkName(question.name, at);
    const std::string where = at + " ('" + question.name + "')";
    question.title = stringAt(entry, "title", where, false, kMaxTitleBytes);
    question.description = stringAt(entry, "description", where, false, limits::kGuidelinesBytes);
    question.required = boolAt(entry, "required", where, true);
    question.kind = kindFromString(stringAt(entry, "kind", where, true, 64),
                                   std::array{QuestionKind::Label, QuestionKind::MultiLabel, QuestionKind::Spans,
                                              QuestionKind::Rating, QuestionKind::Ranking, QuestionKind::Preference,
                                              QuestionKind::Text},
                                   where, "label, multi_label, spans, rating, ranking, preference or text");
    if (entry.contains("suggestions")) {
        question.suggestions =
            kindFromString(stringAt(entry, "suggestions", where, true, 64),
                           std::array{SuggestionMode::Prefill, SuggestionMode::After, SuggestionMode::Hidden},
                           where + ": suggestions", "prefill, after or hidden");
    }
    const auto refuseKey = [&](const char* key, const char* kinds) {
        if (entry.contains(key)) {
            throw InputError(where + ": key '" + key + "' belongs to " + kinds + " questions, not " +
                             std::string(toString(question.kind)) + " ones");
        }
    };
    switch (question.kind) {
    case QuestionKind::Label:
    case QuestionKind::MultiLabel:
    case QuestionKind::Spans:
    case QuestionKind::Rating:
        question.labels = parseLabels(entry, question.kind, where);
        if (question.kind != QuestionKind::Rating) {
            refuseKey("rating", "rating");
        } else {
            refuseKey("labels", "label, multi_label and spans");
        }
        if (question.kind != QuestionKind::Spans) {
            refuseKey("allow_overlap", "spans");
        }
        refuseKey("fields", "ranking and preference");
        refuseKey("scale", "preference");
        if (question.kind == QuestionKind::Spans) {
            question.field = stringAt(entry, "field", where, true, 64);
            checkTextField(question, schema, where);
        } else {
            refuseKey("field", "spans and text");
        }
        break;
    case QuestionKind::Ranking:
    case QuestionKind::Preference: {
        for (const auto& name : arrayAt(entry, "fields", where)) {
            if (!name.is_string()) {
                throw InputError(where + ": key 'fields' must list field names");
            }
            question.fields.push_back(name.get<std::string>());
        }
        checkComparedFields(question, schema, where);
        refuseKey("field", "spans and text");
        refuseKey("labels", "label, multi_label and spans");
        refuseKey("rating", "rating");
        if (question.kind == QuestionKind::Preference) {
            const auto& scale = entry.value("scale", nlohmann::json::object());
            if (!scale.is_object() || (scale.contains("points") && !scale["points"].is_number_integer())) {
                throw InputError(where + ": key 'scale' must be an object with an integer 'points', as in "
                                         "{\"points\":5}");
            }
            checkKeys(scale, {"points"}, where + ": scale");
            // Read wide, so that a huge number is refused rather than wrapped into range.
            const auto points = scale.contains("points") ? scale["points"] : nlohmann::json(3);
            if (points.is_number_unsigned() ? points.get<std::uint64_t>() > 7u
                                            : (points.get<std::int64_t>() < 2 || points.get<std::int64_t>() > 7)) {
                throw InputError(where + ": a preference scale has 2 to 7 points, found " + points.dump());
            }
            question.points = points.get<int>();
            if (question.points < 2) {
                throw InputError(where + ": a preference scale has 2 to 7 points, found " + points.dump());
            }
        } else {
            refuseKey("scale", "preference");
        }
        break;
    }
    case QuestionKind::Text:
        question.field = stringAt(entry, "field", where, false, 64);
        checkTextField(question, schema, where);
        refuseKey("fields", "ranking and preference");
        refuseKey("labels", "label, multi_label and spans");
        refuseKey("rating", "rating");
        refuseKey("scale", "preference");
        break;
    }
    return question;
}

} // namespace

std::string_view toString(FieldKind kind)
{
    switch (kind) {
    case FieldKind::Text:
        return "text";
    case FieldKind::Markdown:
        return "markdown";
    case FieldKind::Chat:
        return "chat";
    }
    return "text";
}

std::string_view toString(QuestionKind kind)
{
    switch (kind) {
    case QuestionKind::Label:
        return "label";
    case QuestionKind::MultiLabel:
        return "multi_label";
    case QuestionKind::Spans:
        return "spans";
    case QuestionKind::Rating:
        return "rating";
    case QuestionKind::Ranking:
        return "ranking";
    case QuestionKind::Preference:
        return "preference";
    case QuestionKind::Text:
        return "text";
    }
    return "label";
}

std::string_view toString(SuggestionMode mode)
{
    switch (mode) {
    case SuggestionMode::Prefill:
        return "prefill";
    case SuggestionMode::After:
        return "after";
    case SuggestionMode::Hidden:
        return "hidden";
    }
    return "after";
}

std::string legacyQuestionName(TaskKind kind)
{
    switch (kind) {
    case TaskKind::Single:
        return "label";
    case TaskKind::Multi:
        return "labels";
    case TaskKind::Spans:
        return "spans";
    case TaskKind::Rating:
        return "rating";
    }
    return "label";
}

bool RecordSchema::isNewForm(const nlohmann::json& json)
{
    return json.is_object() && (json.contains("fields") || json.contains("questions"));
}

RecordSchema RecordSchema::fromJson(const nlohmann::json& json)
{
    if (!json.is_object()) {
        throw InputError(std::string("schema: expected a JSON object, found ") + json.type_name());
    }
    checkKeys(json, {"fields", "questions"}, "schema");
    RecordSchema schema;
    std::set<std::string> names;
    const auto& fields = arrayAt(json, "fields", "schema");
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string where = "schema: fields[" + std::to_string(i) + "]";
        Field field = parseField(fields[i], where);
        if (!names.insert(field.name).second) {
            throw InputError(where + ": field '" + field.name + "' appears twice");
        }
        schema.fields.push_back(std::move(field));
    }
    names.clear();
    const auto& questions = arrayAt(json, "questions", "schema");
    for (std::size_t i = 0; i < questions.size(); ++i) {
        const std::string where = "schema: questions[" + std::to_string(i) + "]";
        Question question = parseQuestion(questions[i], schema, where);
        if (!names.insert(question.name).second) {
            throw InputError(where + ": question '" + question.name + "' appears twice");
        }
        schema.questions.push_back(std::move(question));
    }
    return schema;
}

namespace {

QuestionKind legacyQuestionKind(TaskKind kind)
{
    switch (kind) {
    case TaskKind::Single:
        return QuestionKind::Label;
    case TaskKind::Multi:
        return QuestionKind::MultiLabel;
    case TaskKind::Spans:
        return QuestionKind::Spans;
    case TaskKind::Rating:
        return QuestionKind::Rating;
    }
    return QuestionKind::Label;
}

} // namespace

RecordSchema RecordSchema::fromLegacy(const LabelSchema& labels)
{
    RecordSchema schema;
    schema.fields.push_back(Field{"text", "Text", FieldKind::Text, true});
    Question question;
    question.name = legacyQuestionName(labels.kind);
    question.kind = legacyQuestionKind(labels.kind);
    if (question.kind == QuestionKind::Spans) {
        question.field = "text";
    }
    question.labels = labels;
    schema.questions.push_back(std::move(question));
    return schema;
}

bool RecordSchema::isLegacy() const
{
    if (questions.size() != 1 || fields.size() != 1) {
        return false;
    }
    // Whether toJson() equals fromLegacy(labels).toJson(), member by member (the labels are the
    // question's own on both sides): a sync server asks this for every operation it applies,
    // and building the two JSON forms took a fifth of its time (docs/benchmarks.md).
    const Question& only = questions.front();
    const Field& field = fields.front();
    const Question expected = [&] {
        Question question;
        question.name = legacyQuestionName(only.labels.kind);
        question.kind = legacyQuestionKind(only.labels.kind);
        return question;
    }();
    return only.asksLabels() && field.name == "text" && field.title == "Text" && field.kind == FieldKind::Text &&
           field.required && only.name == expected.name && only.kind == expected.kind && only.title.empty() &&
           only.description.empty() && only.required == expected.required && only.suggestions == expected.suggestions &&
           (only.kind != QuestionKind::Spans || only.field == "text");
}

nlohmann::json RecordSchema::toJson() const
{
    nlohmann::json json = {{"fields", nlohmann::json::array()}, {"questions", nlohmann::json::array()}};
    for (const auto& field : fields) {
        json["fields"].push_back({{"name", field.name},
                                  {"title", field.title},
                                  {"kind", std::string(toString(field.kind))},
                                  {"required", field.required}});
    }
    for (const auto& question : questions) {
        nlohmann::json entry = {{"name", question.name},
                                {"title", question.title},
                                {"description", question.description},
                                {"required", question.required},
                                {"kind", std::string(toString(question.kind))},
                                {"suggestions", std::string(toString(question.suggestions))}};
        switch (question.kind) {
        case QuestionKind::Label:
        case QuestionKind::MultiLabel:
        case QuestionKind::Spans:
        case QuestionKind::Rating: {
            auto labels = question.labels.toJson();
            labels.erase("kind");
            if (question.kind == QuestionKind::Rating) {
                labels.erase("labels");
            }
            entry.update(labels);
            if (question.kind == QuestionKind::Spans) {
                entry["field"] = question.field;
            }
            break;
        }
        case QuestionKind::Ranking:
            entry["fields"] = question.fields;
            break;
        case QuestionKind::Preference:
            entry["fields"] = question.fields;
            entry["scale"] = {{"points", question.points}};
            break;
        case QuestionKind::Text:
            if (!question.field.empty()) {
                entry["field"] = question.field;
            }
            break;
        }
        json["questions"].push_back(std::move(entry));
    }
    return json;
}

const Question* RecordSchema::findQuestion(std::string_view name) const
{
    for (const auto& question : questions) {
        if (question.name == name) {
            return &question;
        }
    }
    return nullptr;
}

const Field* RecordSchema::findField(std::string_view name) const
{
    for (const auto& field : fields) {
        if (field.name == name) {
            return &field;
        }
    }
    return nullptr;
}

const Question& RecordSchema::question(std::string_view name) const
{
    if (const Question* found = findQuestion(name)) {
        return *found;
    }
    throw SettingError("question", "no question named '" + std::string(name).substr(0, 64) +
                                       "' (the project asks: " + questionNames() + ")");
}

std::string RecordSchema::questionNames() const
{
    std::string list;
    for (const auto& question : questions) {
        list += (list.empty() ? "" : ", ") + question.name;
    }
    return list;
}

std::string RecordSchema::fieldNames() const
{
    std::string list;
    for (const auto& field : fields) {
        list += (list.empty() ? "" : ", ") + field.name;
    }
    return list;
}

} // namespace concord
