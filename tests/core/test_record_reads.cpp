// The fast readers of every record and every answer (statistics and exports read a million):
// pickStoredStrings() gives what decodeRecord() gives, forEachRecordFields() what recordOf()
// gives, and forEachSubmittedAnswer(), which reads the later half of a large project on a second
// connection, gives the answers a plain query gives, in order, in or out of a transaction.
#include "TrlTestSupport.hpp"

#include "core/feedback/RecordStream.hpp"
#include "core/feedback/StoredFields.hpp"
#include "core/feedback/SubmittedAnswers.hpp"
#include "core/store/Sqlite.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <tuple>
#include <vector>

using namespace concord;
using concord::trltest::insert;
using concord::trltest::projectFrom;

namespace {

const std::vector<std::string> kNames{"prompt", "response_a", "response_b"};

// What decodeRecord() and fieldText() read for each of kNames.
std::vector<std::string> decoded(const std::string& stored)
{
    const RecordContent record = decodeRecord(stored);
    std::vector<std::string> texts;
    for (const auto& name : kNames) {
        texts.push_back(fieldText(record, name));
    }
    return texts;
}

std::vector<std::string> picked(const std::string& stored, bool& ok)
{
    std::vector<std::string> texts{"left over", "from", "before"};
    ok = pickStoredStrings(stored, kNames, texts);
    return texts;
}

nlohmann::json preferenceSchema()
{
    return nlohmann::json::parse(R"({
        "fields": [{"name": "prompt"}, {"name": "response_a"}, {"name": "response_b"}],
        "questions": [{"name": "preference", "kind": "preference", "fields": ["response_a", "response_b"]},
                      {"name": "note", "kind": "text", "required": false}]})");
}

using AnswerRow = std::tuple<std::int64_t, std::string, std::string, std::string>;

std::vector<AnswerRow> visited(Project& project, const std::string& question)
{
    std::vector<AnswerRow> rows;
    forEachSubmittedAnswer(project, question, [&](const SubmittedAnswer& answer) {
        rows.emplace_back(answer.sample, std::string(answer.annotator), std::string(answer.value),
                          std::string(answer.context));
    });
    return rows;
}

// The same by the plainest query: a join on the statuses.
std::vector<AnswerRow> expected(Project& project, const std::string& question)
{
    auto query = project.database().prepare(
        "SELECT a.sample, a.annotator, a.value, a.context FROM answers a LEFT JOIN responses r "
        "ON r.sample = a.sample AND r.annotator = a.annotator WHERE a.question = ?1 "
        "AND coalesce(r.status, 'submitted') = 'submitted' ORDER BY a.sample, a.annotator");
    query.bind(1, question);
    std::vector<AnswerRow> rows;
    while (query.step()) {
        rows.emplace_back(query.columnInt(0), query.columnText(1), query.columnText(2), query.columnText(3));
    }
    return rows;
}

} // namespace

TEST_CASE("stored fields: picked straight from the text as decodeRecord reads them", "[feedback][records]")
{
    const std::vector<nlohmann::json> records{
        {{"prompt", "plain"}, {"response_a", "a"}, {"response_b", "b"}},
        {{"prompt", "quote \" backslash \\ slash / tab\tnewline\nreturn\r"},
         {"response_a", "ends in a backslash \\"},
         {"response_b", "\\\" both"}},
        {{"prompt", "control \x01 and \x1f"}, {"response_a", "Ünïcödé ✓ 😀"}, {"response_b", ""}},
        {{"prompt", "only the prompt"}},
        {{"other", "a field not asked for"}, {"response_b", "b"}, {"zzz", "after"}},
    };
    for (const auto& fields : records) {
        RecordContent record;
        record.fields = fields;
        record.meta = {{"response_a", {{"model", "m"}}}};
        const std::string stored = encodeRecord(record);
        bool ok = false;
        const auto texts = picked(stored, ok);
        INFO(stored);
        CHECK(ok);
        CHECK(texts == decoded(stored));
    }

    SECTION("\\u escapes and a name met twice, in text Concord did not write")
    {
        const std::string stored =
            R"({"fields":{"prompt":"caf\u00e9 \ud83d\ude00","response_a":"first","response_a":"last"}})";
        bool ok = false;
        const auto texts = picked(stored, ok);
        CHECK(ok);
        CHECK(texts == decoded(stored));
        CHECK(texts[0] == "café 😀");
        CHECK(texts[1] == "last");
    }
    SECTION("what is not encodeRecord's form is left to the full decoder")
    {
        for (const std::string stored : {
                 R"({"fields":{"prompt":"p","chat":[{"role":"user","content":"hi"}]}})", // a chat
                 R"({ "fields":{"prompt":"p"}})",                                        // white space
                 R"({"meta":{},"fields":{"prompt":"p"}})",                               // another order
                 R"({"fields":{"prompt":"p","response_a":1}})",                          // not a string
                 R"({"fields":{"prompt":"unterminated)",                                 // cut short
                 R"({"fields":{"prompt":"p")",                                           // no end
                 R"({"fields":{"pr\"ompt":"p"}})",                                       // an escaped name
             }) {
            bool ok = true;
            picked(stored, ok);
            INFO(stored);
            CHECK_FALSE(ok);
        }
    }
    SECTION("a record with no fields")
    {
        bool ok = false;
        const auto texts = picked(R"({"fields":{}})", ok);
        CHECK(ok);
        CHECK(texts == std::vector<std::string>{"", "", ""});
    }
}

