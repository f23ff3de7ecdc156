// What a dataset export holds: gold over aggregate, majority against Dawid–Skene, the minimum
// agreement, raw labels and the signal restriction, on real project files.
#include "core/export/DatasetExporter.hpp"
#include "core/export/ExportSelection.hpp"
#include "core/export/LabelMap.hpp"
#include "core/quality/aggregation/Aggregation.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace concord;
using namespace concord::exporting;
using nlohmann::json;

namespace {

std::unique_ptr<Project> makeProject(const std::string& path, TaskKind kind, const std::vector<std::string>& labels)
{
    ProjectSettings settings;
    settings.name = "reviews";
    settings.overlap = 3;
    return Project::create(path, settings, LabelSchema::fromNames(kind, labels), [] { return 1000; });
}

void addSample(Project& project, const std::string& id, const std::string& text, const std::string& meta = "{}")
{
    REQUIRE(project.samples().insert(id, text, meta).has_value());
}

json label(const std::string& name)
{
    return json{{"labels", {name}}};
}

const ExportRecord* find(const Selection& selection, const std::string& id, const std::string& annotator = "")
{
    for (const auto& record : selection.records) {
        if (record.id == id && record.annotator == annotator) {
            return &record;
        }
    }
    return nullptr;
}

// s1: gold neg over a pos majority; s2: pos by 2 of 3; s3: nobody; s4: one neg.
std::unique_ptr<Project> smallProject(const test::TempDir& dir)
{
    auto project = makeProject(dir.file("p.concord"), TaskKind::Single, {"pos", "neg", "neu"});
    addSample(*project, "s1", "first text", R"({"src":"web"})");
    addSample(*project, "s2", "second text");
    addSample(*project, "s3", "third text");
    addSample(*project, "s4", "fourth text");
    for (const char* id : {"s1", "s2"}) {
        project->annotate(id, "a", label("pos"));
        project->annotate(id, "b", label("pos"));
        project->annotate(id, "c", label("neg"));
    }
    project->annotate("s4", "a", label("neg"));
    project->resolve("s1", "rev", label("neg"), "checked");
    return project;
}

} // namespace

TEST_CASE("export selection: gold beats the aggregate, unlabeled samples are left out", "[export]")
{
    test::TempDir dir;
    auto project = smallProject(dir);
    const Selection selection = selectRecords(*project, {});
    REQUIRE(selection.records.size() == 3);
    CHECK(selection.samples == 4);
    CHECK(selection.gold == 1);
    CHECK(selection.aggregated == 2);
    CHECK(selection.unlabeled == 1);
    const auto* s1 = find(selection, "s1");
    REQUIRE(s1 != nullptr);
    CHECK(s1->labels == std::vector<std::string>{"neg"});
    CHECK(s1->source == "gold");
    CHECK_FALSE(s1->confidence.has_value());
    CHECK(s1->text == "first text");
    CHECK(s1->metadata == json::object()); // metadata only when asked for
    const auto* s2 = find(selection, "s2");
    REQUIRE(s2 != nullptr);
    CHECK(s2->labels == std::vector<std::string>{"pos"});
    CHECK(s2->source == "majority");
    REQUIRE(s2->confidence.has_value());
    CHECK(*s2->confidence == Approx(2.0 / 3.0));
    CHECK(find(selection, "s3") == nullptr);
    CHECK(selection.records[0].id == "s1"); // sample order
    CHECK(selection.schema.labels == std::vector<std::string>{"pos", "neg", "neu"});

    SelectionOptions withMeta;
    withMeta.includeMetadata = true;
    const Selection withMetadata = selectRecords(*project, withMeta);
    CHECK(find(withMetadata, "s1")->metadata == json{{"src", "web"}});
}

TEST_CASE("export selection: the minimum agreement drops weak aggregates, never gold", "[export]")
{
    test::TempDir dir;
    auto project = smallProject(dir);
    SelectionOptions options;
    options.minAgreement = 0.7;
    const Selection selection = selectRecords(*project, options);
    CHECK(selection.belowAgreement == 1);
    CHECK(find(selection, "s1") != nullptr); // gold, although its annotators split 2:1
    CHECK(find(selection, "s2") == nullptr); // 2/3 < 0.7
    CHECK(find(selection, "s4") != nullptr); // one annotator: confidence 1
    options.minAgreement = 0.6;
    const Selection lower = selectRecords(*project, options);
    CHECK(find(lower, "s2") != nullptr);
    options.minAgreement = 1.5;
    CHECK_THROWS_AS(selectRecords(*project, options), InputError);
}

TEST_CASE("export selection: raw labels give one record per sample and annotator", "[export]")
{
    test::TempDir dir;
    auto project = smallProject(dir);
    SelectionOptions options;
    options.source = ExportSource::Raw;
    const Selection selection = selectRecords(*project, options);
    CHECK(selection.records.size() == 7);
    CHECK(selection.raw == 7);
    CHECK(selection.unlabeled == 1);
    const auto* c = find(selection, "s1", "c");
    REQUIRE(c != nullptr);
    CHECK(c->labels == std::vector<std::string>{"neg"});
    CHECK(c->source == "raw");
    CHECK_FALSE(c->confidence.has_value());
    CHECK(find(selection, "s1", "a")->labels == std::vector<std::string>{"pos"});
    CHECK(find(selection, "s1") == nullptr); // no gold record in raw mode
}

