// The leaderboard around the fit: bootstrap intervals over records, the win-rate matrix and the
// tallies, and the comparisons file.
#include "LeaderboardTestSupport.hpp"

#include "core/quality/leaderboard/ComparisonsCsv.hpp"
#include "core/quality/leaderboard/Leaderboard.hpp"
#include "core/util/Error.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <sstream>

using namespace concord::quality;
using concord::test::comparisonsFrom;
using concord::test::PairVotes;

namespace {

const std::vector<PairVotes> kTies = {{"x", "y", 5, 2, 3}, {"x", "z", 4, 4, 2}, {"y", "z", 1, 5, 4}};

const ModelStanding& standingOf(const Leaderboard& board, const std::string& model)
{
    for (const auto& standing : board.standings) {
        if (standing.model == model) {
            return standing;
        }
    }
    FAIL("no standing for " << model);
    throw;
}

ComparisonSet fromCsv(const std::string& text)
{
    std::istringstream input(text);
    return readComparisonsCsv(input, "votes.csv");
}

std::string csvError(const std::string& text)
{
    try {
        fromCsv(text);
    } catch (const concord::InputError& error) {
        return error.what();
    }
    return "no error";
}

} // namespace

TEST_CASE("Leaderboard: bootstrap intervals are reproducible from the seed and hold the estimate",
          "[leaderboard][bootstrap]")
{
    LeaderboardOptions options;
    options.rounds = 300;
    options.seed = 7;
    const ComparisonSet set = comparisonsFrom(kTies);
    const Leaderboard first = buildLeaderboard(set, options);
    const Leaderboard again = buildLeaderboard(set, options);
    options.seed = 8;
    const Leaderboard other = buildLeaderboard(set, options);
    CHECK(first.rounds == 300);
    CHECK(first.usedRounds > 250); // a few resamples may leave a model unbeaten
    bool differs = false;
    for (std::size_t i = 0; i < first.standings.size(); ++i) {
        const auto& s = first.standings[i];
        CHECK(s.logStrengthLower == again.standings[i].logStrengthLower);
        CHECK(s.logStrengthUpper == again.standings[i].logStrengthUpper);
        differs = differs || s.logStrengthLower != other.standings[i].logStrengthLower;
        CHECK(s.logStrengthLower < s.logStrength);
        CHECK(s.logStrength < s.logStrengthUpper);
        CHECK(s.ratingLower < s.rating);
        CHECK(s.rating < s.ratingUpper);
        CHECK(s.ratingLower == Approx(ratingOf(s.logStrengthLower)));
    }
    CHECK(differs);
}

TEST_CASE("Leaderboard: the bootstrap resamples records, not single votes", "[leaderboard][bootstrap]")
{
    // Every record holds one vote of each kind: a resample of records always repeats the same
    // pattern, so the intervals collapse onto the estimate. Resampling votes would spread them.
    ComparisonSetBuilder builder;
    for (int r = 0; r < 20; ++r) {
        const auto record = builder.recordNamed("r" + std::to_string(r));
        builder.add(record, "p", "q", Outcome::AWins);
        builder.add(record, "p", "q", Outcome::AWins);
        builder.add(record, "p", "q", Outcome::BWins);
    }
    const ComparisonSet set = builder.build();
    CHECK(set.recordCount() == 20);
    LeaderboardOptions options;
    options.rounds = 100;
    const Leaderboard board = buildLeaderboard(set, options);
    const auto& p = standingOf(board, "p");
    CHECK(p.logStrength == Approx(0.5 * std::log(2.0)));
    CHECK(p.logStrengthLower == Approx(p.logStrength).margin(1e-9));
    CHECK(p.logStrengthUpper == Approx(p.logStrength).margin(1e-9));
}

TEST_CASE("Leaderboard: no rounds, no interval beyond the estimate", "[leaderboard][bootstrap]")
{
    LeaderboardOptions options;
    options.rounds = 0;
    const Leaderboard board = buildLeaderboard(comparisonsFrom(kTies), options);
    for (const auto& s : board.standings) {
        CHECK(s.logStrengthLower == s.logStrength);
        CHECK(s.logStrengthUpper == s.logStrength);
    }
}

