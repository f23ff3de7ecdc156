// How contested each sample is, which orders the lead reviewer's queue: the share of its ratings
// that went to the most frequent value, and the entropy of its votes.
#pragma once

#include "core/quality/agreement/RatingTable.hpp"

#include <cstdint>
#include <vector>

namespace concord::quality {

struct ItemContest
{
    std::uint32_t item = 0;
    std::uint32_t ratings = 0;
    std::uint32_t majorityValue = 0; // the most frequent value; on a tie, the first in value order
    bool tie = false;                // another value is as frequent as the majority value
    double majorityShare = 0.0;      // its count over the item's ratings, in (0, 1]
    double entropy = 0.0;            // vote entropy in bits: -sum p log2 p over the values given
};

// Every item with two or more ratings, most contested first: lowest majority share, then
// highest entropy, then more ratings, then the table's item order. Items rated fewer than twice
// cannot disagree and are not listed. O(ratings + items log items).
std::vector<ItemContest> contestedItems(const RatingTable& table);

} // namespace concord::quality
