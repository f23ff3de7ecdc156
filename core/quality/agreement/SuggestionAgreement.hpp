// How far each agent's suggestions for a question agree with what the annotators answered: the
// share of records where the suggestion equals the annotators' majority, and Cohen's kappa
// between the agent and the majority (the agent and "the majority" as two raters).
//
// Values compare as choiceOf (QuestionAnswers.hpp) does: a label, a whole label set, a whole set
// of spans, a rating, a preference's winner (the strength left aside). The majority of a record
// is the value more of its submitted answers give than any other (a strict plurality; one
// answer is its own majority); records whose most frequent values tie are left out and counted.
// Not defined for ranking and text questions: a whole ranking or a written answer seldom equals
// another, so agreement with a majority of them says little (recordAgreement measures those).
#pragma once

#include "core/feedback/RecordSchema.hpp"
#include "core/quality/agreement/Coefficient.hpp"
#include "core/quality/agreement/PreferenceChoices.hpp"
#include "core/quality/agreement/QuestionAnswers.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace concord {
class Project;
}

namespace concord::quality {

struct AgentAgreement
{
    std::string agent;
    std::size_t suggested = 0;      // records the agent made a suggestion for
    std::size_t withoutAnswers = 0; // of those, records without a submitted answer
    std::size_t tiedMajority = 0;   // of those, records whose most frequent answers tie: left out
    std::size_t compared = 0;       // records with a majority to compare with
    std::size_t agreed = 0;         // of those, where the suggestion is the majority's value
    Coefficient kappa;              // Cohen's kappa (unweighted), agent against majority

    std::optional<double> agreement() const
    {
        return compared == 0 ? std::nullopt : std::optional<double>(double(agreed) / double(compared));
    }
};

struct SuggestionAgreement
{
    bool defined = true;
    std::string note;                   // when not defined: why
    std::vector<AgentAgreement> agents; // by name
};

bool suggestionAgreementDefined(QuestionKind kind);

// The record's majority as choiceOf writes it: the value more of its answers give than any
// other; nullopt when the most frequent values tie (or there is no answer).
std::optional<std::string> majorityChoice(const Question& question, const RecordAnswers& record);

SuggestionAgreement suggestionAgreement(Project& project, const Question& question,
                                        const std::vector<RecordAnswers>& records);
// The same for a preference question from its votes as columns (a million votes: no answer copied).
SuggestionAgreement suggestionAgreementOfChoices(Project& project, const Question& question,
                                                 const PreferenceChoices& votes);

} // namespace concord::quality
