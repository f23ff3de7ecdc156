// The feedback-data acceptance from the command line: a project written by the previous file
// version migrates and exports the same bytes; the walk-through of docs/feedback.md (five
// templates, two annotators on their own replicas through a server on loopback) runs and ends
// with every answer where it belongs; bad input names what is wrong and where.
#include "tests/cli/CliTestSupport.hpp"
#include "tests/net/ServeProcess.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using concord::test::cli;
using concord::test::writeFile;

const fs::path kLegacy = fs::path(CONCORD_TEST_DATA) / "legacy";

std::string readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The JSON lines of a plain export, by record id.
std::map<std::string, nlohmann::json> exportedRecords(const std::string& output)
{
    std::map<std::string, nlohmann::json> records;
    std::istringstream lines(output);
    std::string line;
    while (std::getline(lines, line)) {
        if (!line.empty() && line.front() == '{') {
            auto record = nlohmann::json::parse(line);
            records[record["id"].get<std::string>()] = record;
        }
    }
    return records;
}

} // namespace

TEST_CASE("cli feedback: a project of file version 2 migrates and exports the same bytes", "[cli][feedback]")
{
    concord::test::TempDir dir;
    const fs::path project = dir.path() / "reviews.concord";
    fs::copy_file(kLegacy / "reviews-v2.concord", project);

    const auto info = cli("info " + project.string());
    REQUIRE(info.exitCode == 0);
    CHECK_THAT(info.output, Catch::Contains("Samples   6"));

    const fs::path plain = dir.path() / "plain.jsonl";
    REQUIRE(cli("export " + project.string() + " " + plain.string()).exitCode == 0);
    CHECK(readFile(plain) == readFile(kLegacy / "plain.jsonl"));

    const fs::path hf = dir.path() / "hf";
    REQUIRE(cli("export " + project.string() + " --out-dir " + hf.string() + " --metadata").exitCode == 0);
    for (const char* name : {"train.jsonl", "validation.jsonl", "test.jsonl", "label_map.json", "README.md"}) {
        INFO(name);
        std::string made = readFile(hf / name);
        std::string kept = readFile(kLegacy / "hf" / name);
        if (std::string(name) == "README.md") {
            // The card names the command that made it, with its paths: compare the rest.
            const auto cut = [](std::string& card) { card = card.substr(0, card.find("## How it was made")); };
            cut(made);
            cut(kept);
        }
        CHECK(made == kept);
    }

    // The migrated file still takes labels as before, and names its one question.
    const auto labeled = cli("label " + project.string() + " r5 --annotator ana --label positive");
    CHECK(labeled.exitCode == 0);
    CHECK_THAT(labeled.output, Catch::Contains("Labeled r5 as {\"labels\":[\"positive\"]} by ana."));
    const auto sqlite = concord::test::runCommand("sqlite3 " + project.string() +
                                                  " 'PRAGMA user_version; SELECT count(*) FROM annotations; "
                                                  "SELECT DISTINCT question FROM answers'");
    REQUIRE(sqlite.exitCode == 0);
    CHECK(sqlite.output == "4\n10\nlabel\n");
}

