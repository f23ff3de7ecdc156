// The lead reviewer's queue for one question of a project of fields and questions: the records
// whose annotators do not all agree on it, most contested first. For a preference, records
// where annotators chose opposite winners come first; then the record's agreement
// (recordAgreement: the share of agreeing pairs, Kendall's W for a ranking, the mean similarity
// of written answers), lowest first; then record order.
#pragma once

#include "core/feedback/RecordSchema.hpp"
#include "core/store/Project.hpp"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace concord::review {

struct QuestionReviewItem
{
    std::int64_t key = 0; // the record's store key
    std::string id;
    double agreement = 1.0;
    bool opposite = false; // a preference: some annotators chose one field, some the other
    std::vector<std::pair<std::string, nlohmann::json>> answers; // (annotator, value), by annotator
    bool resolved = false;                                       // a reviewer has set the question's gold value
};

// Throws what loadQuestionAnswers throws for stored values that are not JSON.
std::vector<QuestionReviewItem> questionReviewQueue(Project& project, const Question& question);

} // namespace concord::review
