// The votes of a project's submitted responses as comparisons between the models that wrote the
// compared fields (each field's metadata key `model`, set on import with
// `response_a.model=KEY`). A preference answer is one comparison whatever its strength (A≫B
// counts as A>B); a ranking answer gives one for every pair of its fields, equal ranks a tie.
#pragma once

#include "core/quality/leaderboard/Comparisons.hpp"

#include "core/feedback/RecordSchema.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

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

// `name`: the question's name, or empty for the project's first preference question (else its
// first ranking question). Throws SettingError("question", ...) when the question is missing or
// of another kind.
const Question& comparedQuestion(const RecordSchema& schema, const std::string& name);

// `question`: as comparedQuestion reads it.
ProjectComparisons loadProjectComparisons(Project& project, const std::string& question = {});

// One comparison of two models out of one submitted answer; the views live while the visit runs.
struct ModelVote
{
    std::int64_t sample = 0; // the record's key
    std::string_view recordId;
    std::string_view annotator;
    std::string_view modelA; // the model of the question's earlier field
    std::string_view modelB;
    Outcome outcome = Outcome::Tie;
};

struct ModelVoteCounts
{
    std::size_t votes = 0, records = 0, skippedRecords = 0, skippedVotes = 0, samePairs = 0;
};

// Every comparison the question's submitted answers make, by record then annotator (what
// loadProjectComparisons gathers).
ModelVoteCounts forEachModelVote(Project& project, const Question& question,
                                 const std::function<void(const ModelVote&)>& visit);

// The votes behind one cell of the win-rate matrix: every comparison between `modelA` and
// `modelB`, outcomes seen from `modelA`; the first `maxRows` of them listed.
struct PairVotes
{
    struct Row
    {
        std::string recordId;
        std::string annotator;
        Outcome outcome = Outcome::Tie;
    };
    std::vector<Row> rows;
    std::size_t aWins = 0, bWins = 0, ties = 0;
};

PairVotes votesBetween(Project& project, const std::string& question, const std::string& modelA,
                       const std::string& modelB, std::size_t maxRows = 5000);

} // namespace concord::quality
