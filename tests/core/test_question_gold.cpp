// Gold per question from a real project file: majority and Dawid–Skene on label, rating and
// preference questions, mean rank on rankings, only submitted responses, and the reviewer's
// resolution winning over the aggregate.
#include "core/quality/aggregation/DawidSkene.hpp"
#include "core/quality/aggregation/QuestionGold.hpp"
#include "core/util/Error.hpp"
#include "tests/core/TrlTestSupport.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

using namespace concord;
using nlohmann::json;

namespace {

json goldSchema()
{
    return json::parse(R"({
      "fields": [{"name": "prompt", "kind": "text"}, {"name": "x", "kind": "text"}, {"name": "y", "kind": "text"},
                 {"name": "z", "kind": "text"}],
      "questions": [
        {"name": "pref", "kind": "preference", "fields": ["x", "y"], "scale": {"points": 5}, "required": false},
        {"name": "rank", "kind": "ranking", "fields": ["x", "y", "z"], "required": false},
        {"name": "quality", "kind": "label", "labels": ["good", "bad"], "required": false},
        {"name": "score", "kind": "rating", "rating": {"min": 1, "max": 5}, "required": false},
        {"name": "note", "kind": "text", "required": false}]})");
}

struct GoldProject
{
    test::TempDir dir;
    std::unique_ptr<Project> project = trltest::projectFrom(dir.file("gold.concord"), goldSchema());

    std::int64_t record(const std::string& id)
    {
        return trltest::insert(*project, id, {{"prompt", "P " + id}, {"x", "X"}, {"y", "Y"}, {"z", "Z"}});
    }
};

const quality::RecordGold* find(const quality::QuestionGold& gold, const std::string& id)
{
    for (const auto& item : gold.items) {
        if (item.id == id) {
            return &item;
        }
    }
    return nullptr;
}

json ranks(int x, int y, int z)
{
    return {{"ranking", {{"x", x}, {"y", y}, {"z", z}}}};
}

} // namespace

TEST_CASE("question gold: preference majority with the median strength, ties and statuses", "[aggregation][gold]")
{
    GoldProject p;
    // Expected values by hand: the majority's share of submitted votes; the lower median of the
    // winning side's strengths; a 1:1 split goes to the first field (the tie rule) and is tied.
    const auto r1 = p.record("r1"), r2 = p.record("r2"), r3 = p.record("r3"), r4 = p.record("r4");
    p.record("r6");
    trltest::submit(*p.project, r1, "ann1", "pref", trltest::prefer("x", 2));
    trltest::submit(*p.project, r1, "ann2", "pref", trltest::prefer("x", 1));
    trltest::submit(*p.project, r1, "ann3", "pref", trltest::prefer("y", 2));
    trltest::submit(*p.project, r2, "ann1", "pref", trltest::prefer("y", 2));
    trltest::submit(*p.project, r2, "ann2", "pref", trltest::prefer("x", 1));
    trltest::submit(*p.project, r3, "ann1", "pref", trltest::tie());
    trltest::submit(*p.project, r3, "ann2", "pref", trltest::tie());
    trltest::submit(*p.project, r3, "ann3", "pref", trltest::prefer("y", 1));
    p.project->answer(r4, "ann1", "pref", trltest::prefer("x", 2)); // a draft: not counted
    trltest::submit(*p.project, r4, "ann2", "pref", trltest::prefer("y", 2));
    p.project->answer(r4, "ann3", "pref", trltest::prefer("x", 1));
    p.project->setStatus(r4, "ann3", ResponseStatus::Discarded, "unsure"); // not counted

    const auto gold = quality::aggregateQuestion(*p.project, "pref", quality::AggregationMethod::MajorityVote);
    CHECK(gold.method == "majority");
    REQUIRE(gold.items.size() == 4); // r6 has no vote
    CHECK_FALSE(find(gold, "r6"));
    const auto* one = find(gold, "r1");
    CHECK(one->value == trltest::prefer("x", 1)); // strengths 2 and 1: lower median 1
    CHECK(*one->confidence == Approx(2.0 / 3.0));
    CHECK(one->votes == 3);
    CHECK_FALSE(one->tied);
    const auto* two = find(gold, "r2");
    CHECK(two->value == trltest::prefer("x", 1));
    CHECK(two->tied);
    CHECK(*two->confidence == Approx(0.5));
    CHECK(find(gold, "r3")->value == trltest::tie());
    const auto* four = find(gold, "r4");
    CHECK(four->value == trltest::prefer("y", 2));
    CHECK(four->votes == 1);
    CHECK(*four->confidence == Approx(1.0));
    CHECK(gold.fromReviewer == 0);
    CHECK(gold.table.annotators == std::vector<std::string>{"ann1", "ann2", "ann3"});
}

