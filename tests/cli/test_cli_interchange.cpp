// concord-cli import --format labelstudio|prodigy|spacy|conll|hf|labeled-csv: labelled data
// from other tools into a project, run on real files as a user would; a Label Studio export
// (tasks, label_config.xml, README) and back.
#include "core/store/Project.hpp"
#include "tests/cli/CliTestSupport.hpp"
#include "tests/support/RunCommand.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <map>

using namespace concord;
using nlohmann::json;
using test::cli;
using test::quoted;
using test::runCommand;
using test::writeFile;

namespace {

// 😀 Ann in תל אביב: Ann is code points 2..5, תל אביב 9..16 (Label Studio counts code points too).
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
                            {"value", {{"start", 2}, {"end", 5}, {"text", "Ann"}, {"labels", {"PER"}}}}},
                           {{"from_name", "label"},
                            {"to_name", "text"},
                            {"type", "labels"},
                            {"value", {{"start", 9}, {"end", 16}, {"labels", {"LOC"}}}}}}}}}}}});
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
    // The second task's value.text is not what its offsets cover.
    const json tasks = json::array(
        {{{"data", {{"text", "Ann"}, {"id", "ok"}}},
          {"annotations",
           {{{"result", {{{"type", "labels"}, {"value", {{"start", 0}, {"end", 3}, {"labels", {"PER"}}}}}}}}}}},
         {{"data", {{"text", kText}, {"id", "bad"}}},
          {"annotations",
           {{{"result",
              {{{"type", "labels"},
                {"value", {{"start", 2}, {"end", 5}, {"text", "Bob"}, {"labels", {"PER"}}}}}}}}}}}});
    writeFile(dir.file("tasks.json"), tasks.dump());
    const auto result = cli("import " + quoted(project) + " " + quoted(dir.file("tasks.json")) +
                            " --format labelstudio --annotator me");
    CHECK(result.exitCode == 3);
    CHECK_THAT(result.output, Catch::Contains("task 2 (record 'bad'): field 'annotations[0].result[0].value.text': "
                                              "is \"Bob\" but code points 2..5 cover \"Ann\""));
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

namespace {

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// Every annotation of a project file: "sample id / annotator" → value.
std::map<std::string, json> annotationsOf(const std::string& path)
{
    auto project = Project::open(path);
    std::map<std::string, json> out;
    project->annotations().forEach([&](const Annotation& annotation) {
        out[project->samples().findByKey(annotation.sample)->id + " / " + annotation.annotator] =
            json::parse(annotation.value);
    });
    return out;
}

} // namespace

TEST_CASE("cli: a Label Studio export holds label_config.xml, says how to use it, and comes back whole",
          "[cli][interchange][labelstudio]")
{
    test::TempDir dir;
    struct Kind
    {
        std::string name;
        std::string init;
        std::vector<json> values; // alice's for x0, x1, x2; bob's shifted by one
        std::string config;       // in label_config.xml
    };
    const std::vector<Kind> kinds = {
        {"multi",
         "--kind multi --labels news,sport,tech",
         {{{"labels", json::array()}}, {{"labels", {"news", "tech"}}}, {{"labels", {"sport"}}}},
         "<Choices name=\"label\" toName=\"text\" choice=\"multiple\">"},
        {"spans",
         "--kind spans --labels PER,LOC",
         {{{"spans", {{{"start", 2}, {"end", 5}, {"label", "PER"}}}}},
          {{"spans", json::array()}},
          {{"spans", {{{"start", 9}, {"end", 16}, {"label", "LOC"}}}}}},
         "<Labels name=\"label\" toName=\"text\">"},
        {"rating",
         "--kind rating --rating-min 0 --rating-max 4",
         {{{"rating", 0}}, {{"rating", 4}}, {{"rating", 2}}},
         "<Rating name=\"label\" toName=\"text\" maxRating=\"5\""},
    };
    for (const auto& kind : kinds) {
        INFO("kind " << kind.name);
        const std::string project = dir.file(kind.name + ".concord");
        REQUIRE(cli("init " + quoted(project) + " " + kind.init).exitCode == 0);
        {
            auto opened = Project::open(project);
            for (std::size_t i = 0; i < kind.values.size(); ++i) {
                const std::string id = "x" + std::to_string(i);
                REQUIRE(opened->samples().insert(id, kText + " " + std::to_string(i), "{}"));
                opened->annotate(id, "alice", kind.values[i]);
                opened->annotate(id, "bob", kind.values[(i + 1) % kind.values.size()]);
            }
        }
        const std::string out = dir.file(kind.name + "-ls");
        const auto exported = cli("export " + quoted(project) + " --format labelstudio --source raw --split 1,0,0 " +
                                  "--out-dir " + quoted(out));
        INFO(exported.output);
        REQUIRE(exported.exitCode == 0);
        CHECK_THAT(exported.output, Catch::Contains("label_config.xml"));
        const std::string config = readFile(out + "/label_config.xml");
        CHECK_THAT(config, Catch::StartsWith("<View>"));
        CHECK_THAT(config, Catch::Contains("<Text name=\"text\" value=\"$text\"/>"));
        CHECK_THAT(config, Catch::Contains(kind.config));
        const std::string readme = readFile(out + "/README.md");
        CHECK_THAT(readme, Catch::Contains("label_config.xml"));
        if (kind.name == "spans") {
            CHECK_THAT(readme, Catch::Contains("Unicode code points"));
        }
        if (kind.name == "rating") {
            CHECK_THAT(readme, Catch::Contains("rating 0 is 1 star"));
            CHECK_THAT(readme, Catch::Contains("rating 4 is 5 stars"));
        }

        const std::string back = dir.file(kind.name + "-back.concord");
        REQUIRE(cli("init " + quoted(back) + " " + kind.init).exitCode == 0);
        const auto imported =
            cli("import " + quoted(back) + " " + quoted(out + "/train.json") + " --format labelstudio");
        INFO(imported.output);
        REQUIRE(imported.exitCode == 0);
        CHECK_THAT(imported.output, Catch::StartsWith("Imported 3 samples") && Catch::Contains("with 6 annotations"));
        CHECK(annotationsOf(back) == annotationsOf(project));
    }
}