TEST_CASE("cli feedback: the walk-through runs every template through a server with two replicas", "[cli][feedback]")
{
    const fs::path script = fs::path(CONCORD_TEST_DATA) / ".." / ".." / "docs" / "walkthrough" / "run.sh";
    const auto run = concord::test::runCommand(script.string() + " " + CONCORD_CLI + " 2>&1");
    INFO(run.output);
    REQUIRE(run.exitCode == 0);

    // Split the output by template; in each, the exports of ana's replica, ben's and the server.
    std::map<std::string, std::vector<std::map<std::string, nlohmann::json>>> exports;
    std::string section;
    std::istringstream lines(run.output);
    std::string line;
    std::string pending;
    bool inExport = false;
    while (std::getline(lines, line)) {
        if (line.rfind("## ", 0) == 0) {
            if (inExport) {
                exports[section].push_back(exportedRecords(pending));
            }
            inExport = false;
            section = line.substr(3);
        } else if (line.rfind("$ ", 0) == 0) {
            if (inExport) {
                exports[section].push_back(exportedRecords(pending));
            }
            inExport = line.find(" export ") != std::string::npos;
            pending.clear();
        } else if (inExport) {
            pending += line + "\n";
        }
    }
    if (inExport) {
        exports[section].push_back(exportedRecords(pending));
    }
    for (const char* name : {"preference", "ranking", "sft", "evaluate", "classify"}) {
        INFO(name);
        REQUIRE(exports[name].size() == 3); // ana's replica, ben's replica, the server
    }

    // preference: ana's submission with its shown order and time, her draft on her own replica
    // and the server, not on ben's; ben's discard with its reason everywhere.
    const auto& anaPreference = exports["preference"][0];
    const auto& benPreference = exports["preference"][1];
    const auto& serverPreference = exports["preference"][2];
    const auto& p1 = serverPreference.at("p1")["responses"];
    CHECK(p1["ana"]["status"] == "submitted");
    CHECK(p1["ana"]["duration_ms"] == 40000);
    CHECK(p1["ana"]["answers"]["preference"]["value"]["preference"]["winner"] == "response_b");
    CHECK(p1["ana"]["answers"]["preference"]["order"].size() == 2);
    CHECK(p1["ana"]["answers"]["reason"]["value"]["text"] == "B is right and pitched for a child.");
    CHECK(p1["ben"]["answers"]["preference"]["value"]["preference"]["winner"].is_null());
    CHECK(serverPreference.at("p2")["responses"]["ana"]["status"] == "draft");
    CHECK(anaPreference.at("p2")["responses"]["ana"]["status"] == "draft");
    CHECK_FALSE(benPreference.at("p2")["responses"].contains("ana"));
    for (const auto* records : {&anaPreference, &benPreference, &serverPreference}) {
        CHECK(records->at("p2")["responses"]["ben"]["status"] == "discarded");
        CHECK(records->at("p2")["responses"]["ben"]["reason"] == "prompt too easy to compare");
        CHECK(records->at("p1")["responses"]["ana"] == p1["ana"]);
    }

    // ranking: a tie kept as equal ranks; the refused ranking (one that leaves fields out) is not there.
    const auto& k2 = exports["ranking"][2].at("k2")["responses"];
    CHECK(k2["ana"]["answers"]["ranking"]["value"]["ranking"]["response_1"] == 1);
    CHECK(k2["ana"]["answers"]["ranking"]["value"]["ranking"]["response_2"] == 1);
    CHECK_FALSE(k2.contains("ben"));
    CHECK_THAT(run.output, Catch::Contains("the ranking leaves out field 'response_3'"));

    // sft: both corrections of s2 on every copy; ana's draft of s1 on hers and the server's only.
    for (const auto& records : exports["sft"]) {
        CHECK(records.at("s2")["responses"]["ben"]["answers"]["correction"]["value"]["text"] == "51");
        CHECK(records.at("s2")["responses"]["ana"]["answers"]["quality"]["value"]["labels"][0] == "unusable");
    }
    CHECK(exports["sft"][0].at("s1")["responses"]["ana"]["status"] == "draft");
    CHECK(exports["sft"][1].at("s1")["responses"].empty());

    // evaluate: four questions of one response, the span on the response field.
    const auto& e1 = exports["evaluate"][1].at("e1")["responses"]["ana"]["answers"];
    CHECK(e1.size() == 4);
    CHECK(e1["hallucinations"]["value"]["spans"][0]["start"] == 22);
    CHECK(exports["evaluate"][0].at("e2")["responses"]["ben"]["status"] == "discarded");

    // classify is a project of one text and one question: its export has today's keys only.
    for (const auto& records : exports["classify"]) {
        const auto& c1 = records.at("c1");
        CHECK(c1.size() == 5);
        CHECK(c1.contains("text"));
        CHECK(c1["annotations"].size() == 2);
        CHECK_FALSE(c1.contains("responses"));
    }
}

