// The lead reviewer's queue: the samples on which annotators disagree, most contested first,
// each with the majority vote's suggested value. Built from the quality module's per-sample
// contest (SampleContest.hpp) and its majority-vote aggregation (Aggregation.hpp).
#pragma once

#include "core/store/Project.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace concord::review {

struct ReviewItem
{
    std::int64_t key = 0; // the sample's store key
    std::string id;
    std::uint32_t ratings = 0;
    double majorityShare = 0.0; // share of the ratings that went to the majority value
    double entropy = 0.0;       // vote entropy, bits
    bool tie = false;           // the majority is shared; the suggestion is the tie rule's pick
    // The majority value as JSON text, exactly as one of its annotators stored it (so that
    // it is a whole value for every task kind, spans included), and how many gave it.
    std::string suggestion;
    std::uint32_t suggestionVotes = 0;
    bool resolved = false; // a reviewer has set a gold value
};

// Samples with two or more annotations that do not all agree, most contested first (lowest
// majority share, then highest entropy, then more ratings, then key order). Throws InputError
// or StoreError as loadProjectRatings does for stored values that do not fit the schema.
std::vector<ReviewItem> disagreementQueue(Project& project);

} // namespace concord::review
