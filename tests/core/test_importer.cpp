#include "core/io/Importer.hpp"
#include "core/util/Error.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace concord;
using nlohmann::json;

namespace {

struct Fixture
{
    test::TempDir dir;
    std::unique_ptr<Project> project;

    explicit Fixture(const json& schema = {{"kind", "single"}, {"labels", {"pos", "neg"}}})
    {
        project = Project::create(dir.file("p.concord"), ProjectSettings{}, LabelSchema::fromJson(schema));
    }

    io::ImportReport import(const std::string& data, io::Format format, io::ImportOptions options = {},
                            std::vector<io::ImportProblem>* rejected = nullptr)
    {
        std::istringstream input(data);
        auto reader = io::makeReader(format, input);
        io::Importer importer(*project, options);
        return importer.run(*reader, {}, [&](const io::ImportProblem& problem) {
            if (rejected != nullptr) {
                rejected->push_back(problem);
            }
        });
    }
};

io::ImportOptions withLabels(bool skipInvalid = false)
{
    io::ImportOptions options;
    options.sourceName = "data.jsonl";
    options.labelField = "label";
    options.annotator = "uci";
    options.skipInvalid = skipInvalid;
    return options;
}

} // namespace

TEST_CASE("JSONL import stores text, id, metadata and existing labels", "[import]")
{
    Fixture f;
    const auto report = f.import(R"({"id":"r1","text":"great","label":"pos","source":"web","stars":5}
{"id":7,"text":"awful","label":"neg"}
{"text":"no label and no id"}
)",
                                 io::Format::Jsonl, withLabels());
    REQUIRE(report.committed);
    CHECK(report.imported == 3);
    CHECK(report.labeled == 2);
    const auto r1 = f.project->samples().findById("r1");
    REQUIRE(r1);
    CHECK(json::parse(r1->meta) == json{{"source", "web"}, {"stars", 5}});
    CHECK(f.project->samples().findById("7"));      // integer ids become strings
    CHECK(f.project->samples().findById("data-3")); // generated: file stem and line
    CHECK(f.project->annotations().get(r1->key, "uci")->value == R"({"labels":["pos"]})");
}

TEST_CASE("invalid UTF-8 is reported with its line and nothing is imported", "[import]")
{
    Fixture f;
    const std::string data = "{\"id\":\"a\",\"text\":\"fine\"}\n{\"id\":\"b\",\"text\":\"caf\xE9\"}\n";
    const auto report = f.import(data, io::Format::Jsonl);
    CHECK_FALSE(report.committed);
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0].line == 2);
    CHECK_THAT(report.problems[0].message, Catch::Contains("invalid UTF-8"));
    CHECK(f.project->samples().count() == 0);
}

TEST_CASE("CSV with a BOM and quoted fields holding newlines imports whole records", "[import]")
{
    Fixture f;
    const std::string data = "\xEF\xBB\xBFid,text,label\r\n"
                             "a,\"first line\nsecond line, with comma\",pos\r\n"
                             "b,\"she said \"\"hi\"\"\",neg\r\n";
    io::ImportOptions options = withLabels();
    const auto report = f.import(data, io::Format::Csv, options);
    REQUIRE(report.committed);
    CHECK(report.imported == 2);
    CHECK(f.project->samples().findById("a")->text == "first line\nsecond line, with comma");
    CHECK(f.project->samples().findById("b")->text == "she said \"hi\"");
    // The BOM is not part of the first header name: "id" was found as the id field.
    CHECK(f.project->samples().findById("a")->meta == "{}");
}

TEST_CASE("a CSV error after a quoted newline names the physical line", "[import]")
{
    Fixture f;
    const std::string data = "id,text\n"
                             "a,\"two\nlines\"\n"
                             "a,duplicate\n";
    const auto report = f.import(data, io::Format::Csv);
    CHECK_FALSE(report.committed);
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0].line == 4);
    CHECK_THAT(report.problems[0].message, Catch::Contains("duplicate id 'a'"));
}