TEST_CASE("export selection: a signal restricts the samples", "[export]")
{
    test::TempDir dir;
    auto project = smallProject(dir);
    SelectionOptions options;
    options.signalExpression = "id IN ('s2', 's3')";
    const Selection selection = selectRecords(*project, options);
    CHECK(selection.samples == 2);
    REQUIRE(selection.records.size() == 1);
    CHECK(selection.records[0].id == "s2");
    options.signalExpression = "no_such_column > 1";
    CHECK_THROWS_AS(selectRecords(*project, options), InputError);
}

TEST_CASE("export selection: majority vote or Dawid-Skene, as chosen", "[export]")
{
    // a and b agree on everything; c contradicts them on ten samples, so Dawid–Skene trusts a
    // over c. On "t" only a (neg) and c (pos) answered: majority vote ties and takes the
    // schema's first label (pos); Dawid–Skene follows a.
    test::TempDir dir;
    auto project = makeProject(dir.file("p.concord"), TaskKind::Single, {"pos", "neg"});
    for (int i = 0; i < 30; ++i) {
        const std::string id = "x" + std::to_string(i);
        addSample(*project, id, "text number " + std::to_string(i));
        const std::string truth = i % 2 == 0 ? "pos" : "neg";
        project->annotate(id, "a", label(truth));
        project->annotate(id, "b", label(truth));
        project->annotate(id, "c", label(i < 10 ? (truth == "pos" ? "neg" : "pos") : truth));
    }
    addSample(*project, "t", "the contested one");
    project->annotate("t", "a", label("neg"));
    project->annotate("t", "c", label("pos"));

    const Selection majority = selectRecords(*project, {});
    const auto* m = find(majority, "t");
    REQUIRE(m != nullptr);
    CHECK(m->source == "majority");
    CHECK(m->labels == std::vector<std::string>{"pos"});
    CHECK(*m->confidence == Approx(0.5));

    SelectionOptions options;
    options.source = ExportSource::GoldThenDawidSkene;
    const Selection ds = selectRecords(*project, options);
    const auto* d = find(ds, "t");
    REQUIRE(d != nullptr);
    CHECK(d->source == "dawid-skene");
    CHECK(d->labels == std::vector<std::string>{"neg"});
    CHECK(*d->confidence > 0.5);

    // A gold label still wins over Dawid–Skene.
    project->resolve("t", "rev", label("pos"), "");
    const Selection withGold = selectRecords(*project, options);
    const auto* gold = find(withGold, "t");
    REQUIRE(gold != nullptr);
    CHECK(gold->source == "gold");
    CHECK(gold->labels == std::vector<std::string>{"pos"});
}

TEST_CASE("export selection: multi-label sets, spans and ratings aggregate as whole values", "[export]")
{
    test::TempDir dir;
    {
        auto project = makeProject(dir.file("m.concord"), TaskKind::Multi, {"a", "b", "c"});
        addSample(*project, "s", "some text");
        project->annotate("s", "x", json{{"labels", {"c", "a"}}});
        project->annotate("s", "y", json{{"labels", {"a", "c"}}});
        project->annotate("s", "z", json{{"labels", {"b"}}});
        const Selection selection = selectRecords(*project, {});
        REQUIRE(selection.records.size() == 1);
        CHECK(selection.records[0].labels == std::vector<std::string>{"a", "c"});
    }
    {
        auto project = makeProject(dir.file("s.concord"), TaskKind::Spans, {"PER", "LOC"});
        addSample(*project, "s", "Ada went to Paris");
        const json spans = {
            {"spans", {{{"start", 12}, {"end", 17}, {"label", "LOC"}}, {{"start", 0}, {"end", 3}, {"label", "PER"}}}}};
        project->annotate("s", "x", spans);
        project->annotate("s", "y", spans);
        project->annotate("s", "z", json{{"spans", json::array()}});
        const Selection selection = selectRecords(*project, {});
        REQUIRE(selection.records.size() == 1);
        CHECK(selection.records[0].spans == std::vector<ExportSpan>{{0, 3, "PER"}, {12, 17, "LOC"}});
    }
    {
        ProjectSettings settings;
        LabelSchema schema;
        schema.kind = TaskKind::Rating;
        schema.ratingMin = 1;
        schema.ratingMax = 5;
        auto project = Project::create(dir.file("r.concord"), settings, schema);
        addSample(*project, "s", "rate me");
        project->annotate("s", "x", json{{"rating", 4}});
        project->annotate("s", "y", json{{"rating", 4}});
        project->annotate("s", "z", json{{"rating", 2}});
        const Selection selection = selectRecords(*project, {});
        REQUIRE(selection.records.size() == 1);
        CHECK(selection.records[0].rating == 4);
        CHECK(labelMap(selection.schema)["id2label"]["0"] == "1");
    }
}

TEST_CASE("label map: label2id and id2label with string keys, as a Trainer config takes them", "[export]")
{
    ExportSchema schema;
    schema.labels = {"pos", "neg"};
    const auto map = labelMap(schema);
    CHECK(map.dump() == R"({"label2id":{"pos":0,"neg":1},"id2label":{"0":"pos","1":"neg"}})");
}
