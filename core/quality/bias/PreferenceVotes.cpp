// loadPreferenceVotes(): the records in one scan of the samples, the votes in one query.
#include "core/quality/bias/PreferenceVotes.hpp"

#include "core/feedback/Answers.hpp"
#include "core/feedback/ShownOrder.hpp"
#include "core/store/Project.hpp"

#include <algorithm>
#include <map>

namespace concord::quality {

namespace preference_votes {

// 0 or 1 for a field of the question, -1 for anything else.
int sideOf(const std::array<std::string, 2>& fields, const nlohmann::json& name)
{
    if (!name.is_string()) {
        return -1;
    }
    for (int side = 0; side < 2; ++side) {
        if (name.get_ref<const std::string&>() == fields[static_cast<std::size_t>(side)]) {
            return side;
        }
    }
    return -1;
}

} // namespace preference_votes

std::vector<const Question*> preferenceQuestions(const RecordSchema& schema)
{
    std::vector<const Question*> questions;
    for (const Question& question : schema.questions) {
        if (question.kind == QuestionKind::Preference && question.fields.size() == 2) {
            questions.push_back(&question);
        }
    }
    return questions;
}

std::string promptFieldOf(const RecordSchema& schema, const Question& question)
{
    if (schema.findField("prompt")) {
        return "prompt";
    }
    for (const Field& field : schema.fields) {
        if (std::find(question.fields.begin(), question.fields.end(), field.name) == question.fields.end()) {
            return field.name;
        }
    }
    return {};
}

PreferenceVotes loadPreferenceVotes(Project& project, const Question& question)
{
    using preference_votes::sideOf;
    PreferenceVotes out;
    out.question = question.name;
    out.fields = {question.fields.at(0), question.fields.at(1)};
    out.promptField = promptFieldOf(project.recordSchema(), question);

    std::map<std::int64_t, std::uint32_t> recordIndex;
    project.samples().forEach([&](const Sample& sample) {
        const RecordContent content = project.recordOf(sample);
        recordIndex.emplace(sample.key, static_cast<std::uint32_t>(out.records.size()));
        out.records.push_back({sample.key,
                               sample.id,
                               out.promptField.empty() ? std::string() : fieldText(content, out.promptField),
                               {fieldText(content, out.fields[0]), fieldText(content, out.fields[1])}});
    });

    auto statement = project.database().prepare(
        "SELECT a.sample, a.annotator, a.value, a.context FROM answers a LEFT JOIN responses r "
        "ON r.sample = a.sample AND r.annotator = a.annotator "
        "WHERE a.question = ?1 AND (r.status IS NULL OR r.status = 'submitted') ORDER BY a.sample, a.annotator");
    statement.bind(1, question.name);
    std::map<std::string, std::uint32_t, std::less<>> annotatorIndex;
    const std::uint64_t seed = project.orderSeed();
    while (statement.step()) {
        const auto record = recordIndex.find(statement.columnInt(0));
        const nlohmann::json value = nlohmann::json::parse(statement.columnView(2), nullptr, false);
        const nlohmann::json* preference =
            value.is_object() && value.contains("preference") ? &value["preference"] : nullptr;
        if (record == recordIndex.end() || preference == nullptr || !preference->is_object() ||
            !preference->contains("winner")) {
            ++out.unreadable;
            continue;
        }
        PreferenceVote vote;
        vote.record = record->second;
        vote.winner = sideOf(out.fields, (*preference)["winner"]);
        if (vote.winner < 0 && !(*preference)["winner"].is_null()) {
            ++out.unreadable; // a winner that is neither field nor a tie
            continue;
        }
        const std::string annotator = statement.columnText(1);
        const auto named = annotatorIndex.try_emplace(annotator, static_cast<std::uint32_t>(out.annotators.size()));
        if (named.second) {
            out.annotators.push_back(annotator);
        }
        vote.annotator = named.first->second;

        int first = -1;
        if (!statement.isNull(3)) {
            const nlohmann::json context = nlohmann::json::parse(statement.columnView(3), nullptr, false);
            if (context.is_object() && context.contains("order") && context["order"].is_array() &&
                !context["order"].empty()) {
                first = sideOf(out.fields, context["order"][0]);
            }
        }
        if (first < 0) {
            first = sideOf(out.fields, shownOrder(seed, out.records[vote.record].id, annotator, question).front());
            ++out.drawnOrders;
        }
        vote.shownFirst = first;
        out.votes.push_back(vote);
    }
    // Annotators by name, so that reports read in a stable order.
    std::vector<std::uint32_t> rename(out.annotators.size());
    std::uint32_t position = 0;
    for (const auto& [name, index] : annotatorIndex) {
        rename[index] = position++;
    }
    for (auto& vote : out.votes) {
        vote.annotator = rename[vote.annotator];
    }
    out.annotators.clear();
    for (const auto& [name, index] : annotatorIndex) {
        out.annotators.push_back(name);
    }
    return out;
}

} // namespace concord::quality
