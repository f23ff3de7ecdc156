// Editing a schema as JSON, a setting at a time (the new-project form): which settings each
// question kind has, what a question of a kind starts with so that RecordSchema::fromJson
// accepts it, and a field's new name carried to the questions that name it. The result is
// checked by fromJson as any schema is.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace concord {

// The settings a question kind has, beside those of every question.
struct QuestionSettings
{
    bool labels = false; // label, multi_label, spans
    bool field = false;  // spans: the field marked; text: the field the answer starts from
    bool fields = false; // preference, ranking: the fields compared
    bool rating = false; // rating: its range
    bool scale = false;  // preference: its points
};

QuestionSettings settingsOf(std::string_view kind);

// Fills what a question of `kind` has nothing for yet: labels to rename, the last field to mark,
// a range of 1 to 5, the last two fields to compare.
void startQuestionKind(nlohmann::json& question, std::string_view kind, const std::vector<std::string>& fields);

// Renames field `from` to `to` wherever a question names it ("field", "fields").
void renameFieldInQuestions(nlohmann::json& questions, const std::string& from, const std::string& to);

} // namespace concord
