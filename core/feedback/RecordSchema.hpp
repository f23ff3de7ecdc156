// What a project's records hold and what is asked about them: its fields (texts, Markdown,
// chats) and its questions (labels, spans, ratings, rankings, preferences, written answers).
// A project made before fields and questions existed has one field `text` and one question of
// its task kind; fromLegacy() makes that shape, and isLegacy() tells it apart, so that such a
// project keeps every file, export and replica it had (docs/formats.md, "Fields and questions").
#pragma once

#include "core/model/LabelSchema.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace concord {

enum class FieldKind
{
    Text,
    Markdown, // shown rendered, stored as written
    Chat      // a list of {"role", "content"} messages
};

std::string_view toString(FieldKind kind);

struct Field
{
    std::string name;
    std::string title;
    FieldKind kind = FieldKind::Text;
    bool required = true;
};

enum class QuestionKind
{
    Label,
    MultiLabel,
    Spans,
    Rating,
    Ranking,    // of two or more named fields, ties allowed
    Preference, // between two named fields, on a symmetric scale
    Text        // a written answer
};

std::string_view toString(QuestionKind kind);

// How annotators meet a question's suggestions. A prefill anchors them and flatters the
// suggesting model's measured agreement, so the choice is the project's, per question.
enum class SuggestionMode
{
    Prefill,
    After, // shown once the annotator has answered
    Hidden
};

std::string_view toString(SuggestionMode mode);

struct Question
{
    std::string name;
    std::string title;
    std::string description; // the question's guideline, Markdown
    bool required = true;
    QuestionKind kind = QuestionKind::Label;
    LabelSchema labels;              // label, multi_label, spans, rating: labels or the scale
    std::vector<std::string> fields; // ranking and preference: the fields compared, in schema order
    std::string field;               // spans: the field marked; text: the field that prefills the answer
    int points = 3;                  // preference: points of the scale, 2..7; odd ones have a tie
    SuggestionMode suggestions = SuggestionMode::After;

    bool hasTie() const { return points % 2 == 1; }
    // label, multi_label, spans and rating: questions a label schema can ask.
    bool asksLabels() const
    {
        return kind == QuestionKind::Label || kind == QuestionKind::MultiLabel || kind == QuestionKind::Spans ||
               kind == QuestionKind::Rating;
    }
    // The strongest preference on the scale: 1 for A/B or A/tie/B, up to 3 for seven points.
    int maxStrength() const { return points / 2; }
};

class RecordSchema
{
public:
    std::vector<Field> fields;
    std::vector<Question> questions;

    // The new form: {"fields":[...], "questions":[...]}. Throws InputError naming the entry
    // and the key at fault.
    static RecordSchema fromJson(const nlohmann::json& json);
    // The shape of a project made from a label schema: one field `text`, one question.
    static RecordSchema fromLegacy(const LabelSchema& schema);
    // True when `json` is in the new form (has `fields` or `questions`), false for a label schema.
    static bool isNewForm(const nlohmann::json& json);
    nlohmann::json toJson() const;

    // One `text` field and one question named after its kind, as fromLegacy() makes: such a
    // project is served to clients of protocol 1 and exports as it always did.
    bool isLegacy() const;
    // The first question: what single-question screens and statistics read until they learn
    // about questions (the store's `annotations` view).
    const Question& primary() const { return questions.front(); }

    const Question* findQuestion(std::string_view name) const;
    const Field* findField(std::string_view name) const;
    // Throws SettingError("question") naming the questions there are.
    const Question& question(std::string_view name) const;
    std::string questionNames() const;
    std::string fieldNames() const;
};

// The question name a label schema's kind gets in a project made before questions existed.
std::string legacyQuestionName(TaskKind kind);

} // namespace concord
