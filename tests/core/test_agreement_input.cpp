// Building agreement input: triples, the item,annotator,value CSV loader, value order, and
// reading a project's annotations of each task kind.
#include "AgreementTestSupport.hpp"

#include "core/quality/agreement/ProjectRatings.hpp"
#include "core/quality/agreement/TriplesCsv.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <sstream>

using namespace concord;
using namespace concord::quality;

namespace {

RatingTable readRatingsCsv(const std::string& text, const ValueOrder& order = {})
{
    std::istringstream input(text);
    return readTriplesCsv(input, "t.csv", order);
}

} // namespace

TEST_CASE("triples: numbers in numeric order, other values in order of first appearance, or as listed",
          "[agreement][input]")
{
    const RatingTable numbers = ratingTableFromTriples({{"a", "x", "10"}, {"a", "y", "9"}, {"b", "x", "-1.5"}});
    CHECK(numbers.values == std::vector<std::string>{"-1.5", "9", "10"});
    CHECK(numbers.numeric == std::vector<double>{-1.5, 9, 10});
    CHECK(numbers.allNumeric());

    const RatingTable labels = ratingTableFromTriples({{"a", "x", "pos"}, {"a", "y", "neg"}, {"b", "x", "10"}});
    CHECK(labels.values == std::vector<std::string>{"pos", "neg", "10"});
    CHECK_FALSE(labels.allNumeric());
    CHECK(std::isnan(labels.numeric[0]));
    CHECK(labels.numeric[2] == 10.0);

    ValueOrder order;
    order.listed = {"low", "mid", "high"};
    const RatingTable listed = ratingTableFromTriples({{"a", "x", "high"}, {"a", "y", "low"}}, order);
    CHECK(listed.values == order.listed); // "mid" is kept though unused
    CHECK(listed.ratings[0].value == 2);
    CHECK_THROWS_WITH(ratingTableFromTriples({{"a", "x", "extreme"}}, order),
                      "the value 'extreme' is not in the given order (low, mid, high)");
    order.appendUnlisted = true;
    CHECK(ratingTableFromTriples({{"a", "x", "extreme"}}, order).values.back() == "extreme");
    order.listed = {"a", "a"};
    CHECK_THROWS_WITH(ratingTableFromTriples({{"a", "x", "a"}}, order), Catch::Contains("lists 'a' twice"));

    CHECK(parseNumber("+3") == 3.0);
    CHECK(parseNumber("1e2") == 100.0);
    CHECK_FALSE(parseNumber("inf").has_value());
    CHECK_FALSE(parseNumber("nan").has_value());
    CHECK_FALSE(parseNumber("3 ").has_value());
    CHECK_FALSE(parseNumber("+-3").has_value());
    CHECK_FALSE(parseNumber("").has_value());
}

TEST_CASE("triples: dense indices, missing values, and a pair rated twice refused", "[agreement][input]")
{
    const RatingTable table =
        ratingTableFromTriples({{"s1", "ann", "a"}, {"s2", "ann", "b"}, {"s1", "bob", ""}, {"s1", "cat", "a"}});
    CHECK(table.items == std::vector<std::string>{"s1", "s2"});
    CHECK(table.annotators == std::vector<std::string>{"ann", "bob", "cat"});
    REQUIRE(table.ratings.size() == 3); // bob's empty value is missing
    // Grouped by item, input order within an item.
    CHECK(table.ratings[0].item == 0);
    CHECK(table.ratings[1].item == 0);
    CHECK(table.ratings[1].annotator == 2);
    CHECK(table.ratings[2].item == 1);

    CHECK_THROWS_WITH(ratingTableFromTriples({{"s1", "ann", "a"}, {"s2", "ann", "a"}, {"s1", "ann", "b"}}),
                      "row 3: item 's1' and annotator 'ann' appear twice (first on row 1)");
    // A missing value still takes the pair.
    CHECK_THROWS_WITH(ratingTableFromTriples({{"s1", "ann", ""}, {"s1", "ann", "b"}}), Catch::Contains("appear twice"));
    CHECK_THROWS_WITH(ratingTableFromTriples({{"s1", "", "a"}}), "row 1: the annotator is empty");
    CHECK_THROWS_WITH(ratingTableFromTriples({{"", "x", "a"}}), "row 1: the item is empty");
    CHECK_THROWS_WITH(ratingTableFromTriples({{"s1", "x", "a\xff"}}), Catch::Contains("not valid UTF-8"));
}

