// A gold value per record for one question of a project: the reviewer's resolution where there
// is one, else the annotators' submitted answers aggregated, in the question's answer form.
//
// - label, rating: majority vote or Dawid–Skene over the labels or the scale (Aggregation.hpp).
// - preference: the same over the choice (first field, second field, tie); the strength is the
//   lower median of the strengths of the votes for the chosen side (an integer someone gave;
//   0 for a tie, 1 when Dawid–Skene picks a side nobody voted for).
// - ranking: mean rank (Borda): each field's mean rank over the submitted rankings, ranked again
//   with the lowest rank for equal means (1, 1, 3: scipy's rankdata(method="min")).
// - multi_label, spans, text are not aggregated (an InputError says which kinds are).
//
// TrlRows keeps its own rules for the TRL exports: it leaves out records whose preference votes
// are split evenly (here they are `tied`, with the tie rule's pick), takes the mean strength as
// the margin (here the lower median), and pairs fields by their mean ranks (the same order).
#pragma once

#include "core/feedback/RecordSchema.hpp"
#include "core/quality/aggregation/Aggregation.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace concord {
class Project;
}

namespace concord::quality {

enum class GoldSource
{
    Reviewer, // the gold table's resolution
    Aggregate // the annotators' submitted answers
};

std::string_view toString(GoldSource source);

struct RecordGold
{
    std::string id;
    nlohmann::json value; // the question's answer form, e.g. {"preference":{"winner":"a","strength":2}}
    GoldSource source = GoldSource::Aggregate;
    // The aggregate's: majority share, Dawid–Skene posterior, or (ranking) the share of rankings
    // that order every pair of fields as the mean rank does. None for the reviewer's value.
    std::optional<double> confidence;
    bool tied = false;       // the aggregate's top is shared (its value is the tie rule's pick)
    std::uint32_t votes = 0; // submitted answers to the question on the record
};

struct QuestionGold
{
    std::string question;
    QuestionKind kind = QuestionKind::Label;
    std::string method;            // "majority", "dawid-skene" or "mean-rank"
    std::vector<RecordGold> items; // records with a resolution or a submitted answer, in sample order
    std::size_t fromReviewer = 0;
    // Label, preference and rating: the aggregation over the records with submitted answers
    // (annotator names in `table.annotators`, their estimates in `aggregation.annotators`).
    RatingTable table;
    AggregationResult aggregation;
};

// Throws SettingError("question") for a question the project lacks, InputError for a kind that
// is not aggregated or a method that does not apply (Dawid–Skene on a ranking).
QuestionGold aggregateQuestion(Project& project, const std::string& question, AggregationMethod method);

// Mean rank of one record's rankings (each maps every field to its rank), as described above;
// `confidence` and `tied` as in RecordGold. Exposed for tests.
struct MeanRanking
{
    nlohmann::json ranking = nlohmann::json::object(); // field -> rank
    double confidence = 0.0;
    bool tied = false;
};
MeanRanking meanRanking(const std::vector<std::string>& fields, const std::vector<nlohmann::json>& rankings);

} // namespace concord::quality
