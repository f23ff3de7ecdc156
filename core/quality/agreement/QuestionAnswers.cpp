// A question's submitted answers per record; see QuestionAnswers.hpp.
#include "core/quality/agreement/QuestionAnswers.hpp"

#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

#include <algorithm>

namespace concord::quality {

std::vector<RecordAnswers> loadQuestionAnswers(Project& project, const Question& question)
{
    std::vector<RecordAnswers> records;
    project.annotations().forQuestion(question.name).forEach([&](const Annotation& annotation) {
        // Answers come ordered by sample, then annotator.
        if (records.empty() || records.back().key != annotation.sample) {
            RecordAnswers record;
            record.key = annotation.sample;
            const auto sample = project.samples().findByKey(annotation.sample);
            record.id = sample ? sample->id : std::to_string(annotation.sample);
            records.push_back(std::move(record));
        }
        RecordAnswers& record = records.back();
        nlohmann::json value = nlohmann::json::parse(annotation.value, nullptr, false);
        if (value.is_discarded()) {
            throw InputError("record '" + record.id + "', annotator '" + annotation.annotator + "', question '" +
                             question.name + "': the stored value is not JSON");
        }
        record.answers.emplace_back(annotation.annotator, std::move(value));
    });
    return records;
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
