// The samples table's rows from a real project file: annotator counts, agreement with the most
// common value, gold values first, and the confidence of the chosen model's predictions.
#include "core/store/Project.hpp"
#include "core/store/SampleOverview.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

using namespace concord;

namespace {

nlohmann::json label(const char* name)
{
    return {{"labels", {name}}};
}

} // namespace

TEST_CASE("the sample overview counts annotators, agreement, gold and the model's confidence", "[store]")
{
    test::TempDir dir;
    auto project = Project::create(dir.file("p.concord"), ProjectSettings{},
                                   LabelSchema::fromNames(TaskKind::Single, {"pos", "neg"}));
    for (int i = 1; i <= 5; ++i) {
        REQUIRE(project->samples().insert("s" + std::to_string(i), "text " + std::to_string(i), "{}"));
    }
    // s1: 3 agree; s2: 2 against 1; s3: a 1-1 tie with gold; s4: one annotator; s5: nothing.
    for (const char* who : {"ann", "bob", "cat"}) {
        project->annotate("s1", who, label("pos"));
    }
    project->annotate("s2", "ann", label("neg"));
    project->annotate("s2", "bob", label("pos"));
    project->annotate("s2", "cat", label("neg"));
    project->annotate("s3", "ann", label("pos"));
    project->annotate("s3", "bob", label("neg"));
    project->resolve("s3", "lead", label("neg"), "");
    project->annotate("s4", "ann", label("neg"));
    const auto key = [&](const char* id) { return *project->samples().keyOf(id); };
    project->predictions().put(key("s1"), "other", R"({"pos":0.6,"neg":0.4})", 1);
    project->predictions().put(key("s1"), "builtin", R"({"pos":0.9,"neg":0.1})", 1);
    project->predictions().put(key("s5"), "builtin", R"({"pos":0.45,"neg":0.55})", 1);

    const auto overview = store::computeSampleOverview(*project);
    REQUIRE(overview.rows.size() == 5);
    REQUIRE(overview.model == std::optional<std::string>("builtin"));
    const auto valueOf = [&](const store::SampleOverviewRow& row) {
        return row.value < 0 ? std::string() : overview.values[static_cast<std::size_t>(row.value)];
    };
    const auto& r = overview.rows;
    CHECK(r[0].id == "s1");
    CHECK(r[0].annotators == 3);
    CHECK(r[0].agreeing == 3);
    CHECK(r[0].disagreement() == 0.0);
    CHECK(valueOf(r[0]) == R"({"labels":["pos"]})");
    CHECK(r[0].confidence == Approx(0.9));

    CHECK(r[1].annotators == 3);
    CHECK(r[1].agreeing == 2);
    CHECK(r[1].disagreement() == Approx(1.0 / 3.0));
    CHECK(valueOf(r[1]) == R"({"labels":["neg"]})");
    CHECK(r[1].confidence < 0.0F); // no prediction

    CHECK(r[2].gold);
    CHECK(r[2].disagreement() == Approx(0.5));
    CHECK(valueOf(r[2]) == R"({"labels":["neg"]})"); // the gold value, not the tie

    CHECK(r[3].annotators == 1);
    CHECK(r[3].disagreement() == 0.0); // one annotator cannot disagree
    CHECK_FALSE(r[3].gold);

    CHECK(r[4].annotators == 0);
    CHECK(r[4].value == -1);
    CHECK(r[4].confidence == Approx(0.55));

    // Another model's confidence when asked for.
    const auto other = store::computeSampleOverview(*project, std::string("other"));
    CHECK(other.rows[0].confidence == Approx(0.6));
    CHECK(other.rows[4].confidence < 0.0F);
}
