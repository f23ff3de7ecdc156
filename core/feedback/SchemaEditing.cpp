#include "core/feedback/SchemaEditing.hpp"

namespace concord {

QuestionSettings settingsOf(std::string_view kind)
{
    QuestionSettings settings;
    settings.labels = kind == "label" || kind == "multi_label" || kind == "spans";
    settings.field = kind == "spans" || kind == "text";
    settings.fields = kind == "preference" || kind == "ranking";
    settings.rating = kind == "rating";
    settings.scale = kind == "preference";
    return settings;
}

void startQuestionKind(nlohmann::json& question, std::string_view kind, const std::vector<std::string>& fields)
{
    const QuestionSettings settings = settingsOf(kind);
    if (settings.labels && !question.contains("labels")) {
        question["labels"] = {"yes", "no"};
    }
    if (kind == "spans" && !question.contains("field") && !fields.empty()) {
        question["field"] = fields.back();
    }
    if (settings.rating && !question.contains("rating")) {
        question["rating"] = {{"min", 1}, {"max", 5}};
    }
    if (settings.fields && !question.contains("fields") && fields.size() >= 2) {
        question["fields"] = {fields[fields.size() - 2], fields.back()};
    }
}

void renameFieldInQuestions(nlohmann::json& questions, const std::string& from, const std::string& to)
{
    for (auto& question : questions) {
        if (question.value("field", std::string()) == from) {
            question["field"] = to;
        }
        if (question.contains("fields") && question["fields"].is_array()) {
            for (auto& name : question["fields"]) {
                if (name == from) {
                    name = to;
                }
            }
        }
    }
}

} // namespace concord
