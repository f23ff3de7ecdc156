// How far the annotators of one record agree on one question, as one number from 0 to 1 per
// record: what an export filters on ("only records whose agreement reaches a threshold") and
// what the per-question report averages. Only submitted answers count.
#pragma once

#include "core/feedback/RecordSchema.hpp"
#include "core/quality/agreement/PreferenceChoices.hpp"
#include "core/quality/agreement/QuestionAnswers.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace concord {
class Project;
}

namespace concord::quality {

// The share of the record's pairs of annotators that give the same value (choiceOf: the
// label, label set, span set, rating, or a preference's winner with its strength left aside).
// nullopt with fewer than two answers.
std::optional<double> recordPairAgreement(const Question& question, const RecordAnswers& record);

// Kendall's W (tie-corrected, KendallW.hpp) of the record's rankings, the annotators ranking
// the question's fields. nullopt with fewer than two rankers, and when every ranker tied every
// field (W is 0/0: the rankings are then all the same, see recordAgreement).
std::optional<double> recordKendallW(const RecordAnswers& record);

// The mean over the record's pairs of annotators of 1 - the normalized edit distance between
// their texts (EditDistance.hpp; two empty texts are identical). nullopt with fewer than two.
std::optional<double> recordTextSimilarity(const RecordAnswers& record);

// Per record (sample key) with at least two submitted answers to `question`, its agreement:
//   label, multi_label, spans, rating, preference: recordPairAgreement (1: every pair agrees);
//   ranking: recordKendallW, and 1 when every annotator tied every field (identical rankings);
//   text: recordTextSimilarity.
// Records with fewer than two submitted answers are absent.
std::map<std::int64_t, double> recordAgreement(const Question& question, const std::vector<RecordAnswers>& records);
// A preference question's from its votes as columns (what the project's overload reads).
std::map<std::int64_t, double> recordAgreement(const PreferenceChoices& votes);
std::map<std::int64_t, double> recordAgreement(Project& project, const Question& question);

} // namespace concord::quality
