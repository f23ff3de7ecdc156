// Everything the agreement statistics read, whatever the task: the ratings as a RatingTable and,
// for multi-label and span tasks, the richer form the set and span statistics need.
#pragma once

#include "core/quality/agreement/RatingTable.hpp"
#include "core/quality/agreement/SetAgreement.hpp"
#include "core/quality/agreement/SpanRatings.hpp"

#include <optional>
#include <string_view>

namespace concord::quality {

enum class DataKind
{
    Labels,  // one label per rating (single-label projects; triples with values that are not all numbers)
    Ratings, // numbers on a scale (rating projects; triples whose values are all numbers)
    Sets,    // label sets (multi-label projects; triples read with --multi)
    Spans    // labelled spans of the text (span projects)
};

std::string_view toString(DataKind kind);

struct AgreementData
{
    DataKind kind = DataKind::Labels;
    // The ratings: labels, numbers, label sets ("{a, b}") or, for spans, each annotation's
    // whole set of spans ("[0,5) PER; ..."), which is what whole-value statistics compare.
    RatingTable table;
    std::optional<SetRatings> sets;   // Sets: the same ratings with their label sets
    std::optional<SpanRatings> spans; // Spans: the spans and the texts; same items and annotators as `table`
};

// Labels or Ratings, by whether every value is a number.
AgreementData dataFromTable(RatingTable table);
// Sets, from values written "a;b".
AgreementData setDataFromTable(const RatingTable& table, char separator = ';');

} // namespace concord::quality
