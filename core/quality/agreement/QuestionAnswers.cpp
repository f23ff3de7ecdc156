// A question's submitted answers per record; see QuestionAnswers.hpp.
#include "core/quality/agreement/QuestionAnswers.hpp"

#include "core/feedback/SubmittedAnswers.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

#include <algorithm>
#include <unordered_map>

namespace concord::quality {

std::vector<RecordAnswers> loadQuestionAnswers(Project& project, const Question& question)
{
    std::vector<RecordAnswers> records;
    DistinctAnswers parsed;
    forEachSubmittedAnswer(project, question.name, [&](const SubmittedAnswer& answer) {
        // Answers come ordered by sample, then annotator.
        if (records.empty() || records.back().key != answer.sample) {
            records.emplace_back().key = answer.sample;
        }
        records.back().answers.emplace_back(std::string(answer.annotator), parsed.of(answer.value, [&] {
            return parseStoredAnswer(project, question, answer);
        }));
    });
    // The ids, in one pass beside the records (both in key order).
    auto ids = project.database().prepare("SELECT pk, id FROM samples ORDER BY pk");
    auto record = records.begin();
    while (record != records.end() && ids.step()) {
        if (ids.columnInt(0) == record->key) {
            record->id = ids.columnText(1);
            ++record;
        }
    }
    return records;
}

nlohmann::json parseStoredAnswer(Project& project, const Question& question, const SubmittedAnswer& answer)
{
    nlohmann::json value = nlohmann::json::parse(answer.value, nullptr, false);
    if (value.is_discarded()) {
        const auto sample = project.samples().findByKey(answer.sample);
        const std::string id = sample ? sample->id : std::to_string(answer.sample);
        throw InputError("record '" + id + "', annotator '" + std::string(answer.annotator) + "', question '" +
                         question.name + "': the stored value is not JSON");
    }
    return value;
}

std::string preferenceChoice(const nlohmann::json& value)
{
    const nlohmann::json& winner = value.at("preference").at("winner");
    return winner.is_string() ? winner.get<std::string>() : std::string(kTieChoice);
}

int signedStrength(const Question& question, const nlohmann::json& value)
{
    const nlohmann::json& preference = value.at("preference");
    const int strength = preference.value("strength", 0);
    if (!preference.at("winner").is_string()) {
        return 0;
    }
    return preference.at("winner") == question.fields.at(0) ? strength : -strength;
}

std::string choiceOf(const Question& question, const nlohmann::json& value)
{
    switch (question.kind) {
    case QuestionKind::Label:
    case QuestionKind::MultiLabel:
    case QuestionKind::Spans: {
        // A set: its members sorted (spans as objects, whose keys nlohmann keeps sorted).
        const char* key = question.kind == QuestionKind::Spans ? "spans" : "labels";
        nlohmann::json members = value.value(key, nlohmann::json::array());
        std::sort(members.begin(), members.end());
        return members.dump();
    }
    case QuestionKind::Rating:
        return value.at("rating").dump();
    case QuestionKind::Preference:
        return value.at("preference").at("winner").dump();
    case QuestionKind::Ranking:
        return value.at("ranking").dump();
    case QuestionKind::Text:
        return value.value("text", std::string());
    }
    return value.dump();
}

} // namespace concord::quality
