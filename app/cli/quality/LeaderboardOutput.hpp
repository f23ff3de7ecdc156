// How `concord-cli leaderboard` prints: a table of the models by rating, then the win-rate
// matrix; or JSON with every value at full precision.
#pragma once

#include "core/quality/leaderboard/Leaderboard.hpp"
#include "core/quality/leaderboard/ProjectComparisons.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <ostream>
#include <string>

namespace concord::cli {

struct LeaderboardSource
{
    std::string path;                                   // the project or the comparisons file
    std::optional<quality::ProjectComparisons> project; // what was read from a project, and skipped
};

nlohmann::ordered_json leaderboardJson(const quality::Leaderboard& board, const LeaderboardSource& source,
                                       const quality::FitOptions& fit);
void printLeaderboard(std::ostream& out, const quality::Leaderboard& board, const LeaderboardSource& source,
                      const quality::FitOptions& fit);

} // namespace concord::cli
