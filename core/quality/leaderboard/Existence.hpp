// When the Bradley–Terry maximum-likelihood estimate exists, and which models stop it when it
// does not. It exists exactly when Ford's (1957) condition holds: for every split of the models
// into two non-empty groups, some model of each group has beaten some model of the other
// (counting a tie as half a win for each side), i.e. the directed graph "i beat j" is strongly
// connected. Otherwise the likelihood keeps rising as some strengths go to zero or infinity.
#pragma once

#include "core/quality/leaderboard/PairCounts.hpp"

#include <string>
#include <vector>

namespace concord::quality {

struct ExistenceProblem
{
    enum class Kind
    {
        NeverLoses,      // `models`: one model that lost no game and tied none
        NeverWins,       // `models`: one model that won no game and tied none
        GroupNeverLoses, // `models` never lost to, nor tied, any model of `others`
        GroupNeverWins,  // `models` never beat, nor tied, any model of `others`
        NotConnected     // `models` were never compared with any model of `others`
    };
    Kind kind = Kind::NeverLoses;
    std::vector<std::string> models;
    std::vector<std::string> others;
};

// Empty when the estimate exists. Models with no games are not expected (every model of a
// ComparisonSet has played).
std::vector<ExistenceProblem> findExistenceProblems(const PairCounts& counts, const std::vector<std::string>& names);

// The same as a boolean, without names: cheap enough for every bootstrap resample.
bool estimateExists(const PairCounts& counts);

// "model-x never loses (a tie counts as half a loss); ..." for a message.
std::string describeProblems(const std::vector<ExistenceProblem>& problems);

} // namespace concord::quality
