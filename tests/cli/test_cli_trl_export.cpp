// The TRL exports from the command line: projects made with init --template, import and label,
// exported with --format trl-preference|trl-sft|trl-kto, and each file read by Python's json
// module to check the columns and types TRL's documentation gives (strings in the plain form,
// lists of {"role","content"} in the conversational one, a boolean label, one form per file).
#include "tests/cli/CliTestSupport.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>

namespace {

namespace fs = std::filesystem;
using concord::test::cli;
using concord::test::writeFile;

// Exits non-zero, saying why, when a file breaks TRL's shape; else prints "<rows> <form>".
const char* const kChecker = R"PY(import json, sys
path, fmt = sys.argv[1], sys.argv[2]
rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
assert rows, "no rows in " + path

def is_messages(value):
    return isinstance(value, list) and len(value) > 0 and all(
        isinstance(m, dict) and set(m) == {"role", "content"}
        and isinstance(m["role"], str) and isinstance(m["content"], str) for m in value)

def form(value, where):
    if isinstance(value, str):
        assert value != "", where + " is an empty string"
        return "plain"
    assert is_messages(value), where + " is neither a string nor a list of messages: %r" % (value,)
    return "conversational"

columns = {"trl-preference": ["prompt", "chosen", "rejected"], "trl-sft": ["prompt", "completion"],
           "trl-kto": ["prompt", "completion", "label"]}[fmt]
optional = {"margin"} if fmt == "trl-preference" else set()
forms = set()
for i, row in enumerate(rows, 1):
    where = "%s row %d" % (path, i)
    if fmt == "trl-sft" and "messages" in row:
        assert set(row) == {"messages"}, where + ": columns %s" % sorted(row)
        assert is_messages(row["messages"]), where + ": messages is not a list of messages"
        assert row["messages"][-1]["role"] == "assistant", where + ": the last message is not the assistant's"
        forms.add("messages")
        continue
    assert set(columns) <= set(row) and set(row) <= set(columns) | optional, where + ": columns %s" % sorted(row)
    for column in columns:
        if column == "label":
            assert type(row[column]) is bool, where + ": label is not a boolean"
        else:
            forms.add(form(row[column], where + " " + column))
    if "margin" in row:
        assert type(row["margin"]) in (int, float), where + ": margin is not a number"
assert len(forms) == 1, path + " mixes forms: %s" % sorted(forms)
print(len(rows), forms.pop())
)PY";

struct Checked
{
    int exitCode;
    std::string output;
};

Checked pythonCheck(const fs::path& dir, const fs::path& file, const std::string& format)
{
    const fs::path script = dir / "check_trl.py";
    writeFile(script.string(), kChecker);
    const auto result = concord::test::runCommand("python3 " + script.string() + " " + file.string() + " " + format);
    return {result.exitCode, result.output};
}

// Exports `format` from `project` into a new directory (every row in train) and checks the file.
Checked exportAndCheck(const fs::path& dir, const fs::path& project, const std::string& format, const std::string& more,
                       const std::string& name)
{
    const fs::path out = dir / name;
    const auto exported = cli("export " + project.string() + " --format " + format + " --out-dir " + out.string() +
                              " --split 1,0,0 " + more);
    INFO(exported.output);
    REQUIRE(exported.exitCode == 0);
    REQUIRE(fs::exists(out / "README.md"));
    return pythonCheck(dir, out / "train.jsonl", format);
}

void label(const fs::path& project, const std::string& record, const std::string& annotator,
           const std::string& question, const std::string& value)
{
    const auto result = cli("label " + project.string() + " " + record + " --annotator " + annotator + " --question " +
                            question + " --value '" + value + "'");
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
}

fs::path projectOf(const fs::path& dir, const std::string& name, const std::string& init, const std::string& records)
{
    const fs::path project = dir / (name + ".concord");
    const fs::path data = dir / (name + ".jsonl");
    writeFile(data.string(), records);
    const auto made = cli("init " + project.string() + " " + init);
    INFO(made.output);
    REQUIRE(made.exitCode == 0);
    const auto imported = cli("import " + project.string() + " " + data.string());
    INFO(imported.output);
    REQUIRE(imported.exitCode == 0);
    return project;
}

} // namespace

