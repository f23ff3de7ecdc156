#include "core/model/LabelSchema.hpp"
#include "core/util/Error.hpp"

#include <catch2/catch.hpp>

using concord::InputError;
using concord::LabelSchema;
using concord::TaskKind;
using nlohmann::json;

namespace {

LabelSchema spans(bool allowOverlap)
{
    return LabelSchema::fromJson({{"kind", "spans"}, {"labels", {"PER", "ORG"}}, {"allow_overlap", allowOverlap}});
}

} // namespace

TEST_CASE("schema fills in colours and keys and round-trips through JSON", "[schema]")
{
    const auto schema = LabelSchema::fromJson(
        json::parse(R"({"kind":"single","labels":[{"name":"yes","key":"1"},{"name":"no","color":"#112233"}]})"));
    REQUIRE(schema.kind == TaskKind::Single);
    REQUIRE(schema.labels.size() == 2);
    CHECK(schema.labels[0].key == "1");
    CHECK(schema.labels[1].key == "2"); // "1" was taken, so the next default key
    CHECK(schema.labels[1].color == "#112233");
    CHECK(schema.labels[0].color.size() == 7);
    const auto again = LabelSchema::fromJson(schema.toJson());
    CHECK(again.toJson() == schema.toJson());
}

TEST_CASE("schema errors name the field at fault", "[schema]")
{
    CHECK_THROWS_WITH(LabelSchema::fromJson(json::parse(R"({"kind":"tree","labels":["a"]})")),
                      Catch::Contains("unknown task kind 'tree'"));
    CHECK_THROWS_WITH(LabelSchema::fromJson(json::parse(R"({"kind":"single","labels":["a","a"]})")),
                      Catch::Contains("label 'a' appears twice"));
    CHECK_THROWS_WITH(LabelSchema::fromJson(json::parse(R"({"kind":"single","labels":[]})")),
                      Catch::Contains("needs at least one label"));
    CHECK_THROWS_WITH(LabelSchema::fromJson(
                          json::parse(R"({"kind":"single","labels":[{"name":"a","key":"x"},{"name":"b","key":"x"}]})")),
                      Catch::Contains("key 'x' is given to two labels"));
    CHECK_THROWS_WITH(LabelSchema::fromJson(json::parse(R"({"kind":"single","labels":[{"name":"a","color":"red"}]})")),
                      Catch::Contains("expected #rrggbb"));
    CHECK_THROWS_WITH(LabelSchema::fromJson(json::parse(R"({"kind":"rating","rating":{"min":5,"max":1}})")),
                      Catch::Contains("min < max"));
    CHECK_THROWS_WITH(LabelSchema::fromJson(json::parse(R"({"kind":"single","labels":[3]})")),
                      Catch::Contains("labels[0]"));
}

TEST_CASE("single and multi label values are checked against the schema", "[schema]")
{
    const auto single = LabelSchema::fromNames(TaskKind::Single, {"pos", "neg"});
    CHECK_NOTHROW(single.validate({{"labels", {"pos"}}}, "text"));
    CHECK_THROWS_WITH(single.validate({{"labels", {"maybe"}}}, "text"),
                      "unknown label 'maybe' (the schema has: pos, neg)");
    CHECK_THROWS_WITH(single.validate({{"labels", {"pos", "neg"}}}, "text"), Catch::Contains("exactly one label"));
    CHECK_THROWS_WITH(single.validate(json::array(), "text"), Catch::Contains("must be a JSON object"));
    CHECK_THROWS_WITH(single.validate({{"label", "pos"}}, "text"), Catch::Contains("needs field 'labels'"));

    const auto multi = LabelSchema::fromNames(TaskKind::Multi, {"a", "b", "c"});
    CHECK_NOTHROW(multi.validate({{"labels", json::array()}}, "text"));
    CHECK_NOTHROW(multi.validate({{"labels", {"a", "c"}}}, "text"));
    CHECK_THROWS_WITH(multi.validate({{"labels", {"a", "a"}}}, "text"), Catch::Contains("given twice"));
}

TEST_CASE("span values: range, integer offsets, labels and overlap", "[schema]")
{
    // "Grüße 👋🏽 שלום": ü and ß are one code point each, the emoji and its skin-tone
    // modifier two, so the text has 13 code points.
    const std::string text = "Gr\xC3\xBC\xC3\x9F"
                             "e \xF0\x9F\x91\x8B\xF0\x9F\x8F\xBD \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D";
    const auto schema = spans(false);
    CHECK_NOTHROW(schema.validate(json::parse(R"({"spans":[{"start":0,"end":5,"label":"PER"},
                                                            {"start":9,"end":13,"label":"ORG"}]})"),
                                  text));
    CHECK_THROWS_WITH(schema.validate(json::parse(R"({"spans":[{"start":9,"end":14,"label":"PER"}]})"), text),
                      "span 1 [9, 14) is out of range: the text has 13 code points");
    CHECK_THROWS_WITH(schema.validate(json::parse(R"({"spans":[{"start":-1,"end":2,"label":"PER"}]})"), text),
                      Catch::Contains("out of range"));
    CHECK_THROWS_WITH(schema.validate(json::parse(R"({"spans":[{"start":1.5,"end":2,"label":"PER"}]})"), text),
                      Catch::Contains("must be an integer code point offset"));
    CHECK_THROWS_WITH(schema.validate(json::parse(R"({"spans":[{"start":3,"end":3,"label":"PER"}]})"), text),
                      Catch::Contains("start 3 must be before end 3"));
    CHECK_THROWS_WITH(schema.validate(json::parse(R"({"spans":[{"start":0,"end":2,"label":"LOC"}]})"), text),
                      Catch::Contains("unknown label 'LOC'"));
    const json overlapping =
        json::parse(R"({"spans":[{"start":0,"end":4,"label":"PER"},{"start":3,"end":6,"label":"ORG"}]})");
    CHECK_THROWS_WITH(schema.validate(overlapping, text),
                      "spans 1 and 2 overlap, and this schema does not allow overlapping spans");
    CHECK_NOTHROW(spans(true).validate(overlapping, text));
}

TEST_CASE("ratings must be integers on the scale", "[schema]")
{
    const auto schema = LabelSchema::fromJson({{"kind", "rating"}, {"rating", {{"min", 1}, {"max", 5}}}});
    CHECK_NOTHROW(schema.validate({{"rating", 5}}, ""));
    CHECK_THROWS_WITH(schema.validate({{"rating", 6}}, ""), "rating 6 is off the scale 1..5");
    CHECK_THROWS_WITH(schema.validate({{"rating", 0}}, ""), "rating 0 is off the scale 1..5");
    CHECK_THROWS_WITH(schema.validate({{"rating", 2.5}}, ""), Catch::Contains("needs an integer field 'rating'"));
}

TEST_CASE("shorthand values from imported files", "[schema]")
{
    const auto single = LabelSchema::fromNames(TaskKind::Single, {"0", "1"});
    CHECK(single.valueFromShorthand(1) == json{{"labels", {"1"}}});
    CHECK(single.valueFromShorthand("0") == json{{"labels", {"0"}}});
    const auto multi = LabelSchema::fromNames(TaskKind::Multi, {"a", "b"});
    CHECK(multi.valueFromShorthand("a;b") == json{{"labels", {"a", "b"}}});
    const auto rating = LabelSchema::fromJson({{"kind", "rating"}});
    CHECK(rating.valueFromShorthand("4") == json{{"rating", 4}});
    CHECK_THROWS_WITH(rating.valueFromShorthand("four"), "rating 'four' is not an integer");
}