TEST_CASE("duplicate ids, in the file or already in the project, are refused", "[import]")
{
    Fixture f;
    REQUIRE(f.import(R"({"id":"x","text":"one"})", io::Format::Jsonl).committed);
    const auto report = f.import("{\"id\":\"y\",\"text\":\"two\"}\n{\"id\":\"y\",\"text\":\"three\"}\n"
                                 "{\"id\":\"x\",\"text\":\"four\"}\n",
                                 io::Format::Jsonl);
    CHECK_FALSE(report.committed);
    REQUIRE(report.problems.size() == 2);
    CHECK(report.problems[0].line == 2);
    CHECK(report.problems[0].message == "duplicate id 'y' (already in the project or earlier in the file)");
    CHECK(report.problems[1].line == 3);
    CHECK(f.project->samples().count() == 1); // the earlier import is untouched
}

TEST_CASE("a span over the end of the text is refused with the text's length", "[import]")
{
    Fixture f({{"kind", "spans"}, {"labels", {"PER"}}});
    const auto report = f.import(R"({"id":"s","text":"Ada","label":[{"start":0,"end":4,"label":"PER"}]})",
                                 io::Format::Jsonl, withLabels());
    CHECK_FALSE(report.committed);
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0].message == "field 'label': span 1 [0, 4) is out of range: the text has 3 code points");
}

TEST_CASE("missing, empty and wrongly typed fields are named", "[import]")
{
    Fixture f;
    const auto report = f.import("{\"id\":\"a\",\"body\":\"x\"}\n"
                                 "{\"id\":\"b\",\"text\":\"   \"}\n"
                                 "{\"id\":\"c\",\"text\":42}\n"
                                 "{\"id\":[1],\"text\":\"t\"}\n"
                                 "[1,2]\n",
                                 io::Format::Jsonl);
    REQUIRE(report.problems.size() == 5);
    CHECK(report.problems[0].message ==
          "no field 'text' for the text (fields: body, id); choose the field that holds the text");
    CHECK(report.problems[1].message == "field 'text' is empty");
    CHECK(report.problems[2].message == "field 'text' is a number, expected a string");
    CHECK(report.problems[3].message == "field 'id' (the id) is an array, expected a string or an integer");
    CHECK_THAT(report.problems[4].message, Catch::Contains("expected a JSON object"));
}

TEST_CASE("with skipInvalid the good records go in and the bad ones are handed back", "[import]")
{
    Fixture f;
    std::vector<io::ImportProblem> rejected;
    const auto report = f.import("{\"id\":\"a\",\"text\":\"ok\",\"label\":\"pos\"}\n"
                                 "{\"id\":\"b\",\"text\":\"ok\",\"label\":\"maybe\"}\n"
                                 "{broken\n"
                                 "{\"id\":\"c\",\"text\":\"ok\"}\n",
                                 io::Format::Jsonl, withLabels(true), &rejected);
    CHECK(report.committed);
    CHECK(report.imported == 2);
    REQUIRE(rejected.size() == 2);
    CHECK(rejected[0].line == 2);
    CHECK(rejected[0].message == "field 'label': unknown label 'maybe' (the schema has: pos, neg)");
    CHECK(rejected[1].line == 3);
    CHECK(rejected[1].raw == "{broken");
    // The rejected labeled record left no sample behind.
    CHECK_FALSE(f.project->samples().findById("b"));
}

TEST_CASE("the report keeps the first 100 problems and counts the rest", "[import]")
{
    Fixture f;
    std::string data;
    for (int i = 0; i < 250; ++i) {
        data += "not json\n";
    }
    const auto report = f.import(data, io::Format::Jsonl);
    CHECK(report.problemCount == 250);
    CHECK(report.problems.size() == 100);
    CHECK(report.problems.back().line == 100);
}

TEST_CASE("plain text imports a sample per non-blank line", "[import]")
{
    Fixture f;
    io::ImportOptions options;
    options.sourceName = "notes.txt";
    const auto report = f.import("first\n\nsecond\r\n", io::Format::Text, options);
    REQUIRE(report.committed);
    CHECK(report.imported == 2);
    CHECK(f.project->samples().findById("notes-3")->text == "second");
}

TEST_CASE("labels need an annotator", "[import]")
{
    Fixture f;
    io::ImportOptions options;
    options.labelField = "label";
    CHECK_THROWS_WITH(f.import("{}", io::Format::Jsonl, options), Catch::Contains("needs the name of the annotator"));
}