TEST_CASE("cli trl: the format check fails on files that break TRL's shape", "[cli][trl]")
{
    concord::test::TempDir dir;
    const fs::path bad = dir.path() / "bad.jsonl";
    writeFile(bad.string(), "{\"prompt\":\"p\",\"completion\":\"c\",\"label\":1}\n");
    CHECK(pythonCheck(dir.path(), bad, "trl-kto").exitCode != 0); // 1 is not a boolean
    writeFile(bad.string(), "{\"prompt\":\"p\",\"chosen\":\"c\",\"rejected\":\"r\"}\n"
                            "{\"prompt\":[{\"role\":\"user\",\"content\":\"p\"}],\"chosen\":[{\"role\":\"assistant\","
                            "\"content\":\"c\"}],\"rejected\":[{\"role\":\"assistant\",\"content\":\"r\"}]}\n");
    CHECK(pythonCheck(dir.path(), bad, "trl-preference").exitCode != 0); // two forms
    writeFile(bad.string(), "{\"prompt\":\"p\",\"chosen\":\"\",\"rejected\":\"r\"}\n");
    CHECK(pythonCheck(dir.path(), bad, "trl-preference").exitCode != 0); // empty chosen
    writeFile(bad.string(), "{\"prompt\":\"p\",\"chosen\":[{\"role\":\"assistant\"}],\"rejected\":\"r\"}\n");
    CHECK(pythonCheck(dir.path(), bad, "trl-preference").exitCode != 0); // a message without content
    writeFile(bad.string(), "");
    CHECK(pythonCheck(dir.path(), bad, "trl-preference").exitCode != 0); // no rows
    writeFile(bad.string(), "{\"prompt\":\"p\",\"chosen\":\"c\",\"rejected\":\"r\",\"margin\":1.5}\n");
    const auto good = pythonCheck(dir.path(), bad, "trl-preference");
    CHECK(good.exitCode == 0);
    CHECK_THAT(good.output, Catch::Contains("1 plain"));
}

TEST_CASE("cli trl: a preference project exports preference, SFT and KTO rows TRL reads", "[cli][trl]")
{
    concord::test::TempDir dir;
    const fs::path project =
        projectOf(dir.path(), "pref", "--template preference",
                  "{\"id\":\"p1\",\"prompt\":\"Say hi.\",\"response_a\":\"Hi!\",\"response_b\":\"Go "
                  "away.\"}\n"
                  "{\"id\":\"p2\",\"prompt\":\"Name a prime.\",\"response_a\":\"11\","
                  "\"response_b\":\"12\"}\n"
                  "{\"id\":\"p3\",\"prompt\":\"Pick one.\",\"response_a\":\"x\",\"response_b\":"
                  "\"y\"}\n");
    label(project, "p1", "ana", "preference", "response_a");
    label(project, "p1", "ben", "preference", "response_a");
    label(project, "p2", "ana", "preference", "tie");
    label(project, "p3", "ana", "preference", "response_a");
    label(project, "p3", "ben", "preference", "response_b");

    const fs::path out = dir.path() / "dpo";
    const auto exported = cli("export " + project.string() + " --format trl-preference --out-dir " + out.string() +
                              " --split 1,0,0 --margin");
    INFO(exported.output);
    REQUIRE(exported.exitCode == 0);
    CHECK_THAT(exported.output, Catch::Contains("Exported 1 rows (trl-preference, plain"));
    CHECK_THAT(exported.output, Catch::Contains("1 pairs ranked equal (ties)"));
    CHECK_THAT(exported.output, Catch::Contains("1 records whose annotators are split evenly"));
    const auto preference = pythonCheck(dir.path(), out / "train.jsonl", "trl-preference");
    INFO(preference.output);
    CHECK(preference.exitCode == 0);
    CHECK_THAT(preference.output, Catch::Contains("1 plain"));

    // Concord's own TRL import reads the export back: the same prompt, the same winner.
    const fs::path again = dir.path() / "again.concord";
    REQUIRE(cli("init " + again.string() + " --template preference").exitCode == 0);
    const auto reimported = cli("import " + again.string() + " " + (out / "train.jsonl").string() +
                                " --format trl-preference --annotator trl");
    INFO(reimported.output);
    CHECK(reimported.exitCode == 0);
    const auto back = cli("export " + again.string() + " --format trl-preference --out-dir " +
                          (dir.path() / "back").string() + " --split 1,0,0");
    INFO(back.output);
    CHECK(back.exitCode == 0);
    std::ifstream first(out / "train.jsonl"), second(dir.path() / "back" / "train.jsonl");
    std::string before, after;
    std::getline(first, before);
    std::getline(second, after);
    auto expected = nlohmann::json::parse(before);
    expected.erase("margin");
    CHECK(nlohmann::json::parse(after) == expected);

    const auto raw = exportAndCheck(dir.path(), project, "trl-preference", "--source raw", "raw");
    CHECK(raw.exitCode == 0);
    CHECK_THAT(raw.output, Catch::Contains("4 plain"));
    const auto kto = exportAndCheck(dir.path(), project, "trl-kto", "", "kto");
    INFO(kto.output);
    CHECK(kto.exitCode == 0);
    CHECK_THAT(kto.output, Catch::Contains("2 plain"));
    const auto sft = exportAndCheck(dir.path(), project, "trl-sft", "", "sft");
    CHECK(sft.exitCode == 0);
    CHECK_THAT(sft.output, Catch::Contains("1 plain"));
}

