// One question's progress and agreement in a few numbers, for the dashboard: its responses by
// status (overall and per annotator), the one coefficient that sums up its agreement with a
// bootstrap interval where the coefficient has one, and each annotator against the others'
// majority. The statistics are the ones `concord-cli agreement --question` reports.
#pragma once

#include "core/feedback/RecordSchema.hpp"
#include "core/quality/agreement/AgreementBreakdown.hpp"
#include "core/quality/agreement/AgreementData.hpp"
#include "core/quality/agreement/AgreementMetrics.hpp"
#include "core/quality/agreement/AlphaBootstrap.hpp"
#include "core/quality/agreement/Coefficient.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace concord {
class Project;
}

namespace concord::quality {

struct StatusCounts
{
    std::int64_t drafts = 0;
    std::int64_t submitted = 0;
    std::int64_t discarded = 0;
};

struct AnnotatorSummary
{
    std::string annotator;
    StatusCounts counts;
    // Against the others' majority on the records both answered (none for written answers).
    std::optional<AnnotatorAgreement> agreement;
};

struct QuestionSummary
{
    std::string question;
    QuestionKind kind = QuestionKind::Label;
    std::int64_t records = 0; // in the project
    StatusCounts counts;
    std::vector<AnnotatorSummary> annotators; // by name
    std::string statistic;                    // what `agreement` is, in words
    Coefficient agreement;
    std::optional<BootstrapInterval> interval; // percentile bootstrap, when resamples > 0 and it has one
};

// The coefficient that sums up agreement for this kind of data: alpha over the labels, alpha on
// the ordinal scale for ratings, alpha over token tags for spans.
Metric headlineMetric(DataKind kind);

// Reads the question's submitted answers (and the responses' statuses) from `project`. With
// `resamples` > 0 the interval is drawn from `seed`. Throws InputError as the loaders do.
QuestionSummary summarizeQuestion(Project& project, const Question& question, std::size_t resamples,
                                  std::uint64_t seed = 1);

} // namespace concord::quality
