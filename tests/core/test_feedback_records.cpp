// A record's fields against the schema and the limits, the text it is searched by, and its
// stored form.
#include "core/feedback/RecordContent.hpp"
#include "core/feedback/RecordSchema.hpp"
#include "core/util/Error.hpp"

#include <catch2/catch.hpp>

using namespace concord;
using Catch::Contains;
using nlohmann::json;

namespace {

// prompt (text, required), notes (markdown, optional), conversation (chat, optional).
RecordSchema feedbackRecordsSchema()
{
    return RecordSchema::fromJson(json::parse(R"({
        "fields": [{"name": "prompt", "kind": "text"},
                   {"name": "notes", "kind": "markdown", "required": false},
                   {"name": "conversation", "kind": "chat", "required": false}],
        "questions": [{"name": "q", "kind": "label", "labels": ["a", "b"]}]})"));
}

RecordContent feedbackRecord(const json& fields, const json& meta = json::object())
{
    RecordContent record;
    record.fields = fields;
    record.meta = meta;
    return record;
}

// The message of the InputError that checkRecord throws; any other exception escapes.
std::string feedbackRecordError(const RecordSchema& schema, const RecordContent& record,
                                const RecordLimits& limits = {})
{
    try {
        checkRecord(schema, record, limits);
    } catch (const InputError& error) {
        return error.what();
    }
    return "(accepted)";
}

json feedbackChat()
{
    return json::parse(R"([{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello!"}])");
}

} // namespace

TEST_CASE("feedback: checkRecord accepts a record that fits the schema", "[feedback]")
{
    const auto schema = feedbackRecordsSchema();
    CHECK(feedbackRecordError(schema, feedbackRecord({{"prompt", "Say hi"}})) == "(accepted)");
    CHECK(feedbackRecordError(schema,
                              feedbackRecord({{"prompt", "Say hi"}, {"notes", "*n*"}, {"conversation", feedbackChat()}},
                                             {{"conversation", {{"model", "model-x"}}}})) == "(accepted)");
    // An optional field may be empty; a chat may have no messages when it is optional.
    CHECK(feedbackRecordError(schema,
                              feedbackRecord({{"prompt", "p"}, {"notes", ""}, {"conversation", json::array()}})) ==
          "(accepted)");
    // A message's content may be empty; its role may not.
    CHECK(feedbackRecordError(schema, feedbackRecord({{"prompt", "p"},
                                                      {"conversation", {{{"role", "assistant"}, {"content", ""}}}}})) ==
          "(accepted)");
}

TEST_CASE("feedback: checkRecord refuses fields the schema lacks and required fields left out", "[feedback]")
{
    const auto schema = feedbackRecordsSchema();
    CHECK_THAT(feedbackRecordError(schema, feedbackRecord({{"prompt", "p"}, {"answer", "x"}})),
               Contains("field 'answer' is not among the project's fields (prompt, notes, conversation)"));
    CHECK_THAT(feedbackRecordError(schema, feedbackRecord({{"notes", "only notes"}})),
               Contains("field 'prompt' is required and missing or empty"));
    CHECK_THAT(feedbackRecordError(schema, feedbackRecord({{"prompt", ""}})),
               Contains("field 'prompt' is required and missing or empty"));
    CHECK_THAT(feedbackRecordError(schema, feedbackRecord({{"prompt", nullptr}})),
               Contains("field 'prompt': a text field holds a string, found null"));
    CHECK_THAT(feedbackRecordError(schema, feedbackRecord(json::array({"p"}))), Contains("must be an object"));

    // A required chat may not be empty.
    const auto chatOnly = RecordSchema::fromJson(json::parse(R"({
        "fields": [{"name": "conversation", "kind": "chat"}],
        "questions": [{"name": "q", "kind": "text"}]})"));
    CHECK_THAT(feedbackRecordError(chatOnly, feedbackRecord({{"conversation", json::array()}})),
               Contains("field 'conversation' is required and missing or empty"));
    CHECK(feedbackRecordError(chatOnly, feedbackRecord({{"conversation", feedbackChat()}})) == "(accepted)");
}