TEST_CASE("record fields: every record read by picking gives what recordOf gives", "[feedback][records]")
{
    test::TempDir dir;
    SECTION("a project of fields, chats aside")
    {
        auto project = projectFrom(dir.file("p.concord"), preferenceSchema());
        insert(*project, "r1", {{"prompt", "say \"hi\""}, {"response_a", "hi\\"}, {"response_b", "hello\n"}});
        insert(*project, "r2", {{"prompt", "two"}, {"response_a", "ä"}, {"response_b", "b"}});
        std::vector<std::string> seen;
        forEachRecordFields(*project, kNames, [&](const Sample& sample, const RecordContent& record) {
            const auto full = project->recordOf(*project->samples().findById(sample.id));
            for (const auto& name : kNames) {
                CHECK(fieldText(record, name) == fieldText(full, name));
            }
            seen.push_back(sample.id);
        });
        CHECK(seen == std::vector<std::string>{"r1", "r2"});
    }
    SECTION("a project of one text, made before fields: its records are their text")
    {
        ProjectSettings settings;
        settings.name = "legacy";
        auto project =
            Project::create(dir.file("legacy.concord"), settings, LabelSchema::fromNames(TaskKind::Single, {"a", "b"}));
        REQUIRE(project->samples().insert("t1", "the \"first\" text", "{}", ""));
        std::vector<std::string> texts;
        forEachRecordFields(*project, {"text"}, [&](const Sample&, const RecordContent& record) {
            texts.push_back(fieldText(record, "text"));
        });
        CHECK(texts == std::vector<std::string>{"the \"first\" text"});
    }
}

TEST_CASE("submitted answers: a large project read in two halves gives every answer in order", "[feedback][records]")
{
    test::TempDir dir;
    auto project = projectFrom(dir.file("big.concord"), preferenceSchema());
    {
        // 5,000 records: above the size from which the later half is read on a second connection.
        sqlite::Transaction batch(project->database());
        for (int i = 0; i < 5000; ++i) {
            const std::string n = std::to_string(i);
            const auto key = insert(*project, "r" + n, {{"prompt", "p" + n}, {"response_a", "a"}, {"response_b", "b"}});
            trltest::submit(*project, key, "ann", "preference",
                            trltest::prefer(i % 3 == 0 ? "response_b" : "response_a", 1));
            project->answer(key, "bob", "preference", trltest::tie());
            if (i % 7 == 0) {
                project->answer(key, "bob", "note", {{"text", "note " + n}});
            }
            if (i % 11 != 0) {
                project->setStatus(key, "bob", ResponseStatus::Submitted); // else a draft, left out
            }
        }
        batch.commit();
    }
    const auto all = expected(*project, "preference");
    REQUIRE(all.size() == 5000 + 5000 - 455);
    CHECK(visited(*project, "preference") == all);
    CHECK(visited(*project, "note") == expected(*project, "note"));
    CHECK(visited(*project, "no such question").empty());

    SECTION("inside a transaction the project's own connection reads everything, what it wrote too")
    {
        sqlite::Transaction open(project->database());
        const auto key = insert(*project, "late", {{"prompt", "late"}, {"response_a", "a"}, {"response_b", "b"}});
        trltest::submit(*project, key, "ann", "preference", trltest::tie());
        const auto inside = visited(*project, "preference");
        CHECK(inside.size() == all.size() + 1);
        CHECK(inside == expected(*project, "preference"));
    }
}
