// Agreement on multi-label annotations, where each rating is a set of labels: alpha per label
// (is the label in the set or not: binary nominal alpha) and alpha over whole sets with the
// MASI distance (Passonneau 2006, "Measuring Agreement on Set-valued Items").
#pragma once

#include "core/quality/agreement/Coefficient.hpp"
#include "core/quality/agreement/RatingTable.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace concord::quality {

struct SetRatings
{
    // Values are the distinct label sets, written "{a, b}" ("{}" for the empty set), ordered by
    // size and then by their labels' positions; `numeric` is NaN throughout.
    RatingTable table;
    std::vector<std::string> labels;              // the label vocabulary, in order
    std::vector<std::vector<std::uint32_t>> sets; // per value of `table`: its labels, ascending indices
};

// Values written "a;b" (the triples form of multi-label data): labels separated by `separator`,
// surrounding spaces ignored.
SetRatings setRatingsFromSeparated(const RatingTable& table, char separator = ';',
                                   const std::vector<std::string>& labelOrder = {});

// Re-keys `table`, whose values are label sets written as text, into SetRatings:
// `valueLabels[v]` are the label names of value v (order and repeats do not matter). Labels take
// the order of `labelOrder`, then of first appearance; equal sets become one value.
SetRatings setRatingsFromLists(const RatingTable& table, const std::vector<std::vector<std::string>>& valueLabels,
                               const std::vector<std::string>& labelOrder);

// MASI distance 1 - J * M, J the Jaccard index and M the monotonicity: 1 for equal sets, 0.67
// when one contains the other, 0.33 when they only overlap, 0 when disjoint. 0.67 and 0.33 are
// NLTK's (nltk.metrics.distance.masi_distance) roundings of Passonneau's 2/3 and 1/3, kept so
// that results match NLTK's. Two empty sets are at distance 0.
double masiDistance(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b);

struct LabelAgreement
{
    std::uint32_t label = 0;
    std::size_t uses = 0; // ratings whose set holds the label
    Coefficient alpha;    // nominal alpha of "holds the label" vs "does not"
};

// Per label, binary alpha over presence. Linear in the ratings' labels: within an item with m
// ratings, p of which hold the label, the split pairs add p (m - p) / (m - 1).
std::vector<LabelAgreement> perLabelAlpha(const SetRatings& sets);

// Alpha over whole sets with the MASI distance, through the coincidence matrix of the sets.
Coefficient masiAlpha(const SetRatings& sets);

} // namespace concord::quality
