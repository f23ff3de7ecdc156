// TRL preference rows from a project file: the reviewer's gold wins, else the annotators'
// majority; even splits and ties are dropped and counted; rankings give every pair or only
// best-vs-worst; a chat prompt makes the conversational form.
#include "core/feedback/TrlRows.hpp"
#include "core/util/Error.hpp"
#include "tests/core/TrlTestSupport.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

using namespace concord;
using nlohmann::json;

namespace trl_preference_test {

// Six records, one per rule: gold against the annotators, a majority, an even split, a
// majority tie, nobody, a draft only.
std::unique_ptr<Project> plantedPreferences(const std::string& path)
{
    auto project = trltest::projectFrom(path, templateSchema("preference"));
    for (int i = 1; i <= 6; ++i) {
        const std::string n = std::to_string(i);
        trltest::insert(*project, "r" + n, {{"prompt", "P" + n}, {"response_a", "A" + n}, {"response_b", "B" + n}});
    }
    const auto key = [&](const char* id) { return project->samples().findById(id)->key; };
    trltest::submit(*project, key("r1"), "ada", "preference", trltest::prefer("response_a", 1));
    trltest::submit(*project, key("r1"), "bob", "preference", trltest::prefer("response_a", 1));
    project->resolve("r1", "rev", trltest::prefer("response_b", 2), "A is wrong", "preference");
    trltest::submit(*project, key("r2"), "ada", "preference", trltest::prefer("response_a", 2));
    trltest::submit(*project, key("r2"), "bob", "preference", trltest::prefer("response_a", 1));
    trltest::submit(*project, key("r2"), "cy", "preference", trltest::prefer("response_b", 1));
    trltest::submit(*project, key("r3"), "ada", "preference", trltest::prefer("response_a", 1));
    trltest::submit(*project, key("r3"), "bob", "preference", trltest::prefer("response_b", 1));
    trltest::submit(*project, key("r4"), "ada", "preference", trltest::tie());
    trltest::submit(*project, key("r4"), "bob", "preference", trltest::tie());
    project->answer(key("r6"), "ada", "preference", trltest::prefer("response_a", 1)); // a draft
    return project;
}

} // namespace trl_preference_test

TEST_CASE("trl-preference: gold wins, else the majority, splits and ties dropped and counted", "[trl]")
{
    test::TempDir dir;
    auto project = trl_preference_test::plantedPreferences(dir.file("p.concord"));
    TrlOptions options;
    options.margin = true;
    const TrlRows rows = buildTrlRows(*project, options);
    CHECK(rows.question == "preference");
    CHECK_FALSE(rows.conversational);
    CHECK(trltest::plain(rows) ==
          std::vector<json>{{{"prompt", "P1"}, {"chosen", "B1"}, {"rejected", "A1"}, {"margin", 2.0}},
                            {{"prompt", "P2"}, {"chosen", "A2"}, {"rejected", "B2"}, {"margin", 1.5}}});
    CHECK(rows.rows[0].begin().key() == "prompt"); // TRL's column order
    CHECK(rows.records == 6);
    CHECK(rows.recordsUsed == 2);
    CHECK(trltest::droppedBy(rows, "records whose annotators are split evenly") == 1);
    CHECK(trltest::droppedBy(rows, "pairs ranked equal (ties)") == 1);
    CHECK(trltest::droppedBy(rows, "records without a submitted answer or gold value") == 2);
    CHECK(rows.prompts == std::vector<std::string>{"P1", "P2"});
}

TEST_CASE("trl-preference: every submitted response as its own pair, gold not used", "[trl]")
{
    test::TempDir dir;
    auto project = trl_preference_test::plantedPreferences(dir.file("p.concord"));
    TrlOptions options;
    options.votes = TrlVotes::EveryResponse;
    const TrlRows rows = buildTrlRows(*project, options);
    const json a1 = {{"prompt", "P1"}, {"chosen", "A1"}, {"rejected", "B1"}};
    const json a2 = {{"prompt", "P2"}, {"chosen", "A2"}, {"rejected", "B2"}};
    const json b2 = {{"prompt", "P2"}, {"chosen", "B2"}, {"rejected", "A2"}};
    const json a3 = {{"prompt", "P3"}, {"chosen", "A3"}, {"rejected", "B3"}};
    const json b3 = {{"prompt", "P3"}, {"chosen", "B3"}, {"rejected", "A3"}};
    CHECK(trltest::plain(rows) == std::vector<json>{a1, a1, a2, a2, b2, a3, b3});
    CHECK(trltest::droppedBy(rows, "pairs ranked equal (ties)") == 2);
    CHECK(trltest::droppedBy(rows, "records without a submitted answer or gold value") == 2);
}

TEST_CASE("trl-preference: a ranking gives every ordered pair, or best against worst", "[trl]")
{
    test::TempDir dir;
    auto project = trltest::projectFrom(dir.file("r.concord"), templateSchema("ranking"));
    const auto key = trltest::insert(*project, "k1",
                                     {{"prompt", "Q"},
                                      {"response_1", "one"},
                                      {"response_2", "two"},
                                      {"response_3", "three"},
                                      {"response_4", "four"}});
    trltest::submit(*project, key, "ada", "ranking",
                    {{"ranking", {{"response_1", 1}, {"response_2", 2}, {"response_3", 3}, {"response_4", 3}}}});
    const auto pair = [](const char* chosen, const char* rejected, double margin) {
        return json{{"prompt", "Q"}, {"chosen", chosen}, {"rejected", rejected}, {"margin", margin}};
    };
    TrlOptions options;
    options.margin = true;
    const TrlRows every = buildTrlRows(*project, options);
    CHECK(trltest::plain(every) == std::vector<json>{pair("one", "two", 1), pair("one", "three", 2),
                                                     pair("one", "four", 2), pair("two", "three", 1),
                                                     pair("two", "four", 1)});
    CHECK(trltest::droppedBy(every, "pairs ranked equal (ties)") == 1); // three and four

    options.rankingPairs = RankingPairs::BestVsWorst;
    const TrlRows ends = buildTrlRows(*project, options);
    CHECK(trltest::plain(ends) == std::vector<json>{pair("one", "three", 2), pair("one", "four", 2)});
    CHECK(ends.dropped.empty());
}

