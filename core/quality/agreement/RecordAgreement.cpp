// One number of agreement per record; see RecordAgreement.hpp.
#include "core/quality/agreement/RecordAgreement.hpp"

#include "core/quality/agreement/EditDistance.hpp"
#include "core/quality/agreement/KendallW.hpp"
#include "core/quality/agreement/PreferenceChoices.hpp"
#include "core/quality/agreement/RatingTableBuilder.hpp"

#include <algorithm>

namespace concord::quality {

std::optional<double> recordPairAgreement(const Question& question, const RecordAnswers& record)
{
    const std::size_t n = record.answers.size();
    if (n < 2) {
        return std::nullopt;
    }
    std::vector<std::string> choices;
    choices.reserve(n);
    for (const auto& answer : record.answers) {
        choices.push_back(choiceOf(question, answer.second));
    }
    std::size_t agreeing = 0;
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = i + 1; j < n; ++j) {
            agreeing += choices[i] == choices[j] ? 1 : 0;
        }
    }
    return static_cast<double>(agreeing) / static_cast<double>(n * (n - 1) / 2);
}

std::optional<double> recordKendallW(const RecordAnswers& record)
{
    if (record.answers.size() < 2) {
        return std::nullopt;
    }
    RatingTableBuilder builder;
    for (const auto& [annotator, value] : record.answers) {
        for (const auto& [field, rank] : value.at("ranking").items()) {
            builder.add(field, annotator, rank.dump());
        }
    }
    return kendallW(builder.build()).get();
}

std::optional<double> recordTextSimilarity(const RecordAnswers& record)
{
    const std::size_t n = record.answers.size();
    if (n < 2) {
        return std::nullopt;
    }
    std::vector<std::u32string> texts;
    for (const auto& answer : record.answers) {
        texts.push_back(codePoints(answer.second.value("text", std::string())));
    }
    double sum = 0.0;
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const EditPattern pattern(texts[i]);
        for (std::size_t j = i + 1; j < n; ++j) {
            sum += 1.0 - normalizedEditDistance(pattern, texts[j]);
        }
    }
    return sum / static_cast<double>(n * (n - 1) / 2);
}

std::map<std::int64_t, double> recordAgreement(const Question& question, const std::vector<RecordAnswers>& records)
{
    std::map<std::int64_t, double> result;
    for (const RecordAnswers& record : records) {
        if (record.answers.size() < 2) {
            continue;
        }
        std::optional<double> agreement;
        if (question.kind == QuestionKind::Ranking) {
            // W is 0/0 only when every ranker tied every field: the rankings are all the same.
            agreement = recordKendallW(record).value_or(1.0);
        } else if (question.kind == QuestionKind::Text) {
            agreement = recordTextSimilarity(record);
        } else {
            agreement = recordPairAgreement(question, record);
        }
        result.emplace(record.key, *agreement);
    }
    return result;
}

std::map<std::int64_t, double> recordAgreement(const PreferenceChoices& votes)
{
    // Whole numbers of agreeing pairs per record, each answer's choiceOf compared as its index.
    std::map<std::int64_t, double> result;
    std::vector<std::size_t> count(votes.sameValues.size(), 0);
    for (std::size_t record = 0; record < votes.records(); ++record) {
        const std::size_t n = votes.start[record + 1] - votes.start[record];
        if (n < 2) {
            continue;
        }
        std::fill(count.begin(), count.end(), 0);
        std::size_t agreeing = 0;
        for (std::uint32_t vote = votes.start[record]; vote < votes.start[record + 1]; ++vote) {
            agreeing += count[votes.answers[votes.answer[vote]].same]++; // pairs with the equal votes before it
        }
        result.emplace_hint(result.end(), votes.keys[record],
                            static_cast<double>(agreeing) / static_cast<double>(n * (n - 1) / 2));
    }
    return result;
}

std::map<std::int64_t, double> recordAgreement(Project& project, const Question& question)
{
    if (question.kind == QuestionKind::Preference) {
        return recordAgreement(loadPreferenceChoices(project, question));
    }
    return recordAgreement(question, loadQuestionAnswers(project, question));
}

} // namespace concord::quality