TEST_CASE("question gold: the reviewer's resolution wins, with or without votes", "[aggregation][gold]")
{
    GoldProject p;
    const auto r5 = p.record("r5");
    p.record("r7");
    trltest::submit(*p.project, r5, "ann1", "pref", trltest::prefer("y", 1));
    trltest::submit(*p.project, r5, "ann2", "pref", trltest::prefer("y", 2));
    p.project->resolve("r5", "rev", trltest::prefer("x", 2), "both missed the bug", "pref");
    p.project->resolve("r7", "rev", trltest::tie(), "", "pref");

    for (auto method : {quality::AggregationMethod::MajorityVote, quality::AggregationMethod::DawidSkene}) {
        const auto gold = quality::aggregateQuestion(*p.project, "pref", method);
        REQUIRE(gold.items.size() == 2);
        CHECK(gold.fromReviewer == 2);
        CHECK(gold.items[0].id == "r5");
        CHECK(gold.items[0].value == trltest::prefer("x", 2));
        CHECK(gold.items[0].source == quality::GoldSource::Reviewer);
        CHECK_FALSE(gold.items[0].confidence);
        CHECK(gold.items[0].votes == 2);
        CHECK(gold.items[1].id == "r7");
        CHECK(gold.items[1].value == trltest::tie());
        CHECK(gold.items[1].votes == 0);
    }
    // Another question's resolution does not count for this one.
    p.project->resolve("r5", "rev", {{"labels", {"good"}}}, "", "quality");
    const auto rank = quality::aggregateQuestion(*p.project, "rank", quality::AggregationMethod::MajorityVote);
    CHECK(rank.items.empty());
}

TEST_CASE("question gold: label majority and Dawid-Skene over the question's own table", "[aggregation][gold]")
{
    GoldProject p;
    const std::vector<std::vector<const char*>> votes = {
        {"good", "good", "bad"}, {"bad", "bad", "bad"}, {"good", "bad", nullptr}, {"good", "good", "good"}};
    for (std::size_t i = 0; i < votes.size(); ++i) {
        const auto key = p.record("l" + std::to_string(i + 1));
        for (std::size_t a = 0; a < votes[i].size(); ++a) {
            if (votes[i][a]) {
                trltest::submit(*p.project, key, "ann" + std::to_string(a + 1), "quality", {{"labels", {votes[i][a]}}});
            }
        }
    }
    const auto majority = quality::aggregateQuestion(*p.project, "quality", quality::AggregationMethod::MajorityVote);
    REQUIRE(majority.items.size() == 4);
    CHECK(majority.items[0].value == json{{"labels", {"good"}}});
    CHECK(*majority.items[0].confidence == Approx(2.0 / 3.0));
    CHECK(majority.items[1].value == json{{"labels", {"bad"}}});
    CHECK(majority.items[2].value == json{{"labels", {"good"}}}); // 1:1, the first label
    CHECK(majority.items[2].tied);
    CHECK(majority.items[3].value == json{{"labels", {"good"}}});

    // Dawid–Skene on the project's question gives what dawidSkene gives on the same table by hand.
    quality::RatingTable table;
    table.items = {"l1", "l2", "l3", "l4"};
    table.annotators = {"ann1", "ann2", "ann3"};
    table.values = {"good", "bad"};
    table.numeric = {std::nan(""), std::nan("")};
    table.ratings = {{0, 0, 0}, {0, 1, 0}, {0, 2, 1}, {1, 0, 1}, {1, 1, 1}, {1, 2, 1},
                     {2, 0, 0}, {2, 1, 1}, {3, 0, 0}, {3, 1, 0}, {3, 2, 0}};
    const auto direct = quality::dawidSkene(table);
    const auto ds = quality::aggregateQuestion(*p.project, "quality", quality::AggregationMethod::DawidSkene);
    CHECK(ds.method == "dawid-skene");
    REQUIRE(ds.items.size() == 4);
    for (std::size_t i = 0; i < 4; ++i) {
        CHECK(ds.items[i].value == json{{"labels", {table.values[direct.items[i].value]}}});
        CHECK(*ds.items[i].confidence == Approx(direct.items[i].confidence));
    }
    CHECK(ds.items[1].value == json{{"labels", {"bad"}}}); // unanimous
    CHECK(ds.items[3].value == json{{"labels", {"good"}}});
    CHECK(ds.aggregation.annotators[0].accuracy == Approx(direct.annotators[0].accuracy));
}