TEST_CASE("CSV triples: header in any order, quotes, CRLF, BOM, blank lines, extra columns", "[agreement][input]")
{
    const RatingTable table = readRatingsCsv("\xEF\xBB\xBFnote,Value,Annotator,ITEM\r\n"
                                             "x,pos,ann,s1\r\n"
                                             "\r\n"
                                             "\"a, b\",\"say \"\"no\"\"\",\"bob\",s1\r\n"
                                             "y,,cat,s2\r\n"
                                             "z,neg,cat,\"s,3\"");
    CHECK(table.items == std::vector<std::string>{"s1", "s2", "s,3"});
    CHECK(table.annotators == std::vector<std::string>{"ann", "bob", "cat"});
    CHECK(table.values == std::vector<std::string>{"pos", "say \"no\"", "neg"});
    CHECK(table.ratings.size() == 3);
}

TEST_CASE("CSV triples: problems are named by file and line", "[agreement][input]")
{
    CHECK_THROWS_WITH(readRatingsCsv(""), "t.csv: the file is empty; expected a header row item,annotator,value");
    CHECK_THROWS_WITH(readRatingsCsv("item,rater,value\n"),
                      "t.csv:1: the header has no 'annotator' column; expected a header row item,annotator,value");
    CHECK_THROWS_WITH(readRatingsCsv("item,annotator,value\ns1,ann,a\ns2,ann\n"),
                      "t.csv:3: expected 3 fields as in the header, found 2");
    CHECK_THROWS_WITH(readRatingsCsv("item,annotator,value\ns1,ann,\"open\n"),
                      Catch::StartsWith("t.csv:2: a quoted field is not closed on its line"));
    CHECK_THROWS_WITH(readRatingsCsv("item,annotator,value\ns1,ann,\"a\"b\n"),
                      "t.csv:2: unexpected text after a closing quote");
    CHECK_THROWS_WITH(readRatingsCsv("item,annotator,value\ns1,ann,a\"b\n"),
                      "t.csv:2: a quote inside an unquoted field");
    CHECK_THROWS_WITH(readRatingsCsv("item,annotator,value\ns1,\xC3,a\n"),
                      Catch::StartsWith("t.csv:2: the annotator is not valid UTF-8"));
    CHECK_THROWS_WITH(readRatingsCsv("item,annotator,value\ns1,ann,a\ns2,ann,a\n\ns1,ann,b\n"),
                      "t.csv:5: item 's1' and annotator 'ann' appear twice (first on t.csv:2)");
    CHECK_THROWS_AS(loadTriplesCsv("/nonexistent/triples.csv"), StoreError);
}

TEST_CASE("CSV triples: the reference files load with the expected shape", "[agreement][input]")
{
    const RatingTable table = loadTriplesCsv(test::agreementData("fleiss.csv"));
    CHECK(table.items.size() == 200);
    CHECK(table.ratings.size() == 800);
    CHECK(table.annotators.size() == 8);
    auto values = table.values; // in order of first appearance
    std::sort(values.begin(), values.end());
    CHECK(values == std::vector<std::string>{"c1", "c2", "c3", "c4", "c5"});
}

namespace {

std::unique_ptr<Project> makeProject(const test::TempDir& dir, const LabelSchema& schema)
{
    auto project = Project::create(dir.file("p.concord"), ProjectSettings{}, schema);
    for (const char* id : {"s1", "s2", "s3"}) {
        project->samples().insert(id, std::string("Alice met Bob in Paris, ") + id + ".", "{}");
    }
    return project;
}

} // namespace

