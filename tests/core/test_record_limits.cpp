// The sizes a row may have (core/model/RecordLimits.hpp) at their real values: measured as JSON,
// nested depth counted without recursion, values with unknown fields refused for every task
// kind, and the importer refusing oversized or deeply nested records by file:line.
#include "core/io/BoundedJson.hpp"
#include "core/io/Importer.hpp"
#include "core/io/JsonlReader.hpp"
#include "core/model/RecordLimits.hpp"
#include "core/util/Error.hpp"
#include "tests/core/ReaderTestSupport.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace concord;

namespace {

std::string nested(char open, char close, std::size_t depth)
{
    return std::string(depth, open) + std::string(depth, close);
}

} // namespace

TEST_CASE("a text is measured as its JSON encoding", "[limits]")
{
    CHECK(jsonEncodedSize("plain") == 5);
    CHECK(jsonEncodedSize("a\"b\\c") == 7);
    CHECK(jsonEncodedSize("line\nbreak\ttab") == 16);
    CHECK(jsonEncodedSize(std::string(1, '\x01')) == 6); // \u0001
    CHECK(jsonEncodedSize("caf\xC3\xA9") == 5);          // UTF-8 is written as it is
    // The same encoding nlohmann writes.
    const std::string awkward = std::string("x\x01\x1f\"\\\n\r\b\f\t\x7f", 12) + "\xF0\x9F\x99\x82";
    CHECK(jsonEncodedSize(awkward) == nlohmann::json(awkward).dump().size() - 2);

    RecordLimits limits;
    CHECK_FALSE(textOverLimit(std::string(limits::kDefaultTextBytes, 'a'), limits));
    // A text of 200 KiB of control characters is 1.2 MB as JSON: over the 1 MiB limit.
    const auto problem = textOverLimit(std::string(200 * 1024, '\x02'), limits);
    REQUIRE(problem);
    CHECK_THAT(*problem, Catch::Contains("1228800 bytes as JSON") && Catch::Contains("1048576"));
}

