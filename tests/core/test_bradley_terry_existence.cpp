// When the Bradley–Terry estimate does not exist, the leaderboard names the models that cause
// it; with a prior it exists and the ratings shrink toward each other.
#include "LeaderboardTestSupport.hpp"

#include "core/quality/leaderboard/Existence.hpp"
#include "core/quality/leaderboard/Leaderboard.hpp"
#include "core/util/Error.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace concord::quality;
using concord::test::comparisonsFrom;
using concord::test::PairVotes;

namespace {

std::vector<ExistenceProblem> problemsOf(const std::vector<PairVotes>& pairs)
{
    const ComparisonSet set = comparisonsFrom(pairs);
    return findExistenceProblems(countPairs(set), set.models);
}

std::string refusal(const std::vector<PairVotes>& pairs)
{
    LeaderboardOptions options;
    options.rounds = 0;
    try {
        buildLeaderboard(comparisonsFrom(pairs), options);
    } catch (const concord::SettingError& error) {
        CHECK(error.setting() == "prior");
        return error.what();
    }
    FAIL("the leaderboard was built");
    return {};
}

} // namespace

TEST_CASE("Existence: a model that never loses is named", "[leaderboard][existence]")
{
    const std::vector<PairVotes> pairs = {{"champ", "b", 3, 0}, {"champ", "c", 2, 0}, {"b", "c", 2, 1}};
    // The rest, b and c, then never beat champ: said too.
    const auto problems = problemsOf(pairs);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].kind == ExistenceProblem::Kind::NeverLoses);
    CHECK(problems[0].models == std::vector<std::string>{"champ"});
    CHECK(problems[1].kind == ExistenceProblem::Kind::GroupNeverWins);
    CHECK(problems[1].models == std::vector<std::string>{"b", "c"});
    const std::string message = refusal(pairs);
    CHECK_THAT(message, Catch::Contains("champ never loses"));
    CHECK_THAT(message, Catch::Contains("b, c never win against champ"));
    CHECK_THAT(message, !Catch::Contains("--prior")); // core names no flag
}

TEST_CASE("Existence: a model that never wins is named, and a tie counts as half a win", "[leaderboard][existence]")
{
    const std::vector<PairVotes> pairs = {{"a", "b", 2, 1}, {"a", "loser", 2, 0}, {"b", "loser", 1, 0}};
    const auto problems = problemsOf(pairs);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].kind == ExistenceProblem::Kind::GroupNeverLoses);
    CHECK(problems[0].models == std::vector<std::string>{"a", "b"});
    CHECK(problems[1].kind == ExistenceProblem::Kind::NeverWins);
    CHECK(problems[1].models == std::vector<std::string>{"loser"});
    CHECK_THAT(refusal(pairs), Catch::Contains("loser never wins"));

    // One tie is half a win: the estimate exists.
    CHECK(problemsOf({{"a", "b", 2, 1}, {"a", "loser", 2, 0, 1}, {"b", "loser", 1, 0}}).empty());
}

TEST_CASE("Existence: two groups never compared with each other are named", "[leaderboard][existence]")
{
    const std::vector<PairVotes> pairs = {{"a", "b", 2, 1}, {"c", "d", 1, 3}};
    const auto problems = problemsOf(pairs);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].kind == ExistenceProblem::Kind::NotConnected);
    CHECK(problems[0].models == std::vector<std::string>{"a", "b"});
    CHECK(problems[0].others == std::vector<std::string>{"c", "d"});
    CHECK_THAT(refusal(pairs), Catch::Contains("a, b were never compared with c, d"));
}

TEST_CASE("Existence: a group that never loses to the rest (Ford's condition) is named", "[leaderboard][existence]")
{
    // a and b beat each other, c and d beat each other, and a beats c: every model wins and
    // loses, the graph is connected, but {a, b} never loses to {c, d}.
    const std::vector<PairVotes> pairs = {{"a", "b", 2, 1}, {"c", "d", 1, 3}, {"a", "c", 1, 0}};
    const auto problems = problemsOf(pairs);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].kind == ExistenceProblem::Kind::GroupNeverLoses);
    CHECK(problems[0].models == std::vector<std::string>{"a", "b"});
    CHECK(problems[0].others == std::vector<std::string>{"c", "d"});
    CHECK(problems[1].kind == ExistenceProblem::Kind::GroupNeverWins);
    CHECK(problems[1].models == std::vector<std::string>{"c", "d"});
    CHECK_THAT(refusal(pairs), Catch::Contains("a, b never lose to c, d"));
}

TEST_CASE("Existence: a connected, strongly connected comparison graph has no problem", "[leaderboard][existence]")
{
    CHECK(problemsOf({{"a", "b", 1, 1}, {"b", "c", 1, 1}}).empty());
    CHECK(problemsOf({{"a", "b", 1, 0}, {"b", "c", 1, 0}, {"c", "a", 1, 0}}).empty()); // a cycle
}

TEST_CASE("Prior: the estimate exists with a prior, and a larger prior shrinks the ratings", "[leaderboard][prior]")
{
    const std::vector<PairVotes> pairs = {{"champ", "b", 3, 0}, {"champ", "c", 2, 0}, {"b", "c", 2, 1}};
    LeaderboardOptions options;
    options.rounds = 50;
    double previousSpread = INFINITY;
    for (const double prior : {0.1, 1.0, 10.0}) {
        options.fit.prior = prior;
        const Leaderboard board = buildLeaderboard(comparisonsFrom(pairs), options);
        REQUIRE(board.converged);
        CHECK(board.standings.front().model == "champ");
        CHECK(board.usedRounds == board.rounds); // with a prior every resample has an estimate
        const double spread = board.standings.front().logStrength - board.standings.back().logStrength;
        CHECK(spread < previousSpread);
        previousSpread = spread;
    }
}
