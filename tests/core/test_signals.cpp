#include "core/signals/SignalEngine.hpp"
#include "core/util/Error.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

using namespace concord;
using nlohmann::json;
using signals::SignalEngine;

namespace {

struct Fixture
{
    test::TempDir dir;
    std::unique_ptr<Project> project;

    Fixture()
    {
        project = Project::create(dir.file("p.concord"), ProjectSettings{},
                                  LabelSchema::fromNames(TaskKind::Single, {"pos", "neg"}));
        auto& samples = project->samples();
        samples.insert("short", "ok", R"({"source":"web"})");
        samples.insert("long", "a rather long review that goes on and on about the plot", R"({"source":"news"})");
        samples.insert("email", "write to me at someone@example.org", R"({"source":"web"})");
        samples.insert("emoji", "great \xF0\x9F\x91\x8D", "{}");
        project->annotate("short", "ann", {{"labels", {"pos"}}});
        project->annotate("short", "bob", {{"labels", {"neg"}}});
        project->annotate("long", "ann", {{"labels", {"neg"}}});
        project->annotate("long", "bob", {{"labels", {"neg"}}});
        project->resolve("short", "lead", {{"labels", {"neg"}}}, "");
        const auto email = *samples.keyOf("email");
        project->predictions().put(email, "builtin", R"({"pos":0.55,"neg":0.45})", 1);
    }

    std::vector<std::string> ids(const std::string& expression)
    {
        SignalEngine engine(*project);
        return engine.selectIds(expression);
    }
};

using Ids = std::vector<std::string>;

} // namespace

TEST_CASE("signals filter on text, metadata and computed columns", "[signals]")
{
    Fixture f;
    CHECK(f.ids("length > 40") == Ids{"long"});
    CHECK(f.ids("length = 7") == Ids{"emoji"}); // code points: the emoji counts once
    CHECK(f.ids("json_extract(meta, '$.source') = 'web'") == Ids{"short", "email"});
    CHECK(f.ids("text REGEXP '[a-z]+@[a-z]+\\.org'") == Ids{"email"});
    CHECK(f.ids("tokens >= 10") == Ids{"long"});
    CHECK(f.ids("annotations = 0") == Ids{"email", "emoji"});
    CHECK(f.ids("disagreement > 0") == Ids{"short"});
    CHECK(f.ids("agreement = 1 AND majority = 'neg'") == Ids{"long"});
    CHECK(f.ids("entropy = 1") == Ids{"short"});
    CHECK(f.ids("gold = 'neg'") == Ids{"short"});
    CHECK(f.ids("model_label = 'pos' AND model_confidence < 0.6") == Ids{"email"});
    CHECK(f.ids("labels LIKE '%\"pos\"%'") == Ids{"short"});
    CHECK(f.ids("-- a comment\n length < 3") == Ids{"short"});
}

TEST_CASE("a signal that tries to write, attach or run a pragma is refused and changes nothing", "[signals]")
{
    Fixture f;
    SignalEngine engine(*f.project);
    const auto refused = [&](const std::string& expression, const std::string& reason) {
        INFO(expression);
        CHECK_THROWS_AS(engine.validate(expression), InputError);
        CHECK_THROWS_WITH(engine.select(expression), Catch::Contains(reason));
    };
    refused("1); DELETE FROM samples; --", "one expression, not several statements");
    refused("1); ATTACH DATABASE 'other.db' AS other; --", "one expression, not several statements");
    refused("1); PRAGMA journal_mode = DELETE; --", "one expression, not several statements");
    refused("1); UPDATE samples SET text = ''; --", "one expression, not several statements");
    refused("key IN (SELECT pk FROM samples)", "a signal may only read the columns of the samples view");
    refused("(SELECT count(*) FROM annotations) > 0", "a signal may only read the columns of the samples view");
    refused("EXISTS (SELECT 1 FROM pragma_table_info('samples'))",
            "a signal may only read the columns of the samples view");
    refused("EXISTS (SELECT 1 FROM sqlite_schema)", "a signal may only read the columns of the samples view");
    refused("1) UNION SELECT pk FROM samples --", "a signal may only read the columns of the samples view");
    refused("key = (DELETE FROM samples RETURNING pk)", "syntax error");
    refused("no_such_column > 1", "no such column: no_such_column");
    refused("", "empty");
    CHECK_THROWS_WITH(engine.select("load_extension('/tmp/x.so') IS NULL"), Catch::Contains("failed"));
    CHECK_THROWS_WITH(engine.select("text REGEXP '(['"), Catch::Contains("invalid regular expression"));

    CHECK(f.project->samples().count() == 4);
    CHECK(f.project->annotations().count() == 4);
    CHECK(f.project->samples().findById("long")->text.size() > 10);
}

TEST_CASE("signals are stored by name and resolved for --where and --signal", "[signals]")
{
    Fixture f;
    f.project->signals().put("contested", "disagreement > 0", 1);
    CHECK(signals::expressionFrom(*f.project, "", "contested") == std::optional<std::string>("disagreement > 0"));
    CHECK(signals::expressionFrom(*f.project, "length > 3", "") == std::optional<std::string>("length > 3"));
    CHECK_FALSE(signals::expressionFrom(*f.project, "", ""));
    CHECK_THROWS_WITH(signals::expressionFrom(*f.project, "", "nope"),
                      "no signal named 'nope' (the project has: contested)");
    CHECK_THROWS_WITH(signals::expressionFrom(*f.project, "x", "contested"), Catch::Contains("not both"));
}