TEST_CASE("cli feedback: import maps keys to fields, metadata and suggestions, and names bad input by line",
          "[cli][feedback]")
{
    concord::test::TempDir dir;
    const std::string project = (dir.path() / "pref.concord").string();
    REQUIRE(cli("init " + project + " --template preference").exitCode == 0);
    const std::string data = (dir.path() / "pairs.csv").string();
    writeFile(data, "id,instruction,output_1,output_2,generator_1,judge,judge_score\n"
                    "q1,Say hi,Hi!,Hello there.,model-x,response_b,0.7\n"
                    "q2,Count to two,\"1, 2\",one two,model-x,tie,0.5\n");
    const std::string mapping = " --field prompt=instruction --field response_a=output_1 --field response_b=output_2"
                                " --field-meta response_a.model=generator_1 --suggestion preference=judge"
                                " --suggestion-score preference=judge_score --suggestion-agent preference=judge-v2";
    const auto imported = cli("import " + project + " " + data + mapping);
    INFO(imported.output);
    REQUIRE(imported.exitCode == 0);
    CHECK_THAT(imported.output, Catch::Contains("Imported 2 records, 2 suggestions"));

    // Re-importing with a new judge score updates the suggestions and says so.
    writeFile(data, "id,instruction,output_1,output_2,generator_1,judge,judge_score\n"
                    "q1,Say hi,Hi!,Hello there.,model-z,response_a,0.9\n");
    const auto again = cli("import " + project + " " + data + mapping);
    CHECK(again.exitCode == 0);
    CHECK_THAT(again.output, Catch::Contains("Imported 0 records and updated 1 already there, 1 suggestions"));
    const auto records = exportedRecords(cli("export " + project + " -").output);
    CHECK(records.at("q1")["field_meta"]["response_a"]["model"] == "model-z");
    CHECK(records.at("q1")["suggestions"]["preference"].size() == 1);
    CHECK(records.at("q1")["suggestions"]["preference"][0]["score"] == 0.9);
    CHECK(records.at("q2")["suggestions"]["preference"][0]["value"]["preference"]["winner"].is_null());

    // Bad input: file:line and what was expected; nothing is stored.
    const std::string bad = (dir.path() / "bad.jsonl").string();
    writeFile(bad, R"({"id":"b1","prompt":"p","response_a":"a","response_b":"b","judge":"response_c"})"
                   "\n"
                   R"({"id":"b2","prompt":"p","response_a":"a","response_b":"b","colour":"red","extra":{"x":1}})"
                   "\n"
                   R"({"id":"b3","prompt":"p","response_a":"a"})"
                   "\n");
    const auto refused = cli("import " + project + " " + bad + " --suggestion preference=judge");
    CHECK(refused.exitCode == 3);
    CHECK_THAT(
        refused.output,
        Catch::Contains("bad.jsonl:1: record 'b1': suggestion by import: question 'preference' (preference): the "
                        "winner must be response_a or response_b"));
    CHECK_THAT(refused.output, Catch::Contains("bad.jsonl:3: record 'b3': field 'response_b' is required"));
    CHECK(exportedRecords(cli("export " + project + " -").output).size() == 2);

    // TRL preference, conversational: the prompt is the conversation before the answer.
    const std::string trl = (dir.path() / "trl.jsonl").string();
    writeFile(trl, R"({"chosen":[{"role":"user","content":"2+2?"},{"role":"assistant","content":"4"}],)"
                   R"("rejected":[{"role":"user","content":"2+2?"},{"role":"assistant","content":"5"}]})"
                   "\n"
                   R"({"prompt":"Capital of France?","chosen":"Paris","rejected":"Lyon"})"
                   "\n");
    const auto trlImport = cli("import " + project + " " + trl + " --format trl-preference --annotator trl-labeler");
    INFO(trlImport.output);
    REQUIRE(trlImport.exitCode == 0);
    const auto trlRecords = exportedRecords(cli("export " + project + " -").output);
    const auto& first = trlRecords.at("trl-1");
    CHECK(first["fields"]["prompt"] == "user: 2+2?");
    const auto& answer = first["responses"]["trl-labeler"]["answers"]["preference"]["value"]["preference"];
    CHECK(first["fields"][answer["winner"].get<std::string>()] == "4");
    CHECK(trlRecords.at("trl-2")["fields"]["prompt"] == "Capital of France?");
}

TEST_CASE("cli feedback: two devices of one annotator answer different questions offline and both answers stay",
          "[cli][feedback]")
{
    concord::test::TempDir dir;
    const std::string project = (dir.path() / "evaluate.concord").string();
    REQUIRE(cli("init " + project + " --template evaluate").exitCode == 0);
    const std::string data = (dir.path() / "e.jsonl").string();
    writeFile(data, R"({"id":"e1","prompt":"Who wrote Hamlet?","response":"Marlowe, in 1601."})"
                    "\n");
    REQUIRE(cli("import " + project + " " + data).exitCode == 0);
    const auto added = cli("user add " + project + " ana --json");
    REQUIRE(added.exitCode == 0);
    const std::string token = nlohmann::json::parse(added.output)["token"].get<std::string>();
    concord::test::ServeProcess server(CONCORD_CLI, project, (dir.path() / "serve.log").string());
    const std::string laptop = (dir.path() / "laptop.concord").string();
    const std::string desktop = (dir.path() / "desktop.concord").string();
    for (const auto& replica : {laptop, desktop}) {
        REQUIRE(cli("join " + server.address() + " --user ana --token " + token + " --out " + replica + " --quiet")
                    .exitCode == 0);
    }
    // Offline on both: the laptop answers 'correct', the desktop 'helpfulness' and submits.
    REQUIRE(cli("label " + laptop + " e1 --question correct --value no").exitCode == 0);
    REQUIRE(cli("label " + desktop + " e1 --question helpfulness --value 2 --draft").exitCode == 0);
    REQUIRE(cli("sync " + laptop).exitCode == 0);
    REQUIRE(cli("sync " + desktop).exitCode == 0);
    REQUIRE(cli("sync " + laptop).exitCode == 0);
    // The desktop's draft status is later than the laptop's; both answers are kept everywhere.
    for (const auto& copy : {project, laptop, desktop}) {
        INFO(copy);
        const auto records = exportedRecords(cli("export " + copy + " - --responses all").output);
        const auto& answers = records.at("e1")["responses"]["ana"]["answers"];
        CHECK(answers["correct"]["value"]["labels"][0] == "no");
        CHECK(answers["helpfulness"]["value"]["rating"] == 2);
    }
    // The second device continues the draft: submitting there now finds both answers.
    const auto submitted = cli("label " + laptop + " e1 --submit");
    INFO(submitted.output);
    CHECK(submitted.exitCode == 0);
    CHECK_THAT(submitted.output, Catch::Contains("Response of ana to e1: submitted."));
    REQUIRE(cli("sync " + laptop).exitCode == 0);
    const auto onServer = exportedRecords(cli("export " + project + " -").output);
    CHECK(onServer.at("e1")["responses"]["ana"]["status"] == "submitted");
}

