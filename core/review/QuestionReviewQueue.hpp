// The lead reviewer's queue for one question of a project of fields and questions: the records
// whose annotators do not all agree on it, most contested first. For a preference, records
// where annotators chose opposite winners come first; then the record's agreement
// (recordAgreement: the share of agreeing pairs, Kendall's W for a ranking, the mean similarity
// of written answers), lowest first; then record order. Filters narrow it: to the records with a
// draft or set-aside response instead, to the records behind a flag of the preference checks,
// to the records whose suggestion by one agent agrees with the annotators' majority, or not.
#pragma once

#include "core/feedback/Answers.hpp"
#include "core/feedback/RecordSchema.hpp"
#include "core/store/Project.hpp"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace concord::review {

// A response that is not (yet) an answer to review: a draft, or a record set aside.
struct PendingResponse
{
    std::string annotator;
    ResponseStatus status = ResponseStatus::Draft;
    std::string reason; // set aside: why, when the annotator said
};

struct QuestionReviewFilter
{
    // Submitted: the records whose submitted answers disagree (the queue above). Draft or
    // Discarded: every record with a response in that status, whatever its agreement, in record
    // order.
    ResponseStatus status = ResponseStatus::Submitted;
    // Only the records behind a flag of the preference checks (quality::biasFlaggedRecords:
    // identical or empty responses, every vote of a position-biased or one-sided annotator). A
    // preference question only; SettingError otherwise.
    bool biasFlagged = false;
    // With `agent`: only the records it made a suggestion for whose value (as choiceOf compares
    // values) equals the strict majority of the submitted answers (Agrees), or does not: another
    // value, or answers that tie (Differs).
    enum class AgentMatch
    {
        Any,
        Agrees,
        Differs
    };
    std::string agent;
    AgentMatch agentMatch = AgentMatch::Any;
};

struct QuestionReviewItem
{
    std::int64_t key = 0; // the record's store key
    std::string id;
    double agreement = 1.0;
    bool opposite = false; // a preference: some annotators chose one field, some the other
    std::vector<std::pair<std::string, nlohmann::json>> answers; // (annotator, value), by annotator
    bool resolved = false;                                       // a reviewer has set the question's gold value
    std::vector<PendingResponse> pending; // the filter's drafts or set-aside responses on this record
};

// Throws what loadQuestionAnswers throws for stored values that are not JSON.
std::vector<QuestionReviewItem> questionReviewQueue(Project& project, const Question& question,
                                                    const QuestionReviewFilter& filter = {});

} // namespace concord::review
