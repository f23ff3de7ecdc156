#include "app/gui/dashboard/PreferenceData.hpp"

#include "core/quality/bias/PreferenceVotes.hpp"
#include "core/quality/leaderboard/ProjectComparisons.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

namespace concord::gui {

PreferenceData computePreferenceData(const std::string& path)
{
    PreferenceData data;
    try {
        auto project = Project::open(path);
        const auto questions = quality::preferenceQuestions(project->recordSchema());
        if (questions.empty()) {
            return data;
        }
        const Question& question = *questions.front();
        data.question = QString::fromStdString(question.name);
        // With the texts: the flags' pair checks compare them (one load for the table and the flags).
        const quality::PreferenceVotes votes = quality::loadPreferenceVotes(*project, question);
        for (const auto& name : votes.annotators) {
            data.annotators << QString::fromStdString(name);
        }
        data.position = quality::positionBias(votes);
        data.length = quality::lengthBias(votes);
        quality::CheckOptions flagged;
        flagged.only = {
            "position-bias", "length-bias", "one-sided-annotator", "identical-responses", "near-identical-responses",
            "empty-response"};
        for (auto& finding : quality::preferenceFindings(votes, flagged)) {
            if (!finding.sampleIds.empty()) {
                data.flags.push_back(std::move(finding));
            }
        }
        try {
            const auto comparisons = quality::loadProjectComparisons(*project, question.name);
            data.leaderboard = quality::buildLeaderboard(comparisons.set, quality::LeaderboardOptions{});
        } catch (const InputError& error) { // a SettingError too: the models that keep it from existing
            data.leaderboardNote = QString::fromUtf8(error.what());
        }
    } catch (const std::exception& error) {
        data.error = QString::fromUtf8(error.what());
    }
    return data;
}

} // namespace concord::gui
