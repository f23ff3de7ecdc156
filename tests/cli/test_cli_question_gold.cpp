// concord-cli aggregate --question on a project of fields and questions: the gold value per
// record with its source, as a table, as JSON and to a JSONL file.
#include "core/feedback/Templates.hpp"
#include "core/store/Project.hpp"
#include "tests/cli/CliTestSupport.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace concord;
using test::cli;

namespace {

nlohmann::json prefer(const char* winner, int strength)
{
    return {{"preference", {{"winner", winner}, {"strength", strength}}}};
}

// Three records: a 2–1 vote for response_a, a vote the reviewer overrules, and one without votes.
std::string makePreferenceProject(const test::TempDir& dir)
{
    const std::string path = dir.file("pref.concord");
    ProjectSettings settings;
    settings.name = "pref";
    auto project = Project::create(path, settings, RecordSchema::fromJson(templateSchema("preference")));
    for (const char* id : {"p1", "p2", "p3"}) {
        RecordContent record;
        record.fields = {{"prompt", std::string("prompt ") + id}, {"response_a", "A"}, {"response_b", "B"}};
        project->samples().insert(id, primaryText(project->recordSchema(), record), "{}", encodeRecord(record));
    }
    const auto vote = [&](const char* id, const char* annotator, const nlohmann::json& value) {
        const auto key = *project->samples().keyOf(id);
        project->answer(key, annotator, "preference", value);
        project->setStatus(key, annotator, ResponseStatus::Submitted);
    };
    vote("p1", "ana", prefer("response_a", 2));
    vote("p1", "ben", prefer("response_a", 1));
    vote("p1", "cy", prefer("response_b", 1));
    vote("p2", "ana", prefer("response_b", 1));
    project->resolve("p2", "rev", prefer("response_a", 2), "B is wrong", "preference");
    return path;
}

} // namespace

TEST_CASE("cli aggregate --question: gold per record with the reviewer's first", "[cli][quality][gold]")
{
    test::TempDir dir;
    const std::string project = makePreferenceProject(dir);

    const auto table = cli("aggregate " + project + " --question preference");
    INFO(table.output);
    REQUIRE(table.exitCode == 0);
    CHECK_THAT(table.output, Catch::Contains("Question   preference (preference)"));
    CHECK_THAT(table.output, Catch::Contains("2 records: 1 from the reviewer, 1 aggregated"));
    CHECK_THAT(table.output, Catch::Contains("response_a (1)              aggregate       0.667      3"));
    CHECK_THAT(table.output, Catch::Contains("response_a (2)              reviewer            -      1"));

    const auto json = nlohmann::json::parse(cli("aggregate " + project + " --question preference --json").output);
    CHECK(json["method"] == "majority");
    CHECK(json["from_reviewer"] == 1);
    REQUIRE(json["gold"].size() == 2);
    CHECK(json["gold"][0]["value"] == prefer("response_a", 1));
    CHECK(json["gold"][0]["source"] == "aggregate");
    CHECK(json["gold"][1]["source"] == "reviewer");
    CHECK(json["gold"][1]["confidence"].is_null());

    const std::string out = dir.file("gold.jsonl");
    const auto written = cli("aggregate " + project + " --question preference --method dawid-skene --output " + out);
    INFO(written.output);
    REQUIRE(written.exitCode == 0);
    CHECK_THAT(written.output, Catch::Contains("Wrote 2 gold values"));
    std::ifstream in(out);
    std::string first;
    std::getline(in, first);
    CHECK(nlohmann::json::parse(first)["id"] == "p1");

    const auto text = cli("aggregate " + project + " --question reason");
    CHECK(text.exitCode != 0);
    CHECK_THAT(text.output, Catch::Contains("label, rating, preference and ranking questions"));
    const auto unnamed = cli("aggregate " + project);
    CHECK(unnamed.exitCode != 0);
    CHECK_THAT(unnamed.output, Catch::Contains("--question (one of: preference, reason)"));
}
