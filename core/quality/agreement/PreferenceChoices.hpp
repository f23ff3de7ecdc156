// A preference question's submitted votes as columns: a million votes are a few distinct
// answers, so each vote is two small indices (its annotator, its distinct answer) and each
// distinct answer is parsed once. What preferenceAgreement reads (RecordAnswers copies a JSON
// value and a name per vote: 600 MB on a million).
#pragma once

#include "core/feedback/RecordSchema.hpp"
#include "core/quality/agreement/QuestionAnswers.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace concord {
class Project;
}

namespace concord::quality {

struct PreferenceChoices
{
    struct Answer
    {
        std::string choice;     // preferenceChoice: the winning field, or kTieChoice
        int strength = 0;       // signedStrength
        std::uint32_t same = 0; // index into `sameValues`
    };
    std::vector<std::int64_t> keys;       // the records (sample keys) with a vote, in key order
    std::vector<std::uint32_t> start;     // record r's votes are [start[r], start[r + 1])
    std::vector<std::uint32_t> annotator; // per vote, by annotator name: index into `annotators`
    std::vector<std::uint32_t> answer;    // per vote: index into `answers`
    std::vector<std::string> annotators;  // in order of first vote
    std::vector<Answer> answers;          // the distinct answers, in order of first vote
    // The distinct choiceOf values: what "the same answer" compares (the winner as JSON).
    std::vector<std::string> sameValues;

    std::size_t records() const { return keys.size(); }
    std::size_t votes() const { return answer.size(); }
};

// The submitted votes (as loadQuestionAnswers counts them). InputError naming the record and
// the annotator when a stored value is not JSON.
PreferenceChoices loadPreferenceChoices(Project& project, const Question& question);

// The same columns from loaded answers (records without answers are left out).
PreferenceChoices preferenceChoices(const Question& question, const std::vector<RecordAnswers>& records);

} // namespace concord::quality
