// The Argilla flat form from a project file: a column per field, and per question the responses
// with their users and statuses and the best-scored suggestion, values in Argilla's forms.
#include "core/feedback/ArgillaExport.hpp"
#include "tests/core/TrlTestSupport.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

using namespace concord;
using nlohmann::json;

TEST_CASE("argilla: a column per field, responses, users, statuses and the best suggestion per question",
          "[trl][argilla]")
{
    test::TempDir dir;
    auto project = trltest::projectFrom(dir.file("p.concord"), templateSchema("preference"));
    const auto key = trltest::insert(*project, "p1", {{"prompt", "P"}, {"response_a", "A"}, {"response_b", "B"}});
    trltest::insert(*project, "p2", {{"prompt", "Q"}, {"response_a", "C"}, {"response_b", "D"}});
    trltest::submit(*project, key, "ada", "preference", trltest::prefer("response_b", 2));
    project->answer(key, "bob", "preference", trltest::tie()); // a draft
    project->suggest(key, "preference", "judge-a", trltest::prefer("response_a", 1), 0.4);
    project->suggest(key, "preference", "judge-b", trltest::prefer("response_b", 1), 0.9);

    const auto rows = argillaRows(*project);
    REQUIRE(rows.size() == 2);
    CHECK(json(rows[0]) == json{{"id", "p1"},
                                {"prompt", "P"},
                                {"response_a", "A"},
                                {"response_b", "B"},
                                {"preference.responses", {"response_b", "tie"}},
                                {"preference.responses.users", {"ada", "bob"}},
                                {"preference.responses.status", {"submitted", "draft"}},
                                {"preference.suggestion", "response_b"},
                                {"preference.suggestion.score", 0.9},
                                {"preference.suggestion.agent", "judge-b"},
                                {"reason.responses", json::array()},
                                {"reason.responses.users", json::array()},
                                {"reason.responses.status", json::array()},
                                {"reason.suggestion", nullptr},
                                {"reason.suggestion.score", nullptr},
                                {"reason.suggestion.agent", nullptr}});
    CHECK(json(rows[1]["preference.responses"]) == json::array());

    Question ranking;
    ranking.kind = QuestionKind::Ranking;
    ranking.fields = {"r1", "r2", "r3"};
    CHECK(json(argillaValue(ranking, {{"ranking", {{"r1", 2}, {"r2", 1}, {"r3", 3}}}})) == json{"r2", "r1", "r3"});
}