TEST_CASE("feedback: checkRecord refuses a text field that is not a string", "[feedback]")
{
    const auto schema = feedbackRecordsSchema();
    CHECK_THAT(feedbackRecordError(schema, feedbackRecord({{"prompt", 42}})),
               Contains("field 'prompt': a text field holds a string, found number"));
    CHECK_THAT(feedbackRecordError(schema, feedbackRecord({{"prompt", "p"}, {"notes", {{"md", "x"}}}})),
               Contains("field 'notes': a markdown field holds a string, found object"));
    CHECK_THAT(feedbackRecordError(schema, feedbackRecord({{"prompt", feedbackChat()}})),
               Contains("field 'prompt': a text field holds a string, found array"));
}

TEST_CASE("feedback: checkRecord refuses chat messages of the wrong shape", "[feedback]")
{
    const auto schema = feedbackRecordsSchema();
    const auto withChat = [](const char* chat) {
        return feedbackRecord({{"prompt", "p"}, {"conversation", json::parse(chat)}});
    };
    CHECK_THAT(feedbackRecordError(schema, withChat(R"([{"role":"user","content":"a"},{"content":"no role"}])")),
               Contains("field 'conversation', message 2") && Contains("key 'role' is missing"));
    CHECK_THAT(feedbackRecordError(schema, withChat(R"([{"role":"","content":"empty role"}])")),
               Contains("field 'conversation', message 1") && Contains("key 'role'"));
    CHECK_THAT(feedbackRecordError(schema, withChat(R"([{"role":7,"content":"a"}])")),
               Contains("message 1") && Contains("key 'role'"));
    CHECK_THAT(feedbackRecordError(schema, withChat(R"([{"role":"user","content":"a","name":"ada"}])")),
               Contains("field 'conversation', message 1") && Contains("unknown key 'name'") &&
                   Contains("a message has role and content"));
    // An extra key sorting before 'content' is refused as well.
    CHECK_THAT(feedbackRecordError(schema, withChat(R"([{"role":"user","content":"a","audio":"x"}])")),
               Contains("unknown key 'audio'"));
    CHECK_THAT(feedbackRecordError(schema, withChat(R"([{"role":"user"}])")),
               Contains("message 1") && Contains("key 'content' is missing or not a string"));
    CHECK_THAT(feedbackRecordError(schema, withChat(R"([{"role":"user","content":["a"]}])")),
               Contains("key 'content' is missing or not a string"));
    CHECK_THAT(feedbackRecordError(schema, withChat(R"(["user: hi"])")),
               Contains("message 1") && Contains("expected an object with role and content, found string"));
    CHECK_THAT(feedbackRecordError(schema, withChat(R"("user: hi")")),
               Contains("field 'conversation'") && Contains("a chat field holds a list of messages") &&
                   Contains("found string"));
}

TEST_CASE("feedback: checkRecord measures the whole record against max_text_bytes", "[feedback]")
{
    const auto schema = feedbackRecordsSchema();
    RecordLimits limits;
    limits.textBytes = 100;
    // As stored, {"fields":{"prompt":"xxx..."}}: 24 bytes around the text (no metadata).
    CHECK(feedbackRecordError(schema, feedbackRecord({{"prompt", std::string(76, 'x')}}), limits) == "(accepted)");
    CHECK_THAT(feedbackRecordError(schema, feedbackRecord({{"prompt", std::string(77, 'x')}}), limits),
               Contains("the record takes 101 bytes as JSON") && Contains("max_text_bytes 100"));
    // Fields that each fit can pass the limit together, and metadata counts too.
    CHECK_THAT(feedbackRecordError(
                   schema, feedbackRecord({{"prompt", std::string(50, 'x')}, {"notes", std::string(50, 'y')}}), limits),
               Contains("max_text_bytes 100"));
    CHECK_THAT(feedbackRecordError(
                   schema,
                   feedbackRecord({{"prompt", std::string(60, 'x')}}, {{"prompt", {{"model", std::string(40, 'm')}}}}),
                   limits),
               Contains("max_text_bytes 100"));
    // Control characters count as their JSON escapes: 20 of them take 120 bytes.
    CHECK_THAT(feedbackRecordError(schema, feedbackRecord({{"prompt", std::string(20, '\x01')}}), limits),
               Contains("max_text_bytes 100"));
}

