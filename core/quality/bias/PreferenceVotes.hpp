// What the bias checks read for one preference question: each record's prompt and its two
// compared responses, and every submitted vote with the field its annotator saw first.
#pragma once

#include "core/feedback/RecordSchema.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace concord {
class Project;
}

namespace concord::quality {

struct PreferenceRecord
{
    std::int64_t key = 0; // the sample's key
    std::string id;
    std::string prompt;                   // the prompt field's text; empty when the project has none
    std::array<std::string, 2> responses; // the texts of the question's two fields, in schema order
    std::array<std::size_t, 2> lengths{}; // the responses' lengths in code points
};

// What loadPreferenceVotes keeps of the texts: all, or only the responses' lengths (what
// position and length bias need; a hundred megabytes less on 100,000 records).
enum class PreferenceTexts
{
    Kept,
    LengthsOnly
};

struct PreferenceVote
{
    std::uint32_t record = 0;    // index into PreferenceVotes::records
    std::uint32_t annotator = 0; // index into PreferenceVotes::annotators
    int winner = -1;             // 0 or 1: the field (in schema order) that won; -1: a tie
    int shownFirst = 0;          // 0 or 1: the field shown first
};

struct PreferenceVotes
{
    std::string question;
    std::array<std::string, 2> fields;
    std::string promptField;               // empty when every field is compared
    std::vector<PreferenceRecord> records; // in key order
    std::vector<std::string> annotators;   // by name
    std::vector<PreferenceVote> votes;     // by record, then annotator
    // Votes whose answer recorded no order (answers stored before orders were): their first
    // field is the one the per-annotator draw (shownOrder) gives, which is what they were shown
    // unless the screen that took them did not draw.
    std::size_t drawnOrders = 0;
    std::size_t unreadable = 0; // stored values that are not a preference (a damaged file)
};

// The preference questions of a schema that compare two fields, in schema order.
std::vector<const Question*> preferenceQuestions(const RecordSchema& schema);

// The prompt field of a question: `prompt` when the schema has it, else the first field the
// question does not compare (as the TRL export picks it); empty when there is none.
std::string promptFieldOf(const RecordSchema& schema, const Question& question);

// The submitted votes (a response without a status row counts as submitted) on `question`.
PreferenceVotes loadPreferenceVotes(Project& project, const Question& question,
                                    PreferenceTexts texts = PreferenceTexts::Kept);

} // namespace concord::quality
