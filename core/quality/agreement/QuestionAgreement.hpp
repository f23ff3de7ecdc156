// Agreement on the question kinds a label schema cannot ask: preferences, rankings and written
// answers, over submitted responses. Label, multi_label, spans and rating questions get the
// report of AgreementReport.hpp from loadQuestionRatings (ProjectRatings.hpp).
#pragma once

#include "core/feedback/RecordSchema.hpp"
#include "core/quality/agreement/Coefficient.hpp"
#include "core/quality/agreement/EditAlpha.hpp"
#include "core/quality/agreement/PreferenceChoices.hpp"
#include "core/quality/agreement/QuestionAnswers.hpp"
#include "core/quality/agreement/RatingTable.hpp"

#include <cstddef>
#include <optional>
#include <vector>

namespace concord::quality {

// What every per-question result counts.
struct AnswerCounts
{
    std::size_t records = 0;       // with at least one submitted answer
    std::size_t answers = 0;       // submitted answers
    std::size_t annotators = 0;    // who gave them
    std::size_t pairedRecords = 0; // records with two or more answers: the ones agreement reads
};

AnswerCounts countAnswers(const std::vector<RecordAnswers>& records);

// Five numbers and a count; quartiles by linear interpolation between order statistics (numpy's
// default, R's type 7).
struct Spread
{
    std::size_t count = 0;
    double min = 0, q1 = 0, median = 0, q3 = 0, max = 0, mean = 0;
};

// count 0 for no values.
Spread spreadOf(std::vector<double> values);

struct PreferenceAgreement
{
    AnswerCounts counts;
    // On the choice (first field, second field or tie), nominal.
    Coefficient percent;
    Coefficient alphaChoice;
    // On the signed strength (+s when the question's first field wins with strength s, -s when
    // the second does, 0 a tie), ordinal.
    Coefficient alphaStrength;
    // Records (of those with two or more answers) where one annotator chose one field and
    // another the other field; ties never count as opposite.
    std::size_t oppositeRecords = 0;
};

PreferenceAgreement preferenceAgreement(const Question& question, const PreferenceChoices& votes);
// The votes' choices as a nominal rating table (items: records; values: the question's first
// field, tie, its second field): the table alphaChoice is computed on.
RatingTable preferenceChoiceTable(const Question& question, const PreferenceChoices& votes);
// The same from loaded answers (through preferenceChoices).
PreferenceAgreement preferenceAgreement(const Question& question, const std::vector<RecordAnswers>& records);

struct RankingAgreement
{
    AnswerCounts counts;
    // Kendall's W of each record with two or more rankers (the annotators rank the record's
    // compared fields), over the records where it is defined; `tiedRecords` are those where
    // every ranker tied every field (W is 0/0) and are left out of the spread.
    Spread w;
    std::size_t tiedRecords = 0;
    // Items are (record, field) pairs, values the ranks given: ordinal.
    Coefficient alphaRanks;
};

RankingAgreement rankingAgreement(const Question& question, const std::vector<RecordAnswers>& records);
// The ranks as a rating table (items: (record, field) pairs; values: ranks "1".."n"): the table
// alphaRanks is computed on.
RatingTable rankTable(const Question& question, const std::vector<RecordAnswers>& records);

struct TextAgreement
{
    AnswerCounts counts;
    // Krippendorff's alpha with the normalized edit distance; its note says when the expected
    // disagreement was estimated from sampled pairs.
    Coefficient alphaEdit;
    // The mean over records with two or more answers of each record's mean pairwise similarity
    // (1 - distance, averaged over its pairs of annotators): every record weighs the same,
    // whatever its number of annotators. nullopt without such records.
    std::optional<double> meanSimilarity;
    // The share of records with two or more answers where every answer is the same text.
    std::optional<double> exactMatchShare;
};

TextAgreement textAgreement(const std::vector<RecordAnswers>& records, const EditAlphaLimits& limits = {});

} // namespace concord::quality