TEST_CASE("cli trl: rankings give every pair or best-worst, SFT from written answers, KTO from ratings", "[cli][trl]")
{
    concord::test::TempDir dir;
    const fs::path ranking = projectOf(dir.path(), "rank", "--template ranking",
                                       "{\"id\":\"k1\",\"prompt\":\"Q\",\"response_1\":\"a\",\"response_2\":\"b\","
                                       "\"response_3\":\"c\",\"response_4\":\"d\"}\n");
    label(ranking, "k1", "ana", "ranking", "[\"response_2\",\"response_1\",\"response_3\",\"response_4\"]");
    const auto every = exportAndCheck(dir.path(), ranking, "trl-preference", "", "every");
    CHECK(every.exitCode == 0);
    CHECK_THAT(every.output, Catch::Contains("6 plain"));
    const auto ends = exportAndCheck(dir.path(), ranking, "trl-preference", "--ranking-pairs best-worst", "ends");
    CHECK(ends.exitCode == 0);
    CHECK_THAT(ends.output, Catch::Contains("1 plain"));

    const fs::path sft = projectOf(dir.path(), "sft", "--template sft",
                                   "{\"id\":\"s1\",\"prompt\":\"3 times 17?\",\"response\":\"41\"}\n"
                                   "{\"id\":\"s2\",\"prompt\":\"Capital of France?\",\"response\":\"Lyon\"}\n");
    label(sft, "s1", "ana", "correction", "3 times 17 is 51.");
    const auto completion = exportAndCheck(dir.path(), sft, "trl-sft", "", "pc");
    CHECK(completion.exitCode == 0);
    CHECK_THAT(completion.output, Catch::Contains("1 plain"));
    const auto messages = exportAndCheck(dir.path(), sft, "trl-sft", "--sft-form messages", "messages");
    CHECK(messages.exitCode == 0);
    CHECK_THAT(messages.output, Catch::Contains("1 messages"));

    const fs::path evaluate = projectOf(dir.path(), "eval", "--template evaluate",
                                        "{\"id\":\"e1\",\"prompt\":\"2+2?\",\"response\":\"4\"}\n"
                                        "{\"id\":\"e2\",\"prompt\":\"3+3?\",\"response\":\"7\"}\n");
    label(evaluate, "e1", "ana", "correct", "yes");
    label(evaluate, "e1", "ana", "helpfulness", "6");
    label(evaluate, "e2", "ana", "correct", "no");
    label(evaluate, "e2", "ana", "helpfulness", "2");
    const auto refused = cli("export " + evaluate.string() + " --format trl-kto --question helpfulness --out-dir " +
                             (dir.path() / "no").string());
    CHECK(refused.exitCode != 0);
    CHECK_THAT(refused.output, Catch::Contains("--kto-threshold") && Catch::Contains("needs a threshold"));
    CHECK_FALSE(fs::exists(dir.path() / "no"));
    const auto rated =
        exportAndCheck(dir.path(), evaluate, "trl-kto", "--question helpfulness --kto-threshold 5", "rated");
    INFO(rated.output);
    CHECK(rated.exitCode == 0);
    CHECK_THAT(rated.output, Catch::Contains("2 plain"));
    const auto labelled =
        exportAndCheck(dir.path(), evaluate, "trl-kto", "--question correct --kto-good-label yes", "labelled");
    CHECK(labelled.exitCode == 0);
    CHECK_THAT(labelled.output, Catch::Contains("2 plain"));
}

TEST_CASE("cli trl: a chat prompt exports conversational rows", "[cli][trl]")
{
    concord::test::TempDir dir;
    const fs::path schema = dir.path() / "chat.json";
    writeFile(schema.string(),
              R"({"fields": [{"name": "chat", "kind": "chat"}, {"name": "a", "kind": "text"},
                             {"name": "b", "kind": "text"}],
                  "questions": [{"name": "better", "kind": "preference", "fields": ["a", "b"],
                                 "scale": {"points": 3}}]})");
    const fs::path project =
        projectOf(dir.path(), "chat", "--schema " + schema.string(),
                  R"({"id":"c1","chat":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hi"}],)"
                  R"("a":"Hello!","b":"Greetings, human being, and welcome."})"
                  "\n");
    label(project, "c1", "ana", "better", "a");
    const auto preference = exportAndCheck(dir.path(), project, "trl-preference", "", "dpo");
    INFO(preference.output);
    CHECK(preference.exitCode == 0);
    CHECK_THAT(preference.output, Catch::Contains("1 conversational"));
    const auto sft = exportAndCheck(dir.path(), project, "trl-sft", "", "sft");
    CHECK(sft.exitCode == 0);
    CHECK_THAT(sft.output, Catch::Contains("1 messages"));
    const auto kto = exportAndCheck(dir.path(), project, "trl-kto", "", "kto");
    CHECK(kto.exitCode == 0);
    CHECK_THAT(kto.output, Catch::Contains("2 conversational"));
}