TEST_CASE("trl-preference: a ranking of several annotators by mean rank", "[trl]")
{
    test::TempDir dir;
    auto project = trltest::projectFrom(dir.file("r.concord"), templateSchema("ranking"));
    const auto key = trltest::insert(*project, "k1",
                                     {{"prompt", "Q"},
                                      {"response_1", "one"},
                                      {"response_2", "two"},
                                      {"response_3", "three"},
                                      {"response_4", "four"}});
    // Means: one 1.5, two 1.5, three 3, four 4.
    trltest::submit(*project, key, "ada", "ranking",
                    {{"ranking", {{"response_1", 1}, {"response_2", 2}, {"response_3", 3}, {"response_4", 4}}}});
    trltest::submit(*project, key, "bob", "ranking",
                    {{"ranking", {{"response_1", 2}, {"response_2", 1}, {"response_3", 3}, {"response_4", 4}}}});
    TrlOptions options;
    options.rankingPairs = RankingPairs::BestVsWorst;
    const TrlRows rows = buildTrlRows(*project, options);
    CHECK(trltest::plain(rows) == std::vector<json>{{{"prompt", "Q"}, {"chosen", "one"}, {"rejected", "four"}},
                                                    {{"prompt", "Q"}, {"chosen", "two"}, {"rejected", "four"}}});
}

TEST_CASE("trl-preference: a chat prompt makes conversational rows", "[trl]")
{
    test::TempDir dir;
    auto project = trltest::projectFrom(
        dir.file("c.concord"),
        {{"fields",
          {{{"name", "chat"}, {"kind", "chat"}}, {{"name", "a"}, {"kind", "text"}}, {{"name", "b"}, {"kind", "text"}}}},
         {"questions",
          {{{"name", "better"}, {"kind", "preference"}, {"fields", {"a", "b"}}, {"scale", {{"points", 3}}}}}}});
    const json chat =
        json::array({{{"role", "system"}, {"content", "Be brief."}}, {{"role", "user"}, {"content", "Hi"}}});
    const auto key = trltest::insert(*project, "c1", {{"chat", chat}, {"a", "Hello!"}, {"b", "Greetings, human."}});
    trltest::submit(*project, key, "ada", "better", trltest::prefer("a", 1));
    const TrlRows rows = buildTrlRows(*project, {});
    CHECK(rows.conversational);
    CHECK(trltest::plain(rows) ==
          std::vector<json>{{{"prompt", chat},
                             {"chosen", {{{"role", "assistant"}, {"content", "Hello!"}}}},
                             {"rejected", {{{"role", "assistant"}, {"content", "Greetings, human."}}}}}});
    CHECK(rows.prompts ==
          std::vector<std::string>{fieldText(project->recordOf(*project->samples().findByKey(key)), "chat")});
}

TEST_CASE("trl rows: the check refuses empty values and mixed forms, naming the row", "[trl]")
{
    using Row = nlohmann::ordered_json;
    const Row plainRow = {{"prompt", "p"}, {"chosen", "c"}, {"rejected", "r"}};
    const Row chatRow = {{"prompt", {{{"role", "user"}, {"content", "p"}}}},
                         {"chosen", {{{"role", "assistant"}, {"content", "c"}}}},
                         {"rejected", {{{"role", "assistant"}, {"content", "r"}}}}};
    CHECK_NOTHROW(checkTrlRows({plainRow, plainRow}));
    CHECK_NOTHROW(checkTrlRows({chatRow}));
    CHECK_THROWS_WITH(checkTrlRows({plainRow, chatRow}), Catch::Contains("row 2") && Catch::Contains("one form"));
    Row empty = plainRow;
    empty["rejected"] = "";
    CHECK_THROWS_WITH(checkTrlRows({plainRow, empty}),
                      Catch::Contains("row 2") && Catch::Contains("'rejected' is empty"));
    Row noRole = chatRow;
    noRole["chosen"] = json::array({{{"content", "c"}}});
    CHECK_THROWS_WITH(checkTrlRows({noRole}), Catch::Contains("without a role"));
}

TEST_CASE("trl rows: a question of the wrong kind, or none that fits, is refused by name", "[trl]")
{
    test::TempDir dir;
    auto project = trltest::projectFrom(dir.file("e.concord"), templateSchema("evaluate"));
    TrlOptions options;
    CHECK_THROWS_WITH(buildTrlRows(*project, options),
                      Catch::Contains("trl-preference") && Catch::Contains("correct, helpfulness"));
    options.question = "helpfulness";
    CHECK_THROWS_AS(buildTrlRows(*project, options), SettingError);
    CHECK_THROWS_WITH(buildTrlRows(*project, options), Catch::Contains("question 'helpfulness' is a rating"));
}
