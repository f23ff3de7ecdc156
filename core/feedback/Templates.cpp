#include "core/feedback/Templates.hpp"

#include "core/util/Error.hpp"

namespace concord {

namespace {

nlohmann::json field(const char* name, const char* title, const char* kind, bool required = true)
{
    return {{"name", name}, {"title", title}, {"kind", kind}, {"required", required}};
}

nlohmann::json preference()
{
    return {{"fields",
             {field("prompt", "Prompt", "text"), field("response_a", "Response A", "markdown"),
              field("response_b", "Response B", "markdown")}},
            {"questions",
             {{{"name", "preference"},
               {"title", "Which response is better?"},
               {"description", "Judge helpfulness, honesty and harmlessness together. Choose a tie only when "
                               "neither is better."},
               {"kind", "preference"},
               {"fields", {"response_a", "response_b"}},
               {"scale", {{"points", 5}}}},
              {{"name", "reason"}, {"title", "Why? (optional)"}, {"kind", "text"}, {"required", false}}}}};
}

nlohmann::json ranking()
{
    return {{"fields",
             {field("prompt", "Prompt", "text"), field("response_1", "Response 1", "markdown"),
              field("response_2", "Response 2", "markdown"), field("response_3", "Response 3", "markdown"),
              field("response_4", "Response 4", "markdown")}},
            {"questions",
             {{{"name", "ranking"},
               {"title", "Rank the responses, best first"},
               {"description", "Give equal ranks to responses you cannot tell apart."},
               {"kind", "ranking"},
               {"fields", {"response_1", "response_2", "response_3", "response_4"}}}}}};
}

nlohmann::json sft()
{
    return {{"fields", {field("prompt", "Prompt", "text"), field("response", "Model's draft", "markdown", false)}},
            {"questions",
             {{{"name", "correction"},
               {"title", "Write or correct the response"},
               {"description", "Start from the model's draft where there is one; fix facts, tone and format."},
               {"kind", "text"},
               {"field", "response"}},
              {{"name", "quality"},
               {"title", "How good was the draft?"},
               {"kind", "label"},
               {"labels", {"good", "needs-edits", "unusable"}},
               {"required", false}}}}};
}

nlohmann::json evaluate()
{
    return {
        {"fields", {field("prompt", "Prompt", "text"), field("response", "Response", "markdown")}},
        {"questions",
         {{{"name", "correct"}, {"title", "Is the response correct?"}, {"kind", "label"}, {"labels", {"yes", "no"}}},
          {{"name", "helpfulness"},
           {"title", "How helpful is it?"},
           {"kind", "rating"},
           {"rating", {{"min", 1}, {"max", 7}}}},
          {{"name", "hallucinations"},
           {"title", "Mark what is made up"},
           {"kind", "spans"},
           {"field", "response"},
           {"labels", {"hallucination"}},
           {"required", false}},
          {{"name", "why"}, {"title", "Why? (optional)"}, {"kind", "text"}, {"required", false}}}}};
}

nlohmann::json classify()
{
    return {{"fields", {field("text", "Text", "text")}},
            {"questions", {{{"name", "label"}, {"kind", "label"}, {"labels", {"positive", "negative", "neutral"}}}}}};
}

} // namespace

RecordContent exampleRecord(const RecordSchema& schema)
{
    RecordContent record;
    for (const Field& field : schema.fields) {
        const std::string title = field.title.empty() ? field.name : field.title;
        switch (field.kind) {
        case FieldKind::Chat:
            record.fields[field.name] = nlohmann::json::array(
                {{{"role", "system"}, {"content", "You are a helpful assistant."}},
                 {{"role", "user"}, {"content", "How do I keep basil alive indoors?"}},
                 {{"role", "assistant"}, {"content", "Give it a sunny window and water it when the soil is dry."}}});
            break;
        case FieldKind::Markdown:
            // No field name in the text: the preview shows compared fields in a drawn order, and
            // a name would give the order away.
            record.fields[field.name] = "### An example answer\n\nWhat a model wrote goes here:\n\n- a **first** "
                                        "point\n- a second point\n\n```python\nprint(\"hello\")\n```";
            break;
        default:
            record.fields[field.name] = "An example of \"" + title + "\": the records you import fill it.";
        }
    }
    return record;
}

std::vector<std::string> templateNames()
{
    return {"preference", "ranking", "sft", "evaluate", "classify"};
}

nlohmann::json templateSchema(std::string_view name)
{
    if (name == "preference") {
        return preference();
    }
    if (name == "ranking") {
        return ranking();
    }
    if (name == "sft") {
        return sft();
    }
    if (name == "evaluate") {
        return evaluate();
    }
    if (name == "classify") {
        return classify();
    }
    throw SettingError("template", "no template named '" + std::string(name).substr(0, 64) +
                                       "' (there are: preference, ranking, sft, evaluate, classify)");
}

} // namespace concord