TEST_CASE("Leaderboard: order, tallies and the win-rate matrix", "[leaderboard]")
{
    LeaderboardOptions options;
    options.rounds = 0;
    const Leaderboard board = buildLeaderboard(comparisonsFrom(kTies), options);
    // Log-strengths from tests/reference/bradley_terry_mm.py: z 0.278, x 0.209, y -0.487.
    REQUIRE(board.models == std::vector<std::string>{"z", "x", "y"});
    const auto& x = standingOf(board, "x");
    CHECK(x.tally.games == 20);
    CHECK(x.tally.wins == 9);
    CHECK(x.tally.ties == 5);
    CHECK(x.tally.losses == 6);
    CHECK(x.winRate == Approx((9 + 2.5) / 20));
    double mean = 0;
    for (const auto& s : board.standings) {
        mean += s.logStrength;
    }
    CHECK(mean == Approx(0.0).margin(1e-12));
    // Row z (0), column x (1): z won 4 of 10 against x with 2 ties: (4 + 1) / 10.
    const std::size_t n = 3;
    CHECK(board.winRate[0 * n + 1] == Approx(0.5));
    CHECK(board.games[0 * n + 1] == 10);
    // Row x, column y: x won 5, tied 3 of 10: 0.65; row y, column x: 0.35.
    CHECK(board.winRate[1 * n + 2] == Approx(0.65));
    CHECK(board.winRate[2 * n + 1] == Approx(0.35));
    CHECK(std::isnan(board.winRate[1 * n + 1]));
}

TEST_CASE("Leaderboard: fewer than two models, or too many rounds, are refused", "[leaderboard]")
{
    CHECK_THROWS_AS(buildLeaderboard(ComparisonSet{}, LeaderboardOptions{}), concord::InputError);
    LeaderboardOptions options;
    options.rounds = kMaxBootstrapRounds + 1;
    CHECK_THROWS_WITH(buildLeaderboard(comparisonsFrom(kTies), options), Catch::Contains("at most 10000 resamples"));
}

TEST_CASE("Comparisons CSV: columns by name in any order, records grouped", "[leaderboard][csv]")
{
    const ComparisonSet set = fromCsv("winner,note,model_b,record,model_a\n"
                                      "a,x,m2,r1,m1\n"
                                      "tie,,m3,r2,m1\n"
                                      "b,,m3,r1,m2\n");
    CHECK(set.models == std::vector<std::string>{"m1", "m2", "m3"});
    REQUIRE(set.recordCount() == 2);
    CHECK(set.recordStart == std::vector<std::size_t>{0, 2, 3});
    CHECK(set.comparisons[0].outcome == Outcome::AWins);
    CHECK(set.comparisons[1].outcome == Outcome::BWins); // r1's second vote, grouped with its first
    CHECK(set.comparisons[2].outcome == Outcome::Tie);

    const ComparisonSet rows = fromCsv("model_a,model_b,winner\nm1,m2,a\nm1,m2,b\n");
    CHECK(rows.recordCount() == 2); // without a record column every row is a record
}

TEST_CASE("Comparisons CSV: bad rows are named by file and line", "[leaderboard][csv]")
{
    CHECK(csvError("model_a,model_b,winner\nm1,m2,a\nm1,m2,left\n") ==
          "votes.csv:3: winner 'left' is not one of a, b, tie");
    CHECK(csvError("model_a,model_b,winner\nm1,m1,a\n") == "votes.csv:2: both sides are the same model 'm1'");
    CHECK_THAT(csvError("model_a,model_b,winner\nm1,m2\n"), Catch::StartsWith("votes.csv:2: expected 3 fields"));
    CHECK_THAT(csvError("model_a,model_b,winer\nm1,m2,a\n"), Catch::Contains("the header has no 'winner' column"));
    CHECK_THAT(csvError("model_a,model_b,winner\n,m2,a\n"), Catch::Contains("votes.csv:2: a model name is empty"));
    CHECK_THAT(csvError(""), Catch::Contains("the file is empty"));
}
