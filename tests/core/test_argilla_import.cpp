// The Argilla flat export read back: a project of several fields and question kinds, answers by
// three annotators (submitted, draft, discarded) and suggestions, exported, imported into a new
// project of the same schema and exported again gives the same records.jsonl, byte for byte.
// Problems name the line and the column, and leave the project as it was.
#include "core/feedback/ArgillaExport.hpp"
#include "core/feedback/ArgillaImport.hpp"
#include "core/feedback/TrlExport.hpp"
#include "core/io/JsonlReader.hpp"
#include "core/util/Error.hpp"
#include "tests/core/TrlTestSupport.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace concord;
using nlohmann::json;

namespace {

json argillaSchema()
{
    return json::parse(R"({
      "fields": [{"name": "prompt", "kind": "text"}, {"name": "history", "kind": "chat", "required": false},
                 {"name": "response_a", "kind": "markdown"}, {"name": "response_b", "kind": "markdown"},
                 {"name": "response_c", "kind": "markdown"}],
      "questions": [
        {"name": "pref", "kind": "preference", "fields": ["response_a", "response_b"], "scale": {"points": 5}},
        {"name": "rank", "kind": "ranking", "fields": ["response_a", "response_b", "response_c"]},
        {"name": "quality", "kind": "label", "labels": ["good", "bad"]},
        {"name": "score", "kind": "rating", "rating": {"min": 1, "max": 5}, "required": false},
        {"name": "tags", "kind": "multi_label", "labels": ["long", "rude"], "required": false},
        {"name": "note", "kind": "text", "required": false}]})");
}

std::string readAll(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

ArgillaImportReport importText(Project& project, const std::string& text)
{
    std::istringstream input(text);
    io::JsonlReader reader(input);
    return importArgilla(project, reader, "records.jsonl");
}

json rankOf(int a, int b, int c)
{
    return {{"ranking", {{"response_a", a}, {"response_b", b}, {"response_c", c}}}};
}

} // namespace

TEST_CASE("argilla import: export, import into the same schema, export again: the same file", "[trl][argilla]")
{
    test::TempDir dir;
    auto first = trltest::projectFrom(dir.file("first.concord"), argillaSchema());
    const auto r1 = trltest::insert(*first, "r1",
                                    {{"prompt", "Say hi."},
                                     {"history", json::array({{{"role", "user"}, {"content", "Hello?"}}})},
                                     {"response_a", "Hi!"},
                                     {"response_b", "Go away."},
                                     {"response_c", "Hey."}});
    const auto r2 = trltest::insert(
        *first, "r2", {{"prompt", "Add 2+2."}, {"response_a", "4"}, {"response_b", "5"}, {"response_c", "four"}});
    trltest::insert(*first, "r3",
                    {{"prompt", "Nothing yet."}, {"response_a", "a"}, {"response_b", "b"}, {"response_c", "c"}});

    first->suggest(r1, "pref", "judge", trltest::prefer("response_a", 2), 0.8);
    first->suggest(r1, "rank", "judge", rankOf(2, 1, 3), std::nullopt);
    first->suggest(r2, "quality", "clf", {{"labels", {"bad"}}}, 0.6);
    first->suggest(r2, "quality", "clf2", {{"labels", {"good"}}}, 0.9); // the best-scored one is exported
    // ann submits everything on r1, bob leaves a draft, cid discards; both ann and bob submit r2.
    for (const auto& [question, value] :
         std::vector<std::pair<std::string, json>>{{"pref", trltest::prefer("response_b", 2)},
                                                   {"rank", rankOf(1, 1, 3)},
                                                   {"quality", {{"labels", {"good"}}}},
                                                   {"score", {{"rating", 4}}},
                                                   {"note", {{"text", "B is rude"}}},
                                                   {"tags", {{"labels", {"long", "rude"}}}}}) {
        first->answer(r1, "ann", question, value);
    }
    first->setStatus(r1, "ann", ResponseStatus::Submitted);
    first->answer(r1, "bob", "pref", trltest::tie());
    first->answer(r1, "cid", "pref", trltest::prefer("response_a", 1));
    first->answer(r1, "cid", "quality", {{"labels", {"bad"}}});
    first->setStatus(r1, "cid", ResponseStatus::Discarded, "off topic");
    for (const char* annotator : {"ann", "bob"}) {
        first->answer(r2, annotator, "pref", trltest::prefer("response_a", 1));
        first->answer(r2, annotator, "rank", rankOf(1, 3, 2));
        first->answer(r2, annotator, "quality", {{"labels", {"good"}}});
        first->setStatus(r2, annotator, ResponseStatus::Submitted);
    }

    exportArgilla(*first, dir.file("one"), false);
    const std::string exported = readAll(dir.file("one") + "/records.jsonl");
    auto second = trltest::projectFrom(dir.file("second.concord"), argillaSchema());
    const auto report = importText(*second, exported);
    CHECK(report.records == 3);
    CHECK(report.added == 3);
    CHECK(report.answers == 15);
    CHECK(report.suggestions == 3);
    CHECK(second->statusOf(*second->samples().keyOf("r1"), "bob") == ResponseStatus::Draft);
    CHECK(second->statusOf(*second->samples().keyOf("r1"), "cid") == ResponseStatus::Discarded);

    exportArgilla(*second, dir.file("two"), false);
    CHECK(readAll(dir.file("two") + "/records.jsonl") == exported);

    // Imported again into the same project: the records are there, their answers the same.
    const auto again = importText(*second, exported);
    CHECK(again.added == 0);
    CHECK(again.existing == 3);
}

