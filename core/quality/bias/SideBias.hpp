// Position and length bias of preference votes: how often a vote goes to one side (the
// response shown first, the longer response), per annotator and overall, each tested with the
// exact two-sided binomial test against one half, the annotators' p-values corrected together
// by Holm's method.
#pragma once

#include "core/quality/bias/PreferenceVotes.hpp"

#include <cstdint>
#include <vector>

namespace concord::quality {

struct SideTest
{
    std::uint64_t side = 0;  // votes for the side tested
    std::uint64_t votes = 0; // votes that could go either way (ties and equal lengths left out)
    double share = 0.0;      // side / votes; 0 without votes
    double p = 1.0;          // exact two-sided binomial test against 0.5
    double adjusted = 1.0;   // per annotator: Holm-adjusted across the annotators; overall: p
};

struct SideBias
{
    std::vector<SideTest> annotators; // parallel to PreferenceVotes::annotators
    SideTest overall;
};

// Non-tie votes for the field shown first.
SideBias positionBias(const PreferenceVotes& votes);

// Non-tie votes for the longer response (in code points), on records whose two responses
// differ in length.
SideBias lengthBias(const PreferenceVotes& votes);

} // namespace concord::quality
