// Core support for the GUI: the reviewer's disagreement queue and the samples list's filter.
#include "core/review/ReviewQueue.hpp"
#include "core/signals/SampleFilter.hpp"
#include "core/signals/SignalEngine.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

using namespace concord;
using nlohmann::json;

namespace {

std::unique_ptr<Project> makeProject(const test::TempDir& dir, TaskKind kind)
{
    auto project =
        Project::create(dir.file("p.concord"), ProjectSettings{}, LabelSchema::fromNames(kind, {"pos", "neg", "neu"}));
    for (const char* id : {"s1", "s2", "s3", "s4"}) {
        project->samples().insert(id, std::string("the text of ") + id, "{}");
    }
    return project;
}

json labels(std::initializer_list<const char*> names)
{
    json list = json::array();
    for (const char* name : names) {
        list.push_back(name);
    }
    return {{"labels", list}};
}

} // namespace

TEST_CASE("the disagreement queue lists contested samples worst first with the majority", "[gui-support]")
{
    test::TempDir dir;
    auto project = makeProject(dir, TaskKind::Single);
    // s1: 2 of 3 agree; s2: a 1-1 tie; s3: all agree (not listed); s4: one label (not listed).
    project->annotate("s1", "ann", labels({"pos"}));
    project->annotate("s1", "bob", labels({"neg"}));
    project->annotate("s1", "cat", labels({"neg"}));
    project->annotate("s2", "ann", labels({"neu"}));
    project->annotate("s2", "bob", labels({"pos"}));
    project->annotate("s3", "ann", labels({"pos"}));
    project->annotate("s3", "bob", labels({"pos"}));
    project->annotate("s4", "ann", labels({"neg"}));
    project->resolve("s1", "lead", labels({"neg"}), "clear");

    const auto queue = review::disagreementQueue(*project);
    REQUIRE(queue.size() == 2);
    CHECK(queue[0].id == "s2");
    CHECK(queue[0].tie);
    CHECK(queue[0].majorityShare == Approx(0.5));
    CHECK(queue[0].ratings == 2);
    // The tie goes to the label first in the schema: pos.
    CHECK(json::parse(queue[0].suggestion) == labels({"pos"}));
    CHECK(queue[0].suggestionVotes == 1);
    CHECK_FALSE(queue[0].resolved);
    CHECK(queue[0].key == *project->samples().keyOf("s2"));

    CHECK(queue[1].id == "s1");
    CHECK_FALSE(queue[1].tie);
    CHECK(queue[1].majorityShare == Approx(2.0 / 3.0));
    CHECK(json::parse(queue[1].suggestion) == labels({"neg"}));
    CHECK(queue[1].suggestionVotes == 2);
    CHECK(queue[1].resolved);
}

TEST_CASE("the disagreement queue suggests whole values for spans", "[gui-support]")
{
    test::TempDir dir;
    auto project = makeProject(dir, TaskKind::Spans);
    const json a = {{"spans", {{{"start", 0}, {"end", 3}, {"label", "pos"}}}}};
    const json b = {{"spans", {{{"start", 4}, {"end", 8}, {"label", "neg"}}}}};
    project->annotate("s1", "ann", a);
    project->annotate("s1", "bob", b);
    project->annotate("s1", "cat", b);
    const auto queue = review::disagreementQueue(*project);
    REQUIRE(queue.size() == 1);
    CHECK(json::parse(queue[0].suggestion) == b);
    CHECK(queue[0].suggestionVotes == 2);
}

TEST_CASE("an empty project has an empty queue", "[gui-support]")
{
    test::TempDir dir;
    auto project = makeProject(dir, TaskKind::Single);
    CHECK(review::disagreementQueue(*project).empty());
}

TEST_CASE("the samples filter joins a signal and a search safely", "[gui-support]")
{
    using signals::filterExpression;
    using signals::searchExpression;
    CHECK_FALSE(searchExpression("").has_value());
    CHECK_FALSE(searchExpression("  \t").has_value());
    CHECK_FALSE(filterExpression(std::nullopt, " ").has_value());
    CHECK(filterExpression(std::string("length > 3"), "") == std::optional<std::string>("length > 3"));

    test::TempDir dir;
    auto project = makeProject(dir, TaskKind::Single);
    project->samples().insert("quote", "it's a QUOTE", "{}");
    project->samples().insert("long-one", "a much longer text than the others, by far", "{}");
    signals::SignalEngine engine(*project);
    const auto ids = [&](const std::optional<std::string>& expression) {
        REQUIRE(expression.has_value());
        return engine.selectIds(*expression);
    };
    using Ids = std::vector<std::string>;
    CHECK(ids(searchExpression("text of S")) == Ids{"s1", "s2", "s3", "s4"});
    CHECK(ids(searchExpression("it's a quote")) == Ids{"quote"});
    CHECK(ids(searchExpression("LONG-")) == Ids{"long-one"}); // matches the id
    CHECK(ids(filterExpression(std::string("length > 20 -- a comment"), "s")) == Ids{"long-one"});
    CHECK(ids(filterExpression(std::string("length < 15"), "s3")) == Ids{"s3"});
    // Quotes and SQL in the search are text to find, nothing more.
    CHECK(ids(searchExpression("'); DROP TABLE samples; --")).empty());
    CHECK(project->samples().count() == 6);
}
