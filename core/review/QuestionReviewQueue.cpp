#include "core/review/QuestionReviewQueue.hpp"

#include "core/quality/agreement/QuestionAnswers.hpp"
#include "core/quality/agreement/RecordAgreement.hpp"
#include "core/quality/agreement/SuggestionAgreement.hpp"
#include "core/quality/bias/BiasFlags.hpp"

#include <algorithm>
#include <map>
#include <optional>
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

// Whether the record `key` passes the filter's suggestion rule.
bool suggestionPasses(Project& project, const Question& question, const QuestionReviewFilter& filter,
                      const quality::RecordAnswers* record, std::int64_t key)
{
    if (filter.agent.empty() || filter.agentMatch == QuestionReviewFilter::AgentMatch::Any) {
        return true;
    }
    const auto suggestion = project.suggestions().find(key, question.name, filter.agent);
    if (!suggestion) {
        return false;
    }
    const nlohmann::json value = nlohmann::json::parse(suggestion->value, nullptr, false);
    const std::optional<std::string> majority = record ? quality::majorityChoice(question, *record) : std::nullopt;
    const bool agrees = !value.is_discarded() && majority && quality::choiceOf(question, value) == *majority;
    return agrees == (filter.agentMatch == QuestionReviewFilter::AgentMatch::Agrees);
}

} // namespace question_review

std::vector<QuestionReviewItem> questionReviewQueue(Project& project, const Question& question,
                                                    const QuestionReviewFilter& filter)
{
    const std::vector<quality::RecordAnswers> records = quality::loadQuestionAnswers(project, question);
    const std::map<std::int64_t, double> agreement = quality::recordAgreement(question, records);
    std::map<std::int64_t, const quality::RecordAnswers*> byKey;
    for (const quality::RecordAnswers& record : records) {
        byKey.emplace(record.key, &record);
    }
    std::optional<std::set<std::int64_t>> flagged;
    if (filter.biasFlagged) {
        flagged = quality::biasFlaggedRecords(project, question.name);
    }
    auto gold = project.resolutions().forQuestion(question.name);
    const auto passes = [&](std::int64_t key) {
        const auto record = byKey.find(key);
        return (!flagged || flagged->count(key) > 0) &&
               question_review::suggestionPasses(project, question, filter,
                                                 record == byKey.end() ? nullptr : record->second, key);
    };
    const auto itemOf = [&](std::int64_t key, const std::string& id) {
        QuestionReviewItem item;
        item.key = key;
        item.id = id;
        if (const auto found = agreement.find(key); found != agreement.end()) {
            item.agreement = found->second;
        }
        if (const auto record = byKey.find(key); record != byKey.end()) {
            item.answers = record->second->answers;
            item.opposite = question.kind == QuestionKind::Preference && question_review::oppositeWinners(item.answers);
        }
        item.resolved = gold.get(key).has_value();
        return item;
    };

    std::vector<QuestionReviewItem> queue;
    if (filter.status != ResponseStatus::Submitted) {
        for (const ResponseChange& response : project.responses().withStatus(toString(filter.status))) {
            if (queue.empty() || queue.back().key != response.sampleKey) {
                if (!passes(response.sampleKey)) {
                    continue;
                }
                queue.push_back(itemOf(response.sampleKey, response.sampleId));
            }
            queue.back().pending.push_back({response.annotator, filter.status, response.reason});
        }
        return queue;
    }
    for (const quality::RecordAnswers& record : records) {
        const auto found = agreement.find(record.key);
        if (found == agreement.end() || found->second >= 1.0 || !passes(record.key)) {
            continue; // fewer than two answers, all agree, or filtered out
        }
        queue.push_back(itemOf(record.key, record.id));
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
