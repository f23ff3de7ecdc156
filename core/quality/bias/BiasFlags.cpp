#include "core/quality/bias/BiasFlags.hpp"

#include "core/quality/bias/PairProblems.hpp"
#include "core/quality/bias/SideBias.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

namespace concord::quality {

namespace bias_flags {

struct Loaded
{
    PreferenceVotes votes;
    std::set<std::int64_t> records;
    std::vector<bool> distrusted; // per annotator of `votes`
};

Loaded load(Project& project, const std::string& questionName, const CheckOptions& options)
{
    const Question* question = project.recordSchema().findQuestion(questionName);
    if (question == nullptr || question->kind != QuestionKind::Preference || question->fields.size() != 2) {
        throw SettingError("question", "the project has no preference question '" + questionName.substr(0, 64) + "'");
    }
    Loaded loaded{loadPreferenceVotes(project, *question), {}, {}};
    const PreferenceVotes& votes = loaded.votes;
    const PairProblems problems = pairProblems(votes, options.nearIdenticalThreshold);
    for (const auto* list : {&problems.empty, &problems.identical, &problems.nearIdentical}) {
        for (const std::uint32_t record : *list) {
            loaded.records.insert(votes.records[record].key);
        }
    }
    loaded.distrusted.assign(votes.annotators.size(), false);
    const SideBias position = positionBias(votes);
    for (std::size_t a = 0; a < votes.annotators.size(); ++a) {
        loaded.distrusted[a] = position.annotators[a].adjusted < options.biasAlpha;
    }
    for (const auto& oneSided : oneSidedAnnotators(votes, options.minAnnotatorLabels, options.constantShare)) {
        loaded.distrusted[oneSided.annotator] = true;
    }
    return loaded;
}

} // namespace bias_flags

BiasFlags biasFlags(Project& project, const std::string& question, const CheckOptions& options)
{
    bias_flags::Loaded loaded = bias_flags::load(project, question, options);
    BiasFlags flags;
    flags.records = std::move(loaded.records);
    for (std::size_t a = 0; a < loaded.distrusted.size(); ++a) {
        if (loaded.distrusted[a]) {
            flags.annotators.insert(loaded.votes.annotators[a]);
        }
    }
    return flags;
}

std::set<std::int64_t> biasFlaggedRecords(Project& project, const std::string& question, const CheckOptions& options)
{
    bias_flags::Loaded loaded = bias_flags::load(project, question, options);
    for (const PreferenceVote& vote : loaded.votes.votes) {
        if (loaded.distrusted[vote.annotator]) {
            loaded.records.insert(loaded.votes.records[vote.record].key);
        }
    }
    return std::move(loaded.records);
}

} // namespace concord::quality
