// The votes behind one cell of the win-rate matrix: every comparison between two models, seen
// from the first, from preference and ranking answers; drafts and records without models left out.
#include "core/feedback/RecordContent.hpp"
#include "core/feedback/Templates.hpp"
#include "core/quality/leaderboard/ProjectComparisons.hpp"
#include "tests/core/TrlTestSupport.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

using namespace concord;
using quality::Outcome;
using trltest::prefer;
using trltest::submit;
using trltest::tie;

namespace {

std::int64_t withModels(Project& project, const std::string& id, const std::vector<std::string>& fields,
                        const std::vector<std::string>& models)
{
    RecordContent record;
    record.fields["prompt"] = "p " + id;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        record.fields[fields[i]] = fields[i] + " of " + id;
        if (!models[i].empty()) {
            record.meta[fields[i]] = {{"model", models[i]}};
        }
    }
    return *project.samples().insert(id, "p " + id, "{}", encodeRecord(record));
}

} // namespace

TEST_CASE("votes between two models: both orders, ties, drafts and records without models", "[leaderboard]")
{
    test::TempDir dir;
    auto project = trltest::projectFrom(dir.file("v.concord"), templateSchema("preference"));
    const std::vector<std::string> fields = {"response_a", "response_b"};
    const auto r1 = withModels(*project, "r1", fields, {"big", "small"});
    const auto r2 = withModels(*project, "r2", fields, {"small", "big"});
    const auto r3 = withModels(*project, "r3", fields, {"big", "other"});
    const auto r4 = withModels(*project, "r4", fields, {"big", ""});    // no model: skipped
    submit(*project, r1, "ana", "preference", prefer("response_a", 1)); // big
    submit(*project, r1, "ben", "preference", tie());
    submit(*project, r2, "ana", "preference", prefer("response_a", 2)); // small
    submit(*project, r2, "ben", "preference", prefer("response_b", 1)); // big
    submit(*project, r3, "ana", "preference", prefer("response_a", 1)); // another pair
    submit(*project, r4, "ana", "preference", prefer("response_a", 1));
    project->answer(r2, "cal", "preference", prefer("response_a", 1)); // a draft: not a vote
    project->setStatus(r2, "cal", ResponseStatus::Draft);

    const auto big = quality::votesBetween(*project, "", "big", "small");
    CHECK(big.aWins == 2);
    CHECK(big.bWins == 1);
    CHECK(big.ties == 1);
    REQUIRE(big.rows.size() == 4);
    CHECK(big.rows[0].recordId == "r1");
    CHECK(big.rows[0].annotator == "ana");
    CHECK(big.rows[0].outcome == Outcome::AWins);
    CHECK(big.rows[2].recordId == "r2");
    CHECK(big.rows[2].annotator == "ana");
    CHECK(big.rows[2].outcome == Outcome::BWins); // small won, seen from big
    CHECK(big.rows[3].outcome == Outcome::AWins);

    const auto small = quality::votesBetween(*project, "preference", "small", "big", 2);
    CHECK(small.aWins == 1);
    CHECK(small.bWins == 2);
    CHECK(small.rows.size() == 2); // the first two listed, all counted
    CHECK(small.rows[0].outcome == Outcome::BWins);

    // The matrix's totals are the same votes.
    const auto comparisons = quality::loadProjectComparisons(*project);
    CHECK(comparisons.votes == 6);
    CHECK(comparisons.skippedVotes == 1);
    CHECK(comparisons.set.comparisons.size() == 5);

    CHECK_THROWS_WITH(quality::votesBetween(*project, "reason", "big", "small"), Catch::Contains("reason"));
}

TEST_CASE("votes between two models from rankings: one per pair of fields they wrote", "[leaderboard]")
{
    test::TempDir dir;
    auto project = trltest::projectFrom(dir.file("k.concord"), templateSchema("ranking"));
    const std::vector<std::string> fields = {"response_1", "response_2", "response_3", "response_4"};
    const auto key = withModels(*project, "k1", fields, {"big", "small", "big", "mid"});
    submit(*project, key, "ana", "ranking",
           {{"ranking", {{"response_1", 1}, {"response_2", 2}, {"response_3", 2}, {"response_4", 4}}}});
    // big (1) beats small (2); small (2) ties big (2, response_3).
    const auto votes = quality::votesBetween(*project, "", "small", "big");
    CHECK(votes.aWins == 0);
    CHECK(votes.bWins == 1);
    CHECK(votes.ties == 1);
}
