// Reads a project's annotations as agreement input. Single-label projects give labels in the
// schema's order; rating projects give numbers over the whole scale (rating_min..rating_max, in
// numeric order, used or not); multi-label projects give label sets; span projects give spans
// with the sample texts. Items are the samples with at least one annotation, named by their ids.
// Only submitted responses count (a draft or a discarded response is left out).
#pragma once

#include "core/feedback/RecordSchema.hpp"
#include "core/quality/agreement/AgreementData.hpp"

namespace concord {
class Project;
}

namespace concord::quality {

// The first question's answers (a project of one question: all of them).
AgreementData loadProjectRatings(Project& project);
// One question's answers, read as above by its labels or scale; spans mark the field the
// question names. InputError for a ranking, preference or text question (QuestionAgreement.hpp
// measures those).
AgreementData loadQuestionRatings(Project& project, const Question& question);

} // namespace concord::quality
