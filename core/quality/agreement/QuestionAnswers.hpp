// One question's submitted answers, record by record, as the agreement of the question kinds
// that are not a label schema's (preference, ranking, text) and the agreement with suggestions
// read them; and the part of an answer two annotators agree on when they "give the same value".
#pragma once

#include "core/feedback/RecordSchema.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace concord {
class Project;
struct SubmittedAnswer;
} // namespace concord

namespace concord::quality {

struct RecordAnswers
{
    std::int64_t key = 0;                                        // the sample key
    std::string id;                                              // the record's id
    std::vector<std::pair<std::string, nlohmann::json>> answers; // (annotator, value), by annotator
};

// Every record with at least one submitted answer to `question` (a draft or a discarded
// response is left out; an answer without a response row counts as submitted), by sample key.
// InputError naming the record and the annotator when a stored value is not JSON.
std::vector<RecordAnswers> loadQuestionAnswers(Project& project, const Question& question);

// The stored answer's JSON value; InputError naming the record and the annotator when it is not JSON.
nlohmann::json parseStoredAnswer(Project& project, const Question& question, const SubmittedAnswer& answer);

// What "the same answer" compares, as a canonical string: the label, the set of labels (sorted),
// the set of spans (sorted), the rating, the preference's winner (strength left aside; "null"
// for a tie), the ranking as a whole, or the text.
std::string choiceOf(const Question& question, const nlohmann::json& value);

// The name of a tie among a preference's choices (a field cannot be named with parentheses).
inline constexpr const char* kTieChoice = "(tie)";
// A preference as a choice: the winning field, or kTieChoice.
std::string preferenceChoice(const nlohmann::json& value);
// A preference as a number: +strength when the question's first field wins, -strength when its
// second does, 0 for a tie.
int signedStrength(const Question& question, const nlohmann::json& value);

} // namespace concord::quality
