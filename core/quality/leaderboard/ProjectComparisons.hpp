// The votes of a project's submitted responses as comparisons between the models that wrote the
// compared fields (each field's metadata key `model`, set on import with
// `response_a.model=KEY`). A preference answer is one comparison whatever its strength (A≫B
// counts as A>B); a ranking answer gives one for every pair of its fields, equal ranks a tie.
#pragma once

#include "core/quality/leaderboard/Comparisons.hpp"

#include <string>

namespace concord {
class Project;
}

namespace concord::quality {

// The field metadata key that names the model that wrote a field.
inline constexpr const char* kModelMetaKey = "model";

struct ProjectComparisons
{
    ComparisonSet set;
    std::string question;           // the question read
    std::string questionKind;       // "preference" or "ranking"
    std::size_t votes = 0;          // submitted answers to the question
    std::size_t records = 0;        // records with at least one such answer
    std::size_t skippedRecords = 0; // records whose compared fields do not all name their model
    std::size_t skippedVotes = 0;   // the answers on those records
    std::size_t samePairs = 0;      // pairs left out because one model wrote both fields
};

// `question`: its name, or empty for the project's first preference question (else its first
// ranking question). Throws SettingError("question", ...) when the question is missing or of
// another kind.
ProjectComparisons loadProjectComparisons(Project& project, const std::string& question = {});

} // namespace concord::quality
