#include "app/cli/quality/LeaderboardOutput.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <sstream>

namespace concord::cli {

namespace {

std::string withDecimals(double value, int digits)
{
    std::ostringstream text;
    text << std::fixed << std::setprecision(digits) << value;
    return text.str();
}

std::string wholeCount(double value)
{
    // Counts are whole numbers here (a prior adds no games to the tallies).
    return withDecimals(value, 0);
}

nlohmann::ordered_json numberOrNull(double value)
{
    return std::isnan(value) ? nlohmann::ordered_json() : nlohmann::ordered_json(value);
}

} // namespace

nlohmann::ordered_json leaderboardJson(const quality::Leaderboard& board, const LeaderboardSource& source,
                                       const quality::FitOptions& fit)
{
    nlohmann::ordered_json json;
    json["source"] = source.path;
    if (source.project) {
        json["question"] = source.project->question;
        json["question_kind"] = source.project->questionKind;
        json["votes"] = source.project->votes;
        json["skipped"] = {{"records_without_models", source.project->skippedRecords},
                           {"votes_without_models", source.project->skippedVotes},
                           {"pairs_of_one_model", source.project->samePairs}};
    }
    json["comparisons"] = board.comparisons;
    json["records"] = board.records;
    nlohmann::ordered_json models = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < board.standings.size(); ++i) {
        const auto& s = board.standings[i];
        models.push_back({{"rank", i + 1},
                          {"model", s.model},
                          {"rating", s.rating},
                          {"rating_interval", {s.ratingLower, s.ratingUpper}},
                          {"log_strength", s.logStrength},
                          {"log_strength_interval", {s.logStrengthLower, s.logStrengthUpper}},
                          {"games", s.tally.games},
                          {"wins", s.tally.wins},
                          {"ties", s.tally.ties},
                          {"losses", s.tally.losses},
                          {"win_rate", s.winRate}});
    }
    json["models"] = std::move(models);
    const std::size_t n = board.models.size();
    nlohmann::ordered_json rates = nlohmann::ordered_json::array();
    nlohmann::ordered_json games = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < n; ++i) {
        nlohmann::ordered_json rateRow = nlohmann::ordered_json::array();
        nlohmann::ordered_json gameRow = nlohmann::ordered_json::array();
        for (std::size_t j = 0; j < n; ++j) {
            rateRow.push_back(numberOrNull(board.winRate[i * n + j]));
            gameRow.push_back(board.games[i * n + j]);
        }
        rates.push_back(std::move(rateRow));
        games.push_back(std::move(gameRow));
    }
    json["win_rate"] = {{"models", board.models}, {"rates", std::move(rates)}, {"games", std::move(games)}};
    json["fit"] = {{"method", "bradley-terry, MM (Hunter 2004), ties as half a win"},
                   {"iterations", board.iterations},
                   {"converged", board.converged},
                   {"tolerance", fit.tolerance},
                   {"max_iterations", fit.maxIterations},
                   {"prior", board.prior}};
    json["bootstrap"] = {{"unit", "record"},   {"rounds", board.rounds}, {"used", board.usedRounds},
                         {"seed", board.seed}, {"level", board.level},   {"interval", "percentile"}};
    return json;
}

void printLeaderboard(std::ostream& out, const quality::Leaderboard& board, const LeaderboardSource& source,
                      const quality::FitOptions& fit)
{
    out << "Leaderboard of " << board.models.size() << " models from " << board.comparisons << " comparisons in "
        << board.records << " records of " << source.path;
    if (source.project) {
        out << " (" << source.project->questionKind << " question '" << source.project->question << "')";
    }
    out << '\n';
    if (source.project && source.project->skippedRecords > 0) {
        out << "Skipped " << source.project->skippedRecords << " records (" << source.project->skippedVotes
            << " votes) whose compared fields do not all name their model (field metadata 'model')\n";
    }
    if (source.project && source.project->samePairs > 0) {
        out << "Left out " << source.project->samePairs << " pairs whose two fields one model wrote\n";
    }
    std::size_t width = 5;
    for (const auto& model : board.models) {
        width = std::max(width, model.size());
    }
    const std::string level = withDecimals(100 * board.level, 0) + "% interval";
    out << '\n'
        << std::right << std::setw(4) << "rank"
        << "  " << std::left << std::setw(static_cast<int>(width)) << "model"
        << "  " << std::right << std::setw(7) << "rating"
        << "  " << std::left << std::setw(17) << level << "  " << std::right << std::setw(12) << "log-strength"
        << "  " << std::setw(7) << "games"
        << "  " << std::setw(8) << "win rate" << '\n';
    for (std::size_t i = 0; i < board.standings.size(); ++i) {
        const auto& s = board.standings[i];
        const std::string interval = withDecimals(s.ratingLower, 1) + " to " + withDecimals(s.ratingUpper, 1);
        out << std::right << std::setw(4) << i + 1 << "  " << std::left << std::setw(static_cast<int>(width)) << s.model
            << "  " << std::right << std::setw(7) << withDecimals(s.rating, 1) << "  " << std::left << std::setw(17)
            << interval << "  " << std::right << std::setw(12) << withDecimals(s.logStrength, 4) << "  " << std::setw(7)
            << wholeCount(s.tally.games) << "  " << std::setw(8) << withDecimals(s.winRate, 3) << '\n';
    }
    out << "\nBradley–Terry by maximum likelihood (MM, " << board.iterations << " iterations, "
        << (board.converged ? "converged to " : "NOT converged to ") << fit.tolerance << ")";
    if (board.prior > 0.0) {
        out << ", with a prior of " << board.prior << " virtual tied games per model against a reference";
    }
    out << ".\nRating = 1000 + 400 log10(strength), strengths scaled so that their logs average zero.\n";
    if (board.rounds > 0) {
        out << "Intervals: percentiles of " << board.usedRounds << " of " << board.rounds
            << " bootstrap resamples of records (seed " << board.seed << ")";
        if (board.usedRounds < board.rounds) {
            out << "; the others left a model unbeaten or unbeating, where the ratings do not exist";
        }
        out << ".\n";
    } else {
        out << "No bootstrap: the intervals are the estimates.\n";
    }

    const std::size_t n = board.models.size();
    out << "\nWin rate of the row's model against the column's (wins and half the ties over games; games in "
           "brackets):\n";
    std::size_t cell = 11;
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            cell = std::max(cell, wholeCount(board.games[i * n + j]).size() + 8);
        }
    }
    out << std::left << std::setw(static_cast<int>(width)) << "";
    for (const auto& model : board.models) {
        out << "  " << std::left << std::setw(static_cast<int>(std::max(cell, model.size()))) << model;
    }
    out << '\n';
    for (std::size_t i = 0; i < n; ++i) {
        out << std::left << std::setw(static_cast<int>(width)) << board.models[i];
        for (std::size_t j = 0; j < n; ++j) {
            std::string text = "-";
            if (i != j && !std::isnan(board.winRate[i * n + j])) {
                text = withDecimals(board.winRate[i * n + j], 3) + " (" + wholeCount(board.games[i * n + j]) + ")";
            }
            out << "  " << std::left << std::setw(static_cast<int>(std::max(cell, board.models[j].size()))) << text;
        }
        out << '\n';
    }
}

} // namespace concord::cli