TEST_CASE("feedback: checkRecord refuses metadata of a field the schema lacks", "[feedback]")
{
    const auto schema = feedbackRecordsSchema();
    CHECK_THAT(feedbackRecordError(schema, feedbackRecord({{"prompt", "p"}}, {{"response", {{"model", "m"}}}})),
               Contains("metadata of field 'response', which is not among the project's fields"));
    CHECK_THAT(feedbackRecordError(schema, feedbackRecord({{"prompt", "p"}}, {{"prompt", "model-x"}})),
               Contains("metadata of field 'prompt' must be an object"));
    CHECK_THAT(feedbackRecordError(schema, feedbackRecord({{"prompt", "p"}}, json::array())),
               Contains("field metadata must be an object"));
    // Metadata of an optional field that the record leaves out is allowed.
    CHECK(feedbackRecordError(schema, feedbackRecord({{"prompt", "p"}}, {{"notes", {{"author", "ada"}}}})) ==
          "(accepted)");
    RecordLimits limits;
    limits.metadataBytes = 32;
    CHECK_THAT(feedbackRecordError(
                   schema, feedbackRecord({{"prompt", "p"}}, {{"prompt", {{"model", std::string(64, 'm')}}}}), limits),
               Contains("metadata"));
}

TEST_CASE("feedback: primaryText is the first text that is not empty, else the chat's turns", "[feedback]")
{
    const auto schema = feedbackRecordsSchema();
    CHECK(primaryText(schema,
                      feedbackRecord({{"prompt", "the prompt"}, {"notes", "n"}, {"conversation", feedbackChat()}})) ==
          "the prompt");
    CHECK(primaryText(schema,
                      feedbackRecord({{"prompt", ""}, {"notes", "the notes"}, {"conversation", feedbackChat()}})) ==
          "the notes");
    CHECK(primaryText(schema, feedbackRecord({{"notes", ""}, {"conversation", feedbackChat()}})) ==
          "user: Hi\nassistant: Hello!");
    CHECK(primaryText(schema, feedbackRecord(json::object())).empty());

    // A chat first in the schema still gives way to a text field after it.
    const auto chatFirst = RecordSchema::fromJson(json::parse(R"({
        "fields": [{"name": "conversation", "kind": "chat"}, {"name": "summary", "kind": "markdown"}],
        "questions": [{"name": "q", "kind": "text"}]})"));
    CHECK(primaryText(chatFirst, feedbackRecord({{"conversation", feedbackChat()}, {"summary", "greetings"}})) ==
          "greetings");
    CHECK(primaryText(chatFirst, feedbackRecord({{"conversation", feedbackChat()}})) == "user: Hi\nassistant: Hello!");

    // fieldText: a string as it is, a chat as turns, an absent field empty.
    const auto record = feedbackRecord({{"prompt", "p"}, {"conversation", feedbackChat()}});
    CHECK(fieldText(record, "prompt") == "p");
    CHECK(fieldText(record, "conversation") == "user: Hi\nassistant: Hello!");
    CHECK(fieldText(record, "notes").empty());
}

TEST_CASE("feedback: a record's stored form round-trips", "[feedback]")
{
    const auto record = feedbackRecord({{"prompt", "Ünïcödé ✓"}, {"conversation", feedbackChat()}},
                                       {{"conversation", {{"model", "model-x"}, {"temperature", 0.7}}}});
    const auto encoded = encodeRecord(record);
    const auto decoded = decodeRecord(encoded);
    CHECK(decoded.fields == record.fields);
    CHECK(decoded.meta == record.meta);
    CHECK(encodeRecord(decoded) == encoded);
    CHECK(json::parse(encoded) == json{{"fields", record.fields}, {"meta", record.meta}});

    // Without metadata, the stored form leaves "meta" out, and decodes to an empty object.
    const auto plain = feedbackRecord({{"prompt", "p"}});
    const auto plainEncoded = encodeRecord(plain);
    CHECK(json::parse(plainEncoded) == json{{"fields", {{"prompt", "p"}}}});
    const auto plainDecoded = decodeRecord(plainEncoded);
    CHECK(plainDecoded.fields == plain.fields);
    CHECK(plainDecoded.meta == json::object());

    for (const char* bad : {"", "not json", "[]", R"({"fields":[]})", R"({"meta":{}})", R"({"fields":"text"})"}) {
        INFO(bad);
        CHECK_THROWS_AS(decodeRecord(bad), InputError);
    }
}