TEST_CASE("cli feedback: an admin adds a question on a replica, it reaches the server and the annotators, and a "
          "removal of an answered question is refused",
          "[cli][feedback]")
{
    concord::test::TempDir dir;
    const std::string project = (dir.path() / "pref.concord").string();
    REQUIRE(cli("init " + project + " --template preference").exitCode == 0);
    const std::string data = (dir.path() / "p.jsonl").string();
    writeFile(data, R"({"id":"p1","prompt":"Hi","response_a":"Hello","response_b":"Go away"})"
                    "\n");
    REQUIRE(cli("import " + project + " " + data).exitCode == 0);
    const auto tokenOf = [&](const std::string& user, const std::string& role) {
        const auto added = cli("user add " + project + " " + user + " --role " + role + " --json");
        REQUIRE(added.exitCode == 0);
        return nlohmann::json::parse(added.output)["token"].get<std::string>();
    };
    const std::string adamToken = tokenOf("adam", "admin");
    const std::string anaToken = tokenOf("ana", "annotator");
    concord::test::ServeProcess server(CONCORD_CLI, project, (dir.path() / "serve.log").string());
    const std::string adam = (dir.path() / "adam.concord").string();
    const std::string ana = (dir.path() / "ana.concord").string();
    REQUIRE(cli("join " + server.address() + " --user adam --token " + adamToken + " --out " + adam + " --quiet")
                .exitCode == 0);
    REQUIRE(
        cli("join " + server.address() + " --user ana --token " + anaToken + " --out " + ana + " --quiet").exitCode ==
        0);
    REQUIRE(cli("label " + ana + " p1 --question preference --value response_a").exitCode == 0);
    REQUIRE(cli("sync " + ana).exitCode == 0);

    auto schema = nlohmann::json::parse(cli("schema " + adam).output);
    schema["questions"].push_back({{"name", "safety"}, {"kind", "label"}, {"labels", {"safe", "unsafe"}}});
    const std::string added = (dir.path() / "added.json").string();
    writeFile(added, schema.dump());
    const auto changed = cli("schema " + adam + " " + added);
    INFO(changed.output);
    REQUIRE(changed.exitCode == 0);
    CHECK_THAT(changed.output, Catch::Contains("it reaches the server at the next sync"));
    REQUIRE(cli("sync " + adam).exitCode == 0);
    REQUIRE(cli("sync " + ana).exitCode == 0);
    CHECK_THAT(cli("schema " + ana).output, Catch::Contains("\"safety\""));
    // The new required question: ana's response was submitted before it existed and stays so;
    // she can answer it now.
    CHECK(cli("label " + ana + " p1 --question safety --value safe").exitCode == 0);

    // An annotator may not change the schema; removing an answered question is refused.
    const auto byAnnotator = cli("schema " + ana + " " + added);
    CHECK(byAnnotator.exitCode == 3);
    CHECK_THAT(byAnnotator.output, Catch::Contains("only admins change the questions"));
    schema["questions"].erase(1); // 'reason' has no answer: removable
    schema["questions"].push_back(schema["questions"][0]);
    schema["questions"].erase(0); // 'preference' moved from first: refused
    const std::string moved = (dir.path() / "moved.json").string();
    writeFile(moved, schema.dump());
    const auto refused = cli("schema " + project + " " + moved);
    CHECK(refused.exitCode == 3);
    CHECK_THAT(refused.output, Catch::Contains("the first question, 'preference', stays first"));
}
