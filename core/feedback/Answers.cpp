#include "core/feedback/Answers.hpp"

#include "core/model/RecordLimits.hpp"
#include "core/text/Utf8.hpp"
#include "core/util/Error.hpp"

#include <algorithm>

#include <set>

namespace concord {

namespace {

std::string prefix(const Question& question)
{
    return "question '" + question.name + "' (" + std::string(toString(question.kind)) + "): ";
}

const nlohmann::json& onlyKey(const Question& question, const nlohmann::json& value, const char* key,
                              const char* example)
{
    if (!value.is_object() || value.size() != 1 || !value.contains(key)) {
        throw InputError(prefix(question) + "expected " + example);
    }
    return value[key];
}

void checkRanking(const Question& question, const nlohmann::json& value)
{
    const auto& ranks = onlyKey(question, value, "ranking", "{\"ranking\":{\"field\":1,...}}");
    if (!ranks.is_object()) {
        throw InputError(prefix(question) + "'ranking' must map each field to its rank");
    }
    const auto count = static_cast<std::int64_t>(question.fields.size());
    for (const auto& [name, rank] : ranks.items()) {
        if (std::find(question.fields.begin(), question.fields.end(), name) == question.fields.end()) {
            throw InputError(prefix(question) + "field '" + name.substr(0, 64) + "' is not ranked by this question");
        }
        if (!rank.is_number_integer() || rank.get<std::int64_t>() < 1 || rank.get<std::int64_t>() > count) {
            throw InputError(prefix(question) + "the rank of '" + name + "' must be an integer from 1 to " +
                             std::to_string(count) + ", found " + rank.dump());
        }
    }
    for (const auto& name : question.fields) {
        if (!ranks.contains(name)) {
            throw InputError(prefix(question) + "the ranking leaves out field '" + name +
                             "'; rank every one of: " + [&] {
                                 std::string list;
                                 for (const auto& field : question.fields) {
                                     list += (list.empty() ? "" : ", ") + field;
                                 }
                                 return list;
                             }());
        }
    }
}

void checkPreference(const Question& question, const nlohmann::json& value)
{
    const auto& preference =
        onlyKey(question, value, "preference", "{\"preference\":{\"winner\":\"field\",\"strength\":1}}");
    if (!preference.is_object() || preference.size() != 2 || !preference.contains("winner") ||
        !preference.contains("strength") || !preference["strength"].is_number_integer()) {
        throw InputError(prefix(question) + "'preference' needs exactly 'winner' (a field, or null for a tie) and an "
                                            "integer 'strength'");
    }
    const auto& winner = preference["winner"];
    const auto strength = preference["strength"].get<std::int64_t>();
    if (winner.is_null()) {
        if (!question.hasTie()) {
            throw InputError(prefix(question) + "this scale of " + std::to_string(question.points) +
                             " points has no tie; choose " + question.fields[0] + " or " + question.fields[1]);
        }
        if (strength != 0) {
            throw InputError(prefix(question) + "a tie has strength 0, found " + std::to_string(strength));
        }
        return;
    }
    if (!winner.is_string() || (winner != question.fields[0] && winner != question.fields[1])) {
        throw InputError(prefix(question) + "the winner must be " + question.fields[0] + " or " + question.fields[1] +
                         (question.hasTie() ? " (or null for a tie)" : "") + ", found " + winner.dump());
    }
    if (strength < 1 || strength > question.maxStrength()) {
        throw InputError(prefix(question) + "strength " + std::to_string(strength) + " is off the scale of " +
                         std::to_string(question.points) + " points (1 to " + std::to_string(question.maxStrength()) +
                         ")");
    }
}

} // namespace

std::string markedText(const Question& question, const RecordContent& record)
{
    return question.field.empty() ? std::string() : fieldText(record, question.field);
}

void checkAnswer(const Question& question, const nlohmann::json& value, const RecordContent& record, bool nameQuestion)
{
    switch (question.kind) {
    case QuestionKind::Label:
    case QuestionKind::MultiLabel:
    case QuestionKind::Spans:
    case QuestionKind::Rating:
        try {
            question.labels.validate(value, markedText(question, record));
        } catch (const InputError& error) {
            // A project of one question says it as it always did.
            throw InputError((nameQuestion ? prefix(question) : std::string()) + error.what());
        }
        return;
    case QuestionKind::Ranking:
        checkRanking(question, value);
        return;
    case QuestionKind::Preference:
        checkPreference(question, value);
        return;
    case QuestionKind::Text: {
        const auto& text = onlyKey(question, value, "text", "{\"text\":\"...\"}");
        if (!text.is_string() || text.get_ref<const std::string&>().empty()) {
            throw InputError(prefix(question) + "'text' must be a non-empty string");
        }
        if (!utf8::isValid(text.get_ref<const std::string&>())) {
            throw InputError(prefix(question) + "'text' is not valid UTF-8");
        }
        return;
    }
    }
}

nlohmann::json answerFromShorthand(const Question& question, const nlohmann::json& shorthand)
{
    switch (question.kind) {
    case QuestionKind::Label:
    case QuestionKind::MultiLabel:
    case QuestionKind::Spans:
    case QuestionKind::Rating:
        return question.labels.valueFromShorthand(shorthand);
    case QuestionKind::Ranking:
        if (shorthand.is_object() && !shorthand.contains("ranking")) {
            return {{"ranking", shorthand}};
        }
        if (shorthand.is_array()) {
            // Fields best first: ["response_b","response_a",...] ranks them 1, 2, ...
            nlohmann::json ranks = nlohmann::json::object();
            for (std::size_t i = 0; i < shorthand.size(); ++i) {
                if (shorthand[i].is_string()) {
                    ranks[shorthand[i].get<std::string>()] = i + 1;
                }
            }
            return {{"ranking", ranks}};
        }
        return shorthand;
    case QuestionKind::Preference:
        if (shorthand.is_string()) {
            const auto& name = shorthand.get_ref<const std::string&>();
            if (name == "tie") {
                return {{"preference", {{"winner", nullptr}, {"strength", 0}}}};
            }
            return {{"preference", {{"winner", name}, {"strength", 1}}}};
        }
        return shorthand;
    case QuestionKind::Text:
        if (shorthand.is_string()) {
            return {{"text", shorthand}};
        }
        return shorthand;
    }
    return shorthand;
}

std::string_view toString(ResponseStatus status)
{
    switch (status) {
    case ResponseStatus::Draft:
        return "draft";
    case ResponseStatus::Submitted:
        return "submitted";
    case ResponseStatus::Discarded:
        return "discarded";
    }
    return "submitted";
}

ResponseStatus responseStatusFromString(std::string_view name)
{
    for (auto status : {ResponseStatus::Draft, ResponseStatus::Submitted, ResponseStatus::Discarded}) {
        if (toString(status) == name) {
            return status;
        }
    }
    throw InputError("unknown response status '" + std::string(name).substr(0, 64) +
                     "' (expected draft, submitted or discarded)");
}

nlohmann::json AnswerContext::toJson() const
{
    nlohmann::json json = nlohmann::json::object();
    if (!order.empty()) {
        json["order"] = order;
    }
    if (!suggestionAgent.empty()) {
        json["suggestion"] = {{"agent", suggestionAgent}, {"shown", suggestionShown}, {"taken", suggestionTaken}};
    }
    return json;
}

AnswerContext AnswerContext::fromJson(const nlohmann::json& json)
{
    AnswerContext context;
    if (json.is_null()) {
        return context;
    }
    const auto bad = [] { return InputError("an answer's context is {\"order\":[...],\"suggestion\":{...}}"); };
    if (!json.is_object()) {
        throw bad();
    }
    for (const auto& [key, value] : json.items()) {
        if (key == "order") {
            if (!value.is_array() || value.size() > 256) {
                throw bad();
            }
            for (const auto& name : value) {
                if (!name.is_string() || name.get_ref<const std::string&>().size() > 64) {
                    throw bad();
                }
                context.order.push_back(name.get<std::string>());
            }
        } else if (key == "suggestion") {
            if (!value.is_object() || !value.value("agent", nlohmann::json()).is_string() ||
                !value.value("shown", nlohmann::json()).is_string() ||
                !value.value("taken", nlohmann::json()).is_boolean() || value.size() != 3) {
                throw bad();
            }
            context.suggestionAgent = value["agent"].get<std::string>();
            if (context.suggestionAgent.size() > limits::kNameBytes || !utf8::isValid(context.suggestionAgent)) {
                throw bad();
            }
            context.suggestionShown = value["shown"].get<std::string>();
            if (context.suggestionShown != "prefill" && context.suggestionShown != "after") {
                throw bad();
            }
            context.suggestionTaken = value["taken"].get<bool>();
        } else {
            throw bad();
        }
    }
    return context;
}

std::vector<std::string> missingRequired(const RecordSchema& schema, const std::vector<AnnotationChange>& given)
{
    std::vector<std::string> missing;
    for (const auto& question : schema.questions) {
        const bool answered = std::any_of(given.begin(), given.end(),
                                          [&](const AnnotationChange& row) { return row.question == question.name; });
        if (question.required && !answered) {
            missing.push_back(question.name);
        }
    }
    return missing;
}

} // namespace concord