TEST_CASE("project: single-label values in the schema's label order", "[agreement][input]")
{
    test::TempDir dir;
    auto project = makeProject(dir, LabelSchema::fromNames(TaskKind::Single, {"pos", "neg", "neu"}));
    project->annotate("s2", "bob", {{"labels", {"neg"}}});
    project->annotate("s1", "ann", {{"labels", {"neu"}}});
    project->annotate("s1", "bob", {{"labels", {"neu"}}});
    const AgreementData data = loadProjectRatings(*project);
    CHECK(data.kind == DataKind::Labels);
    CHECK(data.table.values == std::vector<std::string>{"pos", "neg", "neu"});
    CHECK(data.table.items == std::vector<std::string>{"s1", "s2"}); // s3 has no annotations
    CHECK(data.table.ratings.size() == 3);
}

TEST_CASE("project: ratings over the whole scale in numeric order", "[agreement][input]")
{
    test::TempDir dir;
    LabelSchema schema;
    schema.kind = TaskKind::Rating;
    schema.ratingMin = 1;
    schema.ratingMax = 10;
    auto project = makeProject(dir, schema);
    project->annotate("s1", "ann", {{"rating", 10}});
    project->annotate("s1", "bob", {{"rating", 2}});
    const AgreementData data = loadProjectRatings(*project);
    CHECK(data.kind == DataKind::Ratings);
    REQUIRE(data.table.values.size() == 10);
    CHECK(data.table.values[1] == "2");
    CHECK(data.table.numeric[9] == 10.0);
}

TEST_CASE("project: multi-label sets and span annotations", "[agreement][input]")
{
    SECTION("label sets, the empty set included")
    {
        test::TempDir dir;
        auto project = makeProject(dir, LabelSchema::fromNames(TaskKind::Multi, {"a", "b", "c"}));
        project->annotate("s1", "ann", {{"labels", {"c", "a"}}});
        project->annotate("s1", "bob", {{"labels", {"a", "c"}}});
        project->annotate("s2", "ann", {{"labels", nlohmann::json::array()}});
        const AgreementData data = loadProjectRatings(*project);
        CHECK(data.kind == DataKind::Sets);
        REQUIRE(data.sets.has_value());
        CHECK(data.sets->labels == std::vector<std::string>{"a", "b", "c"});
        CHECK(data.table.values == std::vector<std::string>{"{}", "{a, c}"});
        CHECK(data.table.ratings.size() == 3);
        CHECK(data.table.ratings[0].value == data.table.ratings[1].value); // same set, any order
    }
    SECTION("spans with the sample texts")
    {
        test::TempDir dir;
        auto project = makeProject(dir, LabelSchema::fromNames(TaskKind::Spans, {"PER", "LOC"}));
        project->annotate("s1", "ann", {{"spans", {{{"start", 0}, {"end", 5}, {"label", "PER"}}}}});
        project->annotate(
            "s1", "bob",
            {{"spans",
              {{{"start", 17}, {"end", 22}, {"label", "LOC"}}, {{"start", 0}, {"end", 5}, {"label", "PER"}}}}});
        project->annotate("s2", "bob", {{"spans", nlohmann::json::array()}});
        const AgreementData data = loadProjectRatings(*project);
        CHECK(data.kind == DataKind::Spans);
        REQUIRE(data.spans.has_value());
        CHECK(data.spans->items == std::vector<std::string>{"s1", "s2"});
        CHECK(data.spans->texts[0] == "Alice met Bob in Paris, s1.");
        REQUIRE(data.spans->annotations.size() == 3);
        CHECK(data.spans->annotations[1].spans.size() == 2);
        CHECK(data.spans->annotations[1].spans[0].start == 0); // sorted
        CHECK(data.table.values == std::vector<std::string>{"[0,5) PER", "[0,5) PER; [17,22) LOC", "(no spans)"});
        CHECK(data.table.annotators == data.spans->annotators);
    }
}
