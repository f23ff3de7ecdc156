// What the dashboard's preference section shows, computed in the background on a connection of
// its own: the leaderboard of the models that wrote the compared responses (Bradley–Terry with
// bootstrap intervals) and each annotator's position and length bias on the project's first
// preference question, with the checks' flags and the records behind them. All of it is the
// core's; this only gathers it for the screen.
#pragma once

#include "core/quality/bias/SideBias.hpp"
#include "core/quality/integrity/Integrity.hpp"
#include "core/quality/leaderboard/Leaderboard.hpp"

#include <QString>
#include <QStringList>

#include <optional>
#include <string>
#include <vector>

namespace concord::gui {

struct PreferenceData
{
    QString question; // empty: the project has no preference question between two fields
    std::optional<quality::Leaderboard> leaderboard;
    QString leaderboardNote; // why there is no leaderboard (the core's words), when there is none
    QStringList annotators;
    quality::SideBias position;
    quality::SideBias length;
    // The preference checks' findings on the question that name records: each flagged
    // annotator's votes, the pairs that teach nothing (the bias panel lists them).
    std::vector<quality::Finding> flags;
    QString error;
};

PreferenceData computePreferenceData(const std::string& path);

} // namespace concord::gui