TEST_CASE("cli: a Label Studio file as it comes imports, and the import says what it left or replaced",
          "[cli][interchange][labelstudio]")
{
    test::TempDir dir;
    const std::string project = dir.file("p.concord");
    REQUIRE(cli("init " + quoted(project) + " --kind spans --labels PER,LOC").exitCode == 0);
    const auto span = [](int start, int end, const std::string& label, const std::string& type = "labels") {
        return json{{"type", type},
                    {"from_name", "label"},
                    {"to_name", "text"},
                    {"value", {{"start", start}, {"end", end}, {type, {label}}}}};
    };
    const json note = {{"type", "textarea"}, {"from_name", "note"}, {"to_name", "text"}, {"value", {{"text", {"ok"}}}}};
    const json tasks = json::array({{{"id", 1},
                                     {"data", {{"text", kText}, {"id", "s1"}, {"source", "forum"}}},
                                     {"annotations",
                                      {{{"id", 11},
                                        {"completed_by", {{"id", 1}, {"email", "ann@example.com"}}},
                                        {"updated_at", "2024-05-03T09:00:00.500000Z"},
                                        {"result", {span(2, 5, "PER"), span(0, 1, "PER", "hypertextlabels"), note}}},
                                       {{"id", 12},
                                        {"completed_by", {{"id", 1}, {"email", "ann@example.com"}}},
                                        {"updated_at", "2024-05-03T09:00:00Z"},
                                        {"result", {span(2, 5, "LOC"), span(0, 1, "PER", "hypertextlabels")}}},
                                       {{"id", 13},
                                        {"completed_by", {{"id", 2}, {"email", "rev@example.com"}}},
                                        {"ground_truth", true},
                                        {"result", {span(2, 5, "PER"), span(9, 16, "LOC")}}}}}}});
    writeFile(dir.file("tasks.json"), tasks.dump());
    const auto result =
        cli("import " + quoted(project) + " " + quoted(dir.file("tasks.json")) + " --format labelstudio");
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    CHECK_THAT(result.output,
               Catch::StartsWith("Imported 1 samples") && Catch::Contains("with 2 annotations and 1 gold value from"));
    CHECK_THAT(result.output, Catch::Contains("2 hypertextlabels results"));
    CHECK_THAT(result.output, Catch::Contains("1 textarea result"));
    CHECK_THAT(result.output, Catch::Contains("ann@example.com annotated task 1 (record 's1') 2 times; the latest"));
    CHECK(annotationOf(project, "s1", "ann@example.com") ==
          json{{"spans", {{{"start", 2}, {"end", 5}, {"label", "PER"}}}}});
    auto opened = Project::open(project);
    const auto sample = opened->samples().findById("s1");
    CHECK(json::parse(sample->meta) == json{{"source", "forum"}});
    const auto gold = opened->resolutions().get(sample->key);
    REQUIRE(gold);
    CHECK(gold->author == "rev@example.com");
    CHECK(json::parse(gold->value) == kSpans);
}