TEST_CASE("argilla import: values back in the answer forms", "[trl][argilla]")
{
    const RecordSchema schema = RecordSchema::fromJson(argillaSchema());
    CHECK(answerFromArgilla(*schema.findQuestion("pref"), "tie") == trltest::tie());
    CHECK(answerFromArgilla(*schema.findQuestion("pref"), "response_b") == trltest::prefer("response_b", 1));
    CHECK(answerFromArgilla(*schema.findQuestion("rank"), {"response_c", "response_a", "response_b"}) ==
          rankOf(2, 3, 1));
    CHECK(answerFromArgilla(*schema.findQuestion("quality"), "bad") == json{{"labels", {"bad"}}});
    CHECK(answerFromArgilla(*schema.findQuestion("score"), 3) == json{{"rating", 3}});
    CHECK(answerFromArgilla(*schema.findQuestion("note"), "fine") == json{{"text", "fine"}});
    CHECK_THROWS_WITH(answerFromArgilla(*schema.findQuestion("score"), "3"), Catch::Contains("an integer rating"));
    CHECK_THROWS_WITH(answerFromArgilla(*schema.findQuestion("rank"), {"response_a", "response_a"}),
                      Catch::Contains("each once"));
}

TEST_CASE("argilla import: a bad line names the line and the column, and nothing is kept", "[trl][argilla]")
{
    test::TempDir dir;
    auto source = trltest::projectFrom(dir.file("source.concord"), templateSchema("preference"));
    const auto key = trltest::insert(*source, "p1", {{"prompt", "P"}, {"response_a", "A"}, {"response_b", "B"}});
    trltest::submit(*source, key, "ada", "preference", trltest::prefer("response_a", 1));
    trltest::insert(*source, "p2", {{"prompt", "Q"}, {"response_a", "C"}, {"response_b", "D"}});
    const auto rows = argillaRows(*source);
    const std::string good = rows[0].dump() + "\n";
    auto project = trltest::projectFrom(dir.file("target.concord"), templateSchema("preference"));
    const auto fails = [&](nlohmann::ordered_json row, const std::string& expected) {
        INFO(row.dump());
        CHECK_THROWS_WITH(importText(*project, good + row.dump() + "\n"), Catch::Contains(expected));
        CHECK(project->samples().count() == 0);
    };

    auto unknown = rows[1];
    unknown["colour"] = "red";
    fails(unknown, "records.jsonl:2: column 'colour': unknown column");
    auto missing = rows[1];
    missing.erase("reason.suggestion.agent");
    fails(missing, "records.jsonl:2: column 'reason.suggestion.agent': missing column");
    // The second row with one response to the preference question.
    const auto responding = [&](const char* value, const char* user, const char* status) {
        auto row = rows[1];
        row["preference.responses"] = {value};
        row["preference.responses.users"] = {user};
        row["preference.responses.status"] = {status};
        return row;
    };
    fails(responding("response_c", "ada", "submitted"),
          "records.jsonl:2: column 'preference.responses': response 1 (ada)");
    fails(responding("tie", "ada", "done"),
          "records.jsonl:2: column 'preference.responses.status': unknown response status 'done'");
    auto shortUsers = rows[1];
    shortUsers["preference.responses"] = {"tie"};
    fails(shortUsers, "records.jsonl:2: column 'preference.responses.users': expected a list of 1");
    auto badField = rows[1];
    badField["prompt"] = json::object();
    fails(badField, "records.jsonl:2: column 'prompt': field 'prompt': expected text");
    CHECK_THROWS_WITH(importText(*project, good + "{\"id\": \n"), Catch::Contains("records.jsonl:2:"));
    CHECK(project->samples().count() == 0);

    // A file of another schema: every unknown and missing column named at once.
    auto ranking = trltest::projectFrom(dir.file("ranking.concord"), templateSchema("ranking"));
    CHECK_THROWS_WITH(importText(*ranking, good),
                      Catch::Contains("records.jsonl:1: column 'preference.responses': unknown column") &&
                          Catch::Contains("also unknown: 'preference.responses.status'") &&
                          Catch::Contains("missing: 'response_1', 'response_2'"));
}
