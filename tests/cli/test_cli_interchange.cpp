// concord-cli import --format labelstudio|prodigy|spacy|conll|hf|labeled-csv: labelled data
// from other tools into a project, run on real files as a user would.
#include "core/store/Project.hpp"
#include "tests/cli/CliTestSupport.hpp"
#include "tests/support/RunCommand.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace concord;
using nlohmann::json;
using test::quoted;
using test::runCommand;
using test::cli;
using test::writeFile;

namespace {

// 😀 Ann in תל אביב: Ann is code points 2..5 (UTF-16 3..6), תל אביב 9..16 (UTF-16 10..17).
const std::string kText = "\U0001F600 Ann in \u05EA\u05DC \u05D0\u05D1\u05D9\u05D1";
const json kSpans = {
    {"spans", {{{"start", 2}, {"end", 5}, {"label", "PER"}}, {{"start", 9}, {"end", 16}, {"label", "LOC"}}}}};

json annotationOf(const std::string& project, const std::string& id, const std::string& annotator)
{
    auto opened = Project::open(project);
    const auto sample = opened->samples().findById(id);
    if (!sample) {
        return "no sample";
    }
    const auto annotation = opened->annotations().get(sample->key, annotator);
    return annotation ? json::parse(annotation->value) : json("no annotation");
}

} // namespace

TEST_CASE("cli: import labelled data from each interchange format", "[cli][interchange]")
{
    test::TempDir dir;
    const std::string spanLine =
        json{{"text", kText}, {"spans", kSpans["spans"]}, {"meta", {{"id", "s1"}}}, {"answer", "accept"}}.dump();
    const json labelStudio =
        json::array({{{"id", 1},
                      {"data", {{"text", kText}, {"id", "s1"}}},
                      {"annotations",
                       {{{"completed_by", {{"email", "ann"}}},
                         {"result",
                          {{{"from_name", "label"},
                            {"to_name", "text"},
                            {"type", "labels"},
                            {"value", {{"start", 3}, {"end", 6}, {"text", "Ann"}, {"labels", {"PER"}}}}},
                           {{"from_name", "label"},
                            {"to_name", "text"},
                            {"type", "labels"},
                            {"value", {{"start", 10}, {"end", 17}, {"labels", {"LOC"}}}}}}}}}}}});
    struct Case
    {
        std::string format;
        std::string file;
        std::string content;
        std::string annotator; // whose the annotation is after import
    };
    const std::vector<Case> cases = {
        {"labelstudio", "tasks.json", labelStudio.dump(), "ann"},
        {"prodigy", "prodigy.jsonl", spanLine + "\n", "me"},
        {"spacy", "spacy.jsonl",
         json{{"text", kText}, {"spans", kSpans["spans"]}, {"meta", {{"id", "s1"}}}}.dump() + "\n", "me"},
        {"hf", "train.jsonl", json{{"id", "s1"}, {"text", kText}, {"spans", kSpans["spans"]}}.dump() + "\n", "me"},
        {"conll", "train.conll",
         "# id = s1\n# text = " + kText +
             "\n\U0001F600\tO\nAnn\tB-PER\nin\tO\n\u05EA\u05DC\tB-LOC\n\u05D0\u05D1\u05D9\u05D1\tI-LOC\n\n",
         "me"},
        {"labeled-csv", "train.csv",
         "id,text,spans\ns1," + kText + ",\"" +
             [] {
                 std::string spans = kSpans["spans"].dump();
                 std::string out;
                 for (char c : spans) {
                     out += c == '"' ? std::string("\"\"") : std::string(1, c);
                 }
                 return out;
             }() +
             "\"\n",
         "me"},
    };
    for (const auto& c : cases) {
        INFO("format " << c.format);
        const std::string project = dir.file(c.format + ".concord");
        REQUIRE(cli("init " + quoted(project) + " --kind spans --labels PER,LOC").exitCode == 0);
        writeFile(dir.file(c.file), c.content);
        const auto imported = cli("import " + quoted(project) + " " + quoted(dir.file(c.file)) + " --format " +
                                  c.format + " --annotator me");
        INFO(imported.output);
        REQUIRE(imported.exitCode == 0);
        CHECK_THAT(imported.output, Catch::Contains("Imported 1 samples with 1 annotations"));
        CHECK(annotationOf(project, "s1", c.annotator) == kSpans);
    }
}

TEST_CASE("cli: a bad interchange file imports nothing and names the record and field", "[cli][interchange]")
{
    test::TempDir dir;
    const std::string project = dir.file("p.concord");
    REQUIRE(cli("init " + quoted(project) + " --kind spans --labels PER,LOC").exitCode == 0);
    // The second task's start falls between the halves of 😀's surrogate pair.
    const json tasks = json::array(
        {{{"data", {{"text", "Ann"}, {"id", "ok"}}},
          {"annotations",
           {{{"result", {{{"type", "labels"}, {"value", {{"start", 0}, {"end", 3}, {"labels", {"PER"}}}}}}}}}}},
         {{"data", {{"text", kText}, {"id", "bad"}}},
          {"annotations",
           {{{"result", {{{"type", "labels"}, {"value", {{"start", 1}, {"end", 6}, {"labels", {"PER"}}}}}}}}}}}});
    writeFile(dir.file("tasks.json"), tasks.dump());
    const auto result = cli("import " + quoted(project) + " " + quoted(dir.file("tasks.json")) +
                            " --format labelstudio --annotator me");
    CHECK(result.exitCode != 0);
    CHECK_THAT(result.output, Catch::Contains("task 2 (record 'bad'): field 'annotations[0].result[0].value.start'"));
    CHECK_THAT(result.output, Catch::Contains("surrogate pair"));
    CHECK(Project::open(project)->samples().count() == 0);

    // Labels that belong to nobody: a gold export imported without --annotator.
    writeFile(dir.file("gold.jsonl"),
              json{{"id", "g"}, {"text", "Ann"}, {"spans", {{{"start", 0}, {"end", 3}, {"label", "PER"}}}}}.dump() +
                  "\n");
    const auto nobody = cli("import " + quoted(project) + " " + quoted(dir.file("gold.jsonl")) + " --format hf");
    CHECK(nobody.exitCode != 0);
    CHECK_THAT(nobody.output, Catch::Contains("record 1 (id 'g'): field 'annotator'"));
    CHECK(Project::open(project)->samples().count() == 0);
}
