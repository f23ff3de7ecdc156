// RecordImport: interchange records into a project, atomically, every value validated.
#include "core/export/Formats.hpp"
#include "core/export/RecordImport.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace concord;
using namespace concord::exporting;
using nlohmann::json;

namespace {

std::unique_ptr<Project> spanProject(const test::TempDir& dir)
{
    return Project::create(dir.file("p.concord"), ProjectSettings{},
                           LabelSchema::fromJson({{"kind", "spans"}, {"labels", {"PER", "LOC"}}}));
}

const std::string kText = "\U0001F600 Ann in \u05EA\u05DC \u05D0\u05D1\u05D9\u05D1"; // 😀 Ann in תל אביב

} // namespace

TEST_CASE("record import: Label Studio tasks become samples and annotations", "[formats][import]")
{
    test::TempDir dir;
    auto project = spanProject(dir);
    // Two annotators on one task, UTF-16 offsets (😀 is two units): Ann is units 3..6 (code points 2..5), תל אביב 10..17
    // (9..16).
    const json tasks = json::array(
        {{{"id", 1},
          {"data", {{"text", kText}, {"id", "s1"}}},
          {"meta", {{"source", "ls"}}},
          {"annotations",
           {{{"completed_by", {{"email", "alice"}}},
             {"result", {{{"type", "labels"}, {"value", {{"start", 3}, {"end", 6}, {"labels", {"PER"}}}}}}}},
            {{"completed_by", 7},
             {"result",
              {{{"type", "labels"},
                {"value",
                 {{"start", 10},
                  {"end", 17},
                  {"text", "\u05EA\u05DC \u05D0\u05D1\u05D9\u05D1"},
                  {"labels", {"LOC"}}}}}}}}}}},
         {{"id", 2}, {"data", {{"text", "no labels here"}}}}});
    std::istringstream input(tasks.dump());
    const auto report = importRecordFile(*project, RecordFormat::LabelStudio, input, {"tasks.json", "fallback", true});
    CHECK(report.records == 3);
    CHECK(report.samplesAdded == 2);
    CHECK(report.samplesExisting == 1);
    CHECK(report.annotations == 2);

    const auto sample = project->samples().findById("s1");
    REQUIRE(sample);
    CHECK(json::parse(sample->meta) == json{{"source", "ls"}});
    const auto alice = project->annotations().get(sample->key, "alice");
    REQUIRE(alice);
    CHECK(json::parse(alice->value) == json{{"spans", {{{"start", 2}, {"end", 5}, {"label", "PER"}}}}});
    const auto seven = project->annotations().get(sample->key, "7");
    REQUIRE(seven);
    CHECK(json::parse(seven->value)["spans"][0]["start"] == 9);
    CHECK(json::parse(seven->value)["spans"][0]["end"] == 16);
    CHECK(project->samples().findById("2")); // the task id stands in for a missing data.id
}

TEST_CASE("record import: a bad record leaves the project as it was", "[formats][import]")
{
    test::TempDir dir;
    auto project = spanProject(dir);
    ExportSchema schema = recordSchemaOf(project->schema());
    std::vector<ExportRecord> records(2);
    records[0].id = "a";
    records[0].text = "Ann and Bob";
    records[0].spans = {{0, 3, "PER"}};
    records[1].id = "b";
    records[1].text = "Ann and Bob";
    records[1].spans = {{0, 7, "PER"}, {4, 11, "LOC"}}; // overlapping, which the schema refuses

    CHECK_THROWS_WITH(importRecords(*project, records, {"f.jsonl", "carol", true}),
                      Catch::Contains("f.jsonl: record 2 (id 'b'): field 'spans':"));
    CHECK(project->samples().count() == 0);
    CHECK(project->annotations().count() == 0);

    // Labels but nobody to own them.
    records.pop_back();
    CHECK_THROWS_WITH(importRecords(*project, records, {"f.jsonl", "", true}),
                      Catch::Contains("record 1 (id 'a'): field 'annotator'"));
    CHECK(project->samples().count() == 0);

    // The same id with another text than the project's.
    importRecords(*project, records, {"f.jsonl", "carol", true});
    records[0].text = "Ann and Bobby";
    CHECK_THROWS_WITH(importRecords(*project, records, {"g.jsonl", "carol", true}),
                      Catch::Contains("g.jsonl: record 1 (id 'a'): field 'text': differs"));

    // keepAnnotators = false: everything goes to the given annotator.
    records[0].text = "Ann and Bob";
    records[0].annotator = "zed";
    importRecords(*project, records, {"h.jsonl", "dora", false});
    const auto sample = project->samples().findById("a");
    CHECK(project->annotations().get(sample->key, "dora"));
    CHECK_FALSE(project->annotations().get(sample->key, "zed"));
}

TEST_CASE("record import: each format's file imports into a new project with the same values", "[formats][import]")
{
    test::TempDir dir;
    auto first = spanProject(dir);
    std::vector<ExportRecord> records(2);
    records[0].id = "a";
    records[0].text = kText;
    records[0].spans = {{2, 5, "PER"}, {9, 16, "LOC"}};
    records[0].annotator = "alice";
    records[1].id = "b";
    records[1].text = "Cafe\u0301";
    records[1].spans = {{0, 5, "LOC"}};
    records[1].annotator = "bob";
    for (const RecordFormat format : {RecordFormat::LabelStudio, RecordFormat::Prodigy, RecordFormat::Spacy,
                                      RecordFormat::HuggingFace, RecordFormat::Csv, RecordFormat::Conll}) {
        INFO("format " << toString(format));
        test::TempDir inner;
        auto project = Project::create(inner.file("q.concord"), ProjectSettings{}, first->schema());
        std::stringstream file;
        writeRecords(format, records, recordSchemaOf(project->schema()), file);
        importRecordFile(*project, format, file, {"file", "fallback", true});
        for (const auto& r : records) {
            const auto sample = project->samples().findById(r.id);
            REQUIRE(sample);
            CHECK(sample->text == r.text);
            const auto annotation = project->annotations().get(sample->key, r.annotator);
            REQUIRE(annotation);
            CHECK(json::parse(annotation->value) == valueOfRecord(r, TaskKind::Spans));
        }
    }
}
