#include "core/quality/bias/BiasFlags.hpp"

#include "core/quality/bias/PairProblems.hpp"
#include "core/quality/bias/SideBias.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

namespace concord::quality {

std::set<std::int64_t> biasFlaggedRecords(Project& project, const std::string& questionName,
                                          const CheckOptions& options)
{
    const Question* question = project.recordSchema().findQuestion(questionName);
    if (question == nullptr || question->kind != QuestionKind::Preference || question->fields.size() != 2) {
        throw SettingError("question", "the project has no preference question '" + questionName.substr(0, 64) + "'");
    }
    const PreferenceVotes votes = loadPreferenceVotes(project, *question);
    std::set<std::int64_t> flagged;
    const PairProblems problems = pairProblems(votes, options.nearIdenticalThreshold);
    for (const auto* list : {&problems.empty, &problems.identical, &problems.nearIdentical}) {
        for (const std::uint32_t record : *list) {
            flagged.insert(votes.records[record].key);
        }
    }
    std::vector<bool> distrusted(votes.annotators.size(), false);
    const SideBias position = positionBias(votes);
    for (std::size_t a = 0; a < votes.annotators.size(); ++a) {
        distrusted[a] = position.annotators[a].adjusted < options.biasAlpha;
    }
    for (const auto& oneSided : oneSidedAnnotators(votes, options.minAnnotatorLabels, options.constantShare)) {
        distrusted[oneSided.annotator] = true;
    }
    for (const PreferenceVote& vote : votes.votes) {
        if (distrusted[vote.annotator]) {
            flagged.insert(votes.records[vote.record].key);
        }
    }
    return flagged;
}

} // namespace concord::quality
