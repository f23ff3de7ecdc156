// RecordImport: interchange records into a project, atomically, every value validated; Label
// Studio files as its editor writes them, and the round trip through them.
#include "core/export/ExportSelection.hpp"
#include "core/export/Formats.hpp"
#include "core/export/RecordImport.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"
#include "tests/core/LabelStudioTestSupport.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <map>
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
    // Two annotators on one task, offsets in code points as Label Studio counts them: Ann is 2..5, תל אביב 9..16.
    const json tasks = json::array(
        {{{"id", 1},
          {"data", {{"text", kText}, {"id", "s1"}}},
          {"meta", {{"source", "ls"}}},
          {"annotations",
           {{{"completed_by", {{"email", "alice"}}},
             {"result", {{{"type", "labels"}, {"value", {{"start", 2}, {"end", 5}, {"labels", {"PER"}}}}}}}},
            {{"completed_by", 7},
             {"result",
              {{{"type", "labels"},
                {"value",
                 {{"start", 9},
                  {"end", 16},
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

namespace {

std::unique_ptr<Project> projectOf(const test::TempDir& dir, const std::string& name, const json& schema)
{
    return Project::create(dir.file(name + ".concord"), ProjectSettings{}, LabelSchema::fromJson(schema));
}

std::unique_ptr<Project> editorProject(const test::TempDir& dir, const std::string& name)
{
    return projectOf(dir, name, {{"kind", "spans"}, {"labels", {"PER", "LOC", "EMO", "GREETING"}}});
}

void importLabelStudio(Project& project, const json& tasks, const std::string& fallback = "fallback")
{
    std::istringstream input(tasks.dump());
    importRecordFile(project, RecordFormat::LabelStudio, input, {"tasks.json", fallback, true});
}

// Every annotation of a project: "sample id / annotator" → value.
std::map<std::string, json> annotationsOf(Project& project)
{
    std::map<std::string, json> out;
    project.annotations().forEach([&](const Annotation& annotation) {
        out[project.samples().findByKey(annotation.sample)->id + " / " + annotation.annotator] =
            json::parse(annotation.value);
    });
    return out;
}

} // namespace

TEST_CASE("record import: Label Studio's own spans store the right characters", "[formats][import][labelstudio]")
{
    const auto& cases = test::editorCases();
    for (const auto form : {test::EditorText::None, test::EditorText::Made, test::EditorText::Saved}) {
        INFO(test::nameOf(form));
        test::TempDir dir;
        auto project = editorProject(dir, "p");
        importLabelStudio(*project, test::editorTasks(form));
        for (const auto& c : cases) {
            const auto sample = project->samples().findById(c.id);
            REQUIRE(sample);
            CHECK(sample->text == c.text);
            const auto annotation = project->annotations().get(sample->key, "1"); // Label Studio's user 1
            REQUIRE(annotation);
            const json spans = json::parse(annotation->value)["spans"];
            REQUIRE(spans.size() == c.spans.size());
            for (std::size_t s = 0; s < spans.size(); ++s) {
                INFO(c.id << " span " << s);
                CHECK(test::covered(sample->text, spans[s]["start"], spans[s]["end"]) == c.spans[s].covers);
                CHECK(spans[s]["start"] == c.spans[s].start);
                CHECK(spans[s]["end"] == c.spans[s].end);
            }
        }
    }
}

TEST_CASE("record import: Concord → Label Studio JSON → Concord keeps every annotation of every kind",
          "[formats][import][labelstudio]")
{
    test::TempDir dir;
    struct Kind
    {
        std::string name;
        json schema;
        std::vector<json> values; // alice's for samples x0, x1, x2; bob's shifted by one
    };
    const json spanA = {
        {"spans", {{{"start", 0}, {"end", 5}, {"label", "EMO"}}, {{"start", 10}, {"end", 13}, {"label", "PER"}}}}};
    const std::vector<Kind> kinds = {
        {"single",
         {{"kind", "single"}, {"labels", {"pos", "neg", "neutral"}}},
         {{{"labels", {"pos"}}}, {{"labels", {"neg"}}}, {{"labels", {"neutral"}}}}},
        {"multi",
         {{"kind", "multi"}, {"labels", {"a", "b", "c"}}},
         {{{"labels", json::array()}}, {{"labels", {"a", "c"}}}, {{"labels", {"b"}}}}},
        {"spans",
         {{"kind", "spans"}, {"labels", {"PER", "LOC", "EMO", "GREETING"}}},
         {spanA, {{"spans", json::array()}}, {{"spans", {{{"start", 14}, {"end", 19}, {"label", "LOC"}}}}}}},
        {"rating-0-4",
         {{"kind", "rating"}, {"labels", json::array()}, {"rating", {{"min", 0}, {"max", 4}}}},
         {{{"rating", 0}}, {{"rating", 2}}, {{"rating", 4}}}},
        {"rating-3-7",
         {{"kind", "rating"}, {"labels", json::array()}, {"rating", {{"min", 3}, {"max", 7}}}},
         {{{"rating", 3}}, {{"rating", 7}}, {{"rating", 5}}}},
    };
    // Texts with emoji, a ZWJ sequence, a flag, 𝒜, line breaks and double spaces, each long enough
    // (19 code points or more) for every span above.
    const std::vector<std::string> texts = {
        "\U0001F468\u200D\U0001F469\u200D\U0001F467 met Bob in Paris \U0001F1EB\U0001F1F7",
        "Let \U0001D49C be Ann,\r\nthen \U0001F44D\U0001F3FD  twice", "\U0001F642 hi Ann\nline two  here"};
    for (const auto& kind : kinds) {
        INFO("kind " << kind.name);
        auto first = projectOf(dir, kind.name, kind.schema);
        for (std::size_t i = 0; i < texts.size(); ++i) {
            const std::string id = "x" + std::to_string(i);
            REQUIRE(first->samples().insert(id, texts[i], "{}"));
            first->annotate(id, "alice", kind.values[i]);
            first->annotate(id, "bob", kind.values[(i + 1) % kind.values.size()]);
        }
        const auto before = annotationsOf(*first);
        REQUIRE(before.size() == 6);

        SelectionOptions raw;
        raw.source = ExportSource::Raw;
        std::stringstream file;
        writeRecords(RecordFormat::LabelStudio, selectRecords(*first, raw).records, recordSchemaOf(first->schema()),
                     file);
        auto second = projectOf(dir, kind.name + "-back", kind.schema);
        importRecordFile(*second, RecordFormat::LabelStudio, file, {"tasks.json", "", true});
        CHECK(annotationsOf(*second) == before);
    }
}

TEST_CASE("record import: an empty multi-label answer is an empty choices result, both ways",
          "[formats][import][labelstudio]")
{
    test::TempDir dir;
    auto first = projectOf(dir, "multi", {{"kind", "multi"}, {"labels", {"a", "b"}}});
    REQUIRE(first->samples().insert("none", "none of these", "{}"));
    first->annotate("none", "alice", {{"labels", json::array()}});
    SelectionOptions raw;
    raw.source = ExportSource::Raw;
    std::ostringstream out;
    writeRecords(RecordFormat::LabelStudio, selectRecords(*first, raw).records, recordSchemaOf(first->schema()), out);
    const json tasks = json::parse(out.str());
    REQUIRE(tasks.size() == 1);
    REQUIRE(tasks[0]["annotations"].size() == 1);
    CHECK(tasks[0]["annotations"][0]["result"] == json::array({{{"id", "r1"},
                                                                {"from_name", "label"},
                                                                {"to_name", "text"},
                                                                {"type", "choices"},
                                                                {"value", {{"choices", json::array()}}},
                                                                {"origin", "manual"}}}));

    auto second = projectOf(dir, "back", {{"kind", "multi"}, {"labels", {"a", "b"}}});
    importLabelStudio(*second, tasks);
    const auto annotation = second->annotations().get(second->samples().findById("none")->key, "alice");
    REQUIRE(annotation);
    CHECK(json::parse(annotation->value) == json{{"labels", json::array()}});
}

TEST_CASE("record import: Label Studio ground truth becomes the gold value, its author the reviewer",
          "[formats][import][labelstudio]")
{
    test::TempDir dir;
    auto project = projectOf(dir, "p", {{"kind", "single"}, {"labels", {"pos", "neg"}}});
    const auto choice = [](const std::string& label) {
        return json::array(
            {{{"type", "choices"}, {"from_name", "label"}, {"to_name", "text"}, {"value", {{"choices", {label}}}}}});
    };
    const json tasks =
        json::array({{{"id", 1},
                      {"data", {{"text", "fine, I guess"}, {"id", "s1"}}},
                      {"annotations",
                       {{{"completed_by", {{"id", 3}, {"email", "alice@example.com"}}},
                         {"ground_truth", false},
                         {"result", choice("pos")}},
                        {{"completed_by", {{"id", 4}, {"email", "rev@example.com"}}},
                         {"ground_truth", true},
                         {"result", choice("neg")}}}}},
                     // Concord's own gold export: ground truth without an author; the reviewer is the fallback.
                     {{"id", 2},
                      {"data", {{"text", "great"}, {"id", "s2"}}},
                      {"annotations", {{{"ground_truth", true}, {"result", choice("pos")}}}}}});
    importLabelStudio(*project, tasks, "carol");

    const auto s1 = project->samples().findById("s1");
    const auto gold = project->resolutions().get(s1->key);
    REQUIRE(gold);
    CHECK(json::parse(gold->value) == json{{"labels", {"neg"}}});
    CHECK(gold->author == "rev@example.com");
    // The annotation stays its author's too, as it is in Label Studio.
    CHECK(project->annotations().get(s1->key, "rev@example.com"));
    CHECK(project->annotations().get(s1->key, "alice@example.com"));

    const auto s2 = project->samples().findById("s2");
    const auto gold2 = project->resolutions().get(s2->key);
    REQUIRE(gold2);
    CHECK(json::parse(gold2->value) == json{{"labels", {"pos"}}});
    CHECK(gold2->author == "carol");
    CHECK(project->annotations().forSample(s2->key).empty());
}

TEST_CASE("record import: what Label Studio writes in the wild", "[formats][import][labelstudio]")
{
    test::TempDir dir;
    auto project = editorProject(dir, "p");
    const auto span = [](int start, int end, const std::string& label) {
        return json{{"type", "labels"},
                    {"from_name", "label"},
                    {"to_name", "text"},
                    {"value", {{"start", start}, {"end", end}, {"labels", {label}}}}};
    };
    const json hypertext = {{"type", "hypertextlabels"},
                            {"from_name", "html"},
                            {"to_name", "page"},
                            {"value",
                             {{"start", "/p[1]/text()[1]"},
                              {"end", "/p[1]/text()[1]"},
                              {"startOffset", 0},
                              {"endOffset", 3},
                              {"hypertextlabels", {"PER"}}}}};
    const json tasks =
        json::array({{{"id", 7},
                      {"data",
                       {{"text", "\U0001F642 hi Ann"},
                        {"id", "s1"},
                        {"source", "forum"},
                        {"url", "https://example.org/1"},
                        {"score", 0.5}}},
                      {"meta", {{"batch", 2}}},
                      // User 1 annotated the task twice (Label Studio allows it): the later update wins, though
                      // it comes first in the file and has the lower id.
                      {"annotations",
                       {{{"id", 21},
                         {"completed_by", 1},
                         {"created_at", "2024-05-02T10:00:00Z"},
                         {"updated_at", "2024-05-03T09:00:00.5Z"},
                         {"result", {span(5, 8, "PER"), hypertext}}},
                        {{"id", 20},
                         {"completed_by", 1},
                         {"created_at", "2024-05-02T09:00:00Z"},
                         {"updated_at", "2024-05-03T09:00:00Z"}, // half a second earlier
                         {"result", {span(5, 8, "LOC"), hypertext}}},
                        {{"id", 22}, {"completed_by", 2}, {"was_cancelled", true}, {"result", json::array()}}}}}});
    importLabelStudio(*project, tasks);

    const auto sample = project->samples().findById("s1");
    REQUIRE(sample);
    CHECK(json::parse(sample->meta) ==
          json{{"source", "forum"}, {"url", "https://example.org/1"}, {"score", 0.5}, {"batch", 2}});
    const auto alice = project->annotations().get(sample->key, "1");
    REQUIRE(alice);
    CHECK(json::parse(alice->value) == json{{"spans", {{{"start", 5}, {"end", 8}, {"label", "PER"}}}}});
    CHECK_FALSE(project->annotations().get(sample->key, "2")); // cancelled
}