TEST_CASE("cli trl: the argilla export has a column per field and six per question", "[cli][trl]")
{
    concord::test::TempDir dir;
    const fs::path project = projectOf(dir.path(), "pref", "--template preference",
                                       "{\"id\":\"p1\",\"prompt\":\"Say hi.\",\"response_a\":\"Hi!\",\"response_b\":"
                                       "\"Go away.\"}\n");
    label(project, "p1", "ana", "preference", "response_a");
    const fs::path out = dir.path() / "argilla";
    const auto exported = cli("export " + project.string() + " --format argilla --out-dir " + out.string());
    INFO(exported.output);
    REQUIRE(exported.exitCode == 0);
    const fs::path script = dir.path() / "check_argilla.py";
    writeFile(script.string(), R"PY(import json, sys
rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
assert len(rows) == 1, rows
row = rows[0]
columns = ["id", "prompt", "response_a", "response_b"]
for q in ["preference", "reason"]:
    columns += [q + ".responses", q + ".responses.users", q + ".responses.status",
                q + ".suggestion", q + ".suggestion.score", q + ".suggestion.agent"]
assert list(row) == columns, list(row)
assert row["preference.responses"] == ["response_a"], row
assert row["preference.responses.users"] == ["ana"] and row["preference.responses.status"] == ["submitted"], row
assert all(type(row[q + ".responses"]) is list for q in ["preference", "reason"])
print("ok")
)PY");
    const auto checked =
        concord::test::runCommand("python3 " + script.string() + " " + (out / "records.jsonl").string());
    INFO(checked.output);
    CHECK(checked.exitCode == 0);
    CHECK_THAT(checked.output, Catch::Contains("ok"));
}

TEST_CASE("cli trl: --min-agreement, --without-ties and --without-flagged leave records out, the card counts them",
          "[cli][trl]")
{
    concord::test::TempDir dir;
    const fs::path project =
        projectOf(dir.path(), "filters", "--template preference",
                  "{\"id\":\"p1\",\"prompt\":\"One.\",\"response_a\":\"a1\",\"response_b\":\"b1\"}\n"
                  "{\"id\":\"p2\",\"prompt\":\"Two.\",\"response_a\":\"a2\",\"response_b\":\"b2\"}\n"
                  "{\"id\":\"p3\",\"prompt\":\"Three.\",\"response_a\":\"same\","
                  "\"response_b\":\"same\"}\n");
    for (const char* who : {"ana", "ben", "cy"}) {
        label(project, "p1", who, "preference", "response_a");
        label(project, "p3", who, "preference", "response_b");
    }
    label(project, "p2", "ana", "preference", "response_b");
    label(project, "p2", "ben", "preference", "tie");
    label(project, "p2", "cy", "preference", "response_b");

    const fs::path out = dir.path() / "filtered";
    const auto exported = cli("export " + project.string() + " --format trl-preference --out-dir " + out.string() +
                              " --split 1,0,0 --min-agreement 0.5 --without-ties --without-flagged");
    INFO(exported.output);
    REQUIRE(exported.exitCode == 0);
    CHECK_THAT(exported.output, Catch::Contains("Exported 1 rows"));
    CHECK_THAT(exported.output, Catch::Contains("1 records with a tie"));
    CHECK_THAT(exported.output, Catch::Contains("1 records the preference checks flag"));
    std::ifstream cardFile(out / "README.md");
    const std::string card((std::istreambuf_iterator<char>(cardFile)), std::istreambuf_iterator<char>());
    CHECK_THAT(card, Catch::Contains("- Filters: records whose annotators agree less than 0.5"));
    CHECK_THAT(card, Catch::Contains("| records with a tie | 1 |"));
    CHECK_THAT(card, Catch::Contains("| records the preference checks flag | 1 |"));
    const auto checked = pythonCheck(dir.path(), out / "train.jsonl", "trl-preference");
    CHECK(checked.exitCode == 0);
    CHECK_THAT(checked.output, Catch::Contains("1 plain"));

    const auto low = cli("export " + project.string() + " --format trl-preference --out-dir " +
                         (dir.path() / "low").string() + " --min-agreement 0.9 --split 1,0,0");
    INFO(low.output);
    CHECK(low.exitCode == 0);
    CHECK_THAT(low.output, Catch::Contains("1 records whose annotators agree less than the least agreement"));

    const auto refused = cli("export " + project.string() + " --format trl-sft --question reason --out-dir " +
                             (dir.path() / "no").string() + " --without-ties");
    INFO(refused.output);
    CHECK(refused.exitCode == 3);
    CHECK_THAT(refused.output, Catch::Contains("--without-ties"));
}
