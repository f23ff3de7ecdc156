// Agreement of suggestions with the annotators' majority; see SuggestionAgreement.hpp.
#include "core/quality/agreement/SuggestionAgreement.hpp"

#include "core/quality/agreement/PairwiseAgreement.hpp"
#include "core/quality/agreement/RatingTableBuilder.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

#include <algorithm>
#include <functional>
#include <map>

namespace concord::quality {

// A named namespace: a unity build puts this file in one batch with its neighbours.
namespace suggestion_agreement {

// The record's majority value; nullopt when the most frequent values tie.
std::optional<std::string> majorityOf(const Question& question, const RecordAnswers& record)
{
    std::map<std::string, std::size_t> counts;
    for (const auto& answer : record.answers) {
        ++counts[choiceOf(question, answer.second)];
    }
    std::optional<std::string> best;
    std::size_t bestCount = 0;
    bool tied = false;
    for (const auto& [value, count] : counts) {
        if (count > bestCount) {
            best = value;
            bestCount = count;
            tied = false;
        } else if (count == bestCount) {
            tied = true;
        }
    }
    return tied ? std::nullopt : best;
}

struct AgentTally
{
    AgentAgreement result;
    RatingTableBuilder pairs; // raters "agent" and "majority"
};

// Per record with answers (sample key), its majority value; nullopt when its most frequent values tie.
using Majorities = std::map<std::int64_t, std::optional<std::string>>;

// The agents' suggestions against the majorities (made by `majorities` when the kind has them).
SuggestionAgreement againstMajorities(Project& project, const Question& question,
                                      const std::function<Majorities()>& majorities);

} // namespace suggestion_agreement

std::optional<std::string> majorityChoice(const Question& question, const RecordAnswers& record)
{
    return suggestion_agreement::majorityOf(question, record);
}

bool suggestionAgreementDefined(QuestionKind kind)
{
    return kind != QuestionKind::Ranking && kind != QuestionKind::Text;
}

SuggestionAgreement suggestionAgreement(Project& project, const Question& question,
                                        const std::vector<RecordAnswers>& records)
{
    return suggestion_agreement::againstMajorities(project, question, [&] {
        suggestion_agreement::Majorities majorities;
        for (const RecordAnswers& record : records) {
            majorities.emplace(record.key, suggestion_agreement::majorityOf(question, record));
        }
        return majorities;
    });
}

SuggestionAgreement suggestionAgreementOfChoices(Project& project, const Question& question,
                                                 const PreferenceChoices& votes)
{
    return suggestion_agreement::againstMajorities(project, question, [&] {
        // A strict plurality of each record's votes, compared by the index of their choiceOf.
        suggestion_agreement::Majorities majorities;
        std::vector<std::size_t> count(votes.sameValues.size(), 0);
        for (std::size_t record = 0; record < votes.records(); ++record) {
            std::fill(count.begin(), count.end(), 0);
            for (std::uint32_t vote = votes.start[record]; vote < votes.start[record + 1]; ++vote) {
                ++count[votes.answers[votes.answer[vote]].same];
            }
            const auto best = std::max_element(count.begin(), count.end());
            const bool tied = std::count(count.begin(), count.end(), *best) > 1;
            majorities.emplace_hint(majorities.end(), votes.keys[record],
                                    tied ? std::nullopt
                                         : std::optional<std::string>(votes.sameValues[best - count.begin()]));
        }
        return majorities;
    });
}

SuggestionAgreement suggestion_agreement::againstMajorities(Project& project, const Question& question,
                                                            const std::function<Majorities()>& majorityOfRecords)
{
    SuggestionAgreement result;
    if (!suggestionAgreementDefined(question.kind)) {
        result.defined = false;
        result.note = "not defined for " + std::string(toString(question.kind)) +
                      " questions: a whole ranking or written answer seldom equals another";
        return result;
    }
    const Majorities majorities = majorityOfRecords();
    std::map<std::string, suggestion_agreement::AgentTally> agents;
    project.suggestions().forEachOf(question.name, [&](const SuggestionChange& suggestion) {
        auto& tally = agents[suggestion.agent];
        tally.result.agent = suggestion.agent;
        ++tally.result.suggested;
        const auto found = majorities.find(suggestion.sampleKey);
        if (found == majorities.end()) {
            ++tally.result.withoutAnswers;
            return;
        }
        if (!found->second) {
            ++tally.result.tiedMajority;
            return;
        }
        const nlohmann::json value = nlohmann::json::parse(suggestion.value, nullptr, false);
        if (value.is_discarded()) {
            throw InputError("record '" + suggestion.sampleId + "', agent '" + suggestion.agent + "', question '" +
                             question.name + "': the stored suggestion is not JSON");
        }
        const std::string suggested = choiceOf(question, value);
        ++tally.result.compared;
        tally.result.agreed += suggested == *found->second ? 1 : 0;
        tally.pairs.add(suggestion.sampleId, "agent", suggested);
        tally.pairs.add(suggestion.sampleId, "majority", *found->second);
    });
    for (auto& [name, tally] : agents) {
        if (tally.result.compared > 0) {
            const RatingTable table = tally.pairs.build();
            // "agent" was added first, so it is annotator 0.
            tally.result.kappa =
                cohenKappa(crossTable(table, 0, 1), scalePoints(table, WeightScale::Rank), KappaWeights::None);
        }
        result.agents.push_back(std::move(tally.result));
    }
    return result;
}

} // namespace concord::quality