TEST_CASE("nesting is counted without recursion, and bounded before parsing", "[limits]")
{
    CHECK(jsonDepth(nlohmann::json(3)) == 0);
    CHECK(jsonDepth(nlohmann::json::array()) == 1);
    CHECK(jsonDepth(nlohmann::json::parse(R"({"a":[1,{"b":[]}],"c":{}})")) == 4);
    CHECK(jsonDepth(nlohmann::json::parse(nested('[', ']', 64))) == 64);

    CHECK_FALSE(io::nestsDeeperThan(nested('[', ']', 64), 64));
    CHECK(io::nestsDeeperThan(nested('[', ']', 65), 64));
    CHECK_FALSE(io::nestsDeeperThan(R"({"a":"[[[[[[[[[[\"[[["})", 2)); // brackets in strings do not count
    CHECK_THROWS_WITH(io::parseBoundedJson(nested('{', '}', 1) + nested('[', ']', 100'000), 64),
                      Catch::Contains("nests deeper than 64 levels"));

    RecordLimits limits;
    const auto deep = nlohmann::json::parse("{\"m\":" + nested('[', ']', limits::kMetadataDepth) + "}");
    CHECK(metadataOverLimit(deep, deep.dump().size(), limits));
    const auto fits = nlohmann::json::parse("{\"m\":" + nested('[', ']', limits::kMetadataDepth - 1) + "}");
    CHECK_FALSE(metadataOverLimit(fits, fits.dump().size(), limits));
}

TEST_CASE("values carry only their schema's fields and at most 1 MiB", "[limits][schema]")
{
    const auto spans = LabelSchema::fromNames(TaskKind::Spans, {"PER"});
    const std::string text = "Ann works";
    CHECK_NOTHROW(spans.validate(nlohmann::json::parse(R"({"spans":[{"start":0,"end":3,"label":"PER"}]})"), text));
    CHECK_THROWS_WITH(spans.validate(nlohmann::json::parse(R"({"spans":[],"x":"y"})"), text),
                      Catch::Contains("field 'x'"));
    CHECK_THROWS_WITH(
        spans.validate(nlohmann::json::parse(R"({"spans":[{"start":0,"end":3,"label":"PER","note":"n"}]})"), text),
        Catch::Contains("span 1: field 'note'"));

    const auto rating = LabelSchema::fromJson({{"kind", "rating"}, {"rating", {{"min", 1}, {"max", 5}}}});
    CHECK_THROWS_WITH(rating.validate({{"rating", 3}, {"why", "because"}}, text), Catch::Contains("field 'why'"));
    const auto single = LabelSchema::fromNames(TaskKind::Single, {"pos", "neg"});
    CHECK_THROWS_WITH(single.validate({{"labels", {"pos"}}, {"x", 1}}, text), Catch::Contains("field 'x'"));

    // 40,000 one-character spans on a long text: valid spans, but 1.4 MB of value.
    const std::string longText(80'000, 'a');
    nlohmann::json many = {{"spans", nlohmann::json::array()}};
    for (int i = 0; i < 40'000; ++i) {
        many["spans"].push_back({{"start", 2 * i}, {"end", 2 * i + 1}, {"label", "PER"}});
    }
    CHECK_THROWS_WITH(spans.validate(many, longText), Catch::Contains("more than the limit of 1048576 bytes"));
}

TEST_CASE("the importer refuses records past the limits by line, at the real sizes", "[limits][import]")
{
    test::TempDir dir;
    auto project = Project::create(dir.file("p.concord"), ProjectSettings{},
                                   LabelSchema::fromNames(TaskKind::Single, {"pos", "neg"}));
    const std::string metaOf28 = nested('[', ']', 28);
    std::string input;
    input += R"({"id":"ok","text":"fine","m":)" + metaOf28 + "}\n";                             // 29 levels: fits
    input += R"({"id":"deep","text":"t","m":[)" + metaOf28 + "]}\n";                            // 30
    input += R"({"id":"big","text":")" + std::string(limits::kDefaultTextBytes, 'b') + "\"}\n"; // exactly 1 MiB: fits
    input += R"({"id":"bigger","text":")" + std::string(limits::kDefaultTextBytes + 1, 'b') + "\"}\n";
    input += R"({"id":"meta","text":"t","m":")" + std::string(limits::kMetadataBytes, 'm') + "\"}\n";
    input += R"({"id":")" + std::string(limits::kIdBytes + 1, 'i') +
             R"(","text":"t"})"
             "\n";
    input += R"({"id":"crash","text":"t","m":)" + nested('[', ']', 100'000) + "}\n";
    std::istringstream stream(input);
    io::JsonlReader reader(stream);
    io::ImportOptions options;
    options.sourceName = "limits.jsonl";
    options.skipInvalid = true;
    const auto report = io::Importer(*project, options).run(reader);
    CHECK(report.imported == 2);
    REQUIRE(report.problems.size() == 5);
    CHECK(report.problems[0].line == 2);
    CHECK_THAT(report.problems[0].message, Catch::Contains("nests 30 levels") && Catch::Contains("29"));
    CHECK(report.problems[1].line == 4);
    CHECK_THAT(report.problems[1].message, Catch::Contains("field 'text'") && Catch::Contains("1048577 bytes"));
    CHECK(report.problems[2].line == 5);
    CHECK_THAT(report.problems[2].message, Catch::Contains("metadata takes"));
    CHECK(report.problems[3].line == 6);
    CHECK_THAT(report.problems[3].message, Catch::Contains("(the id) has 1025 bytes"));
    CHECK(report.problems[4].line == 7);
    CHECK_THAT(report.problems[4].message, Catch::Contains("nests deeper than 64 levels"));
}

TEST_CASE("a project's largest text is a setting within what a frame carries", "[limits][project]")
{
    test::TempDir dir;
    ProjectSettings settings;
    settings.maxTextBytes = 2048;
    auto project =
        Project::create(dir.file("p.concord"), settings, LabelSchema::fromNames(TaskKind::Single, {"pos", "neg"}));
    CHECK(project->recordLimits().textBytes == 2048);
    CHECK(Project::open(dir.file("p.concord"))->settings().maxTextBytes == 2048);
    settings.maxTextBytes = limits::kMaxTextBytes + 1;
    CHECK_THROWS_WITH(project->saveSettings(settings), Catch::Contains("max_text_bytes"));
}