TEST_CASE("question gold: rating majority over the scale", "[aggregation][gold]")
{
    GoldProject p;
    const auto key = p.record("s1");
    trltest::submit(*p.project, key, "ann1", "score", {{"rating", 4}});
    trltest::submit(*p.project, key, "ann2", "score", {{"rating", 4}});
    trltest::submit(*p.project, key, "ann3", "score", {{"rating", 2}});
    const auto gold = quality::aggregateQuestion(*p.project, "score", quality::AggregationMethod::MajorityVote);
    REQUIRE(gold.items.size() == 1);
    CHECK(gold.items[0].value == json{{"rating", 4}});
    CHECK(gold.table.values == std::vector<std::string>{"1", "2", "3", "4", "5"});
}

TEST_CASE("question gold: mean rank (Borda) with ties and missing rankings", "[aggregation][gold]")
{
    // Expected ranks: tests/reference/mean_rank.py (scipy's rankdata(means, method="min")),
    // run with /usr/bin/python3:
    //   k1 means [1.3333, 2.0, 2.6667] ranks [1, 2, 3]
    //   k2 means [1.3333, 1.3333, 3.0] ranks [1, 1, 3]
    //   k3 means [3.0, 1.0, 2.0] ranks [3, 1, 2]
    //   k4 means [2.0, 1.0, 2.0] ranks [2, 1, 2]
    GoldProject p;
    const auto k1 = p.record("k1"), k2 = p.record("k2"), k3 = p.record("k3"), k4 = p.record("k4");
    trltest::submit(*p.project, k1, "ann1", "rank", ranks(1, 2, 3));
    trltest::submit(*p.project, k1, "ann2", "rank", ranks(2, 1, 3));
    trltest::submit(*p.project, k1, "ann3", "rank", ranks(1, 3, 2));
    trltest::submit(*p.project, k2, "ann1", "rank", ranks(1, 2, 3));
    trltest::submit(*p.project, k2, "ann2", "rank", ranks(2, 1, 3));
    trltest::submit(*p.project, k2, "ann3", "rank", ranks(1, 1, 3));
    trltest::submit(*p.project, k3, "ann1", "rank", ranks(3, 1, 2));
    p.project->answer(k3, "ann2", "rank", ranks(1, 2, 3)); // a draft: missing from the mean
    trltest::submit(*p.project, k4, "ann1", "rank", ranks(1, 1, 3));
    trltest::submit(*p.project, k4, "ann2", "rank", ranks(3, 1, 1));

    const auto gold = quality::aggregateQuestion(*p.project, "rank", quality::AggregationMethod::MajorityVote);
    CHECK(gold.method == "mean-rank");
    REQUIRE(gold.items.size() == 4);
    CHECK(gold.items[0].value == ranks(1, 2, 3));
    CHECK_FALSE(gold.items[0].tied);
    CHECK(*gold.items[0].confidence == Approx(1.0 / 3.0)); // only ann1's ranking orders every pair so
    CHECK(gold.items[1].value == ranks(1, 1, 3));
    CHECK(gold.items[1].tied);
    CHECK(*gold.items[1].confidence == Approx(1.0 / 3.0)); // ann3's x = y < z
    CHECK(gold.items[2].value == ranks(3, 1, 2));
    CHECK(gold.items[2].votes == 1);
    CHECK(*gold.items[2].confidence == Approx(1.0));
    CHECK(gold.items[3].value == ranks(2, 1, 2));
    CHECK(gold.items[3].tied);
    CHECK(*gold.items[3].confidence == Approx(0.0));

    CHECK_THROWS_WITH(quality::aggregateQuestion(*p.project, "rank", quality::AggregationMethod::DawidSkene),
                      Catch::Contains("mean rank"));
}

TEST_CASE("question gold: kinds that are not aggregated, and unknown questions", "[aggregation][gold]")
{
    GoldProject p;
    CHECK_THROWS_WITH(quality::aggregateQuestion(*p.project, "note", quality::AggregationMethod::MajorityVote),
                      Catch::Contains("text question") &&
                          Catch::Contains("label, rating, preference and ranking questions"));
    CHECK_THROWS_AS(quality::aggregateQuestion(*p.project, "nope", quality::AggregationMethod::MajorityVote),
                    SettingError);
}
