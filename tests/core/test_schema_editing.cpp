// Editing a schema's JSON a setting at a time (core/feedback/SchemaEditing): each kind's
// settings; a question of each kind started on two fields is one RecordSchema::fromJson
// accepts; a renamed field is renamed where questions name it.
#include "core/feedback/RecordSchema.hpp"
#include "core/feedback/SchemaEditing.hpp"

#include <catch2/catch.hpp>

using namespace concord;

TEST_CASE("schema editing: every kind started on two fields is accepted, and renames reach questions", "[schema]")
{
    CHECK(settingsOf("spans").labels);
    CHECK(settingsOf("spans").field);
    CHECK_FALSE(settingsOf("spans").fields);
    CHECK(settingsOf("preference").scale);
    CHECK_FALSE(settingsOf("ranking").scale);
    CHECK(settingsOf("text").field);
    CHECK_FALSE(settingsOf("rating").labels);

    const std::vector<std::string> fields{"prompt", "response_a", "response_b"};
    nlohmann::json schema = {{"fields", {{{"name", "prompt"}}, {{"name", "response_a"}}, {{"name", "response_b"}}}},
                             {"questions", nlohmann::json::array()}};
    for (const char* kind : {"label", "multi_label", "spans", "rating", "preference", "ranking", "text"}) {
        nlohmann::json question = {{"name", std::string("q_") + kind}, {"kind", kind}};
        startQuestionKind(question, kind, fields);
        schema["questions"].push_back(question);
    }
    CHECK(schema["questions"][2]["field"] == "response_b");
    CHECK(schema["questions"][4]["fields"] == nlohmann::json{"response_a", "response_b"});
    CHECK_NOTHROW(RecordSchema::fromJson(schema));

    // A setting already there is kept.
    nlohmann::json kept = {{"labels", {"a", "b", "c"}}};
    startQuestionKind(kept, "label", fields);
    CHECK(kept["labels"].size() == 3);

    schema["fields"][2]["name"] = "answer";
    renameFieldInQuestions(schema["questions"], "response_b", "answer");
    CHECK(schema["questions"][2]["field"] == "answer");
    CHECK(schema["questions"][5]["fields"] == nlohmann::json{"response_a", "answer"});
    CHECK_NOTHROW(RecordSchema::fromJson(schema));
}
