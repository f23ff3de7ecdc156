#include "core/review/QuestionReviewQueue.hpp"

#include "core/quality/agreement/QuestionAnswers.hpp"
#include "core/quality/agreement/RecordAgreement.hpp"

#include <algorithm>
#include <set>

namespace concord::review {

namespace question_review {

// Whether the record's annotators chose both compared fields as winners.
bool oppositeWinners(const std::vector<std::pair<std::string, nlohmann::json>>& answers)
{
    std::set<std::string> winners;
    for (const auto& [annotator, value] : answers) {
        const auto preference = value.find("preference");
        if (preference == value.end() || !preference->is_object()) {
            continue;
        }
        const auto winner = preference->find("winner");
        if (winner != preference->end() && winner->is_string()) {
            winners.insert(winner->get<std::string>());
        }
    }
    return winners.size() > 1;
}

} // namespace question_review

std::vector<QuestionReviewItem> questionReviewQueue(Project& project, const Question& question)
{
    const std::vector<quality::RecordAnswers> records = quality::loadQuestionAnswers(project, question);
    const std::map<std::int64_t, double> agreement = quality::recordAgreement(question, records);
    auto gold = project.resolutions().forQuestion(question.name);
    std::vector<QuestionReviewItem> queue;
    for (const quality::RecordAnswers& record : records) {
        const auto found = agreement.find(record.key);
        if (found == agreement.end() || found->second >= 1.0) {
            continue; // fewer than two answers, or all agree
        }
        QuestionReviewItem item;
        item.key = record.key;
        item.id = record.id;
        item.agreement = found->second;
        item.opposite = question.kind == QuestionKind::Preference && question_review::oppositeWinners(record.answers);
        item.answers = record.answers;
        item.resolved = gold.get(record.key).has_value();
        queue.push_back(std::move(item));
    }
    std::stable_sort(queue.begin(), queue.end(), [](const QuestionReviewItem& a, const QuestionReviewItem& b) {
        if (a.opposite != b.opposite) {
            return a.opposite;
        }
        return a.agreement < b.agreement;
    });
    return queue;
}

} // namespace concord::review
