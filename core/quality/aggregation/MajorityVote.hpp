// Majority vote: each item gets the value most of its annotators gave.
//
// Tie rule: when several values share the top count, the one that comes first in
// RatingTable::values wins (the schema's label order, or the lowest rating) and the item is
// marked `tied`, so that a reviewer can see that the pick was arbitrary. The confidence is the
// majority's share of the item's votes (1/2 for a 2-way tie of two votes).
//
// An annotator's estimated accuracy is their agreement with the majority label on the items
// that at least two annotators rated (an item rated once would agree with itself).
#pragma once

#include "core/quality/aggregation/Aggregation.hpp"

namespace concord::quality {

AggregationResult majorityVote(const RatingTable& table);

} // namespace concord::quality
