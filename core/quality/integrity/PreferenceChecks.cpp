// The checks of preference data, run on each preference question: position and length bias
// (exact binomial tests, Holm's correction across annotators), comparisons that teach nothing
// (identical, near-identical or empty responses), prompts shared by several records, and
// annotators whose choice does not depend on the responses.
#include "core/quality/bias/PairProblems.hpp"
#include "core/quality/bias/SideBias.hpp"
#include "core/quality/integrity/IntegrityChecks.hpp"
#include "core/quality/integrity/TextNormalize.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

namespace concord::quality::checks {

namespace preference_checks {

std::string pValueText(double p)
{
    char text[32];
    std::snprintf(text, sizeof text, p >= 0.001 ? "%.3f" : "%.1e", p);
    return text;
}

std::string questionPrefix(const PreferenceVotes& votes)
{
    return "question '" + votes.question + "': ";
}

std::vector<std::string> idsOf(const PreferenceVotes& votes, const std::vector<std::uint32_t>& records)
{
    std::vector<std::string> ids;
    ids.reserve(records.size());
    for (const std::uint32_t record : records) {
        ids.push_back(votes.records[record].id);
    }
    return ids;
}

// The records an annotator voted on, once each.
std::vector<std::string> recordsVotedBy(const PreferenceVotes& votes, std::uint32_t annotator)
{
    std::vector<std::string> ids;
    for (const PreferenceVote& vote : votes.votes) {
        if (vote.annotator == annotator && (ids.empty() || ids.back() != votes.records[vote.record].id)) {
            ids.push_back(votes.records[vote.record].id);
        }
    }
    return ids;
}

// One side-bias test as findings: each annotator whose Holm-adjusted p is below alpha (a
// warning), then the overall share (a warning when significant, else info).
void reportSideBias(const PreferenceVotes& votes, const SideBias& bias, const CheckOptions& options,
                    const std::string& check, const std::string& side, const std::string& one, const std::string& many,
                    const std::string& note, std::vector<Finding>& findings)
{
    std::vector<std::string> flagged;
    std::size_t tested = 0;
    for (std::size_t a = 0; a < votes.annotators.size(); ++a) {
        tested += bias.annotators[a].votes > 0 ? 1 : 0;
    }
    for (std::size_t a = 0; a < votes.annotators.size(); ++a) {
        const SideTest& own = bias.annotators[a];
        if (own.votes == 0 || own.adjusted >= options.biasAlpha) {
            continue;
        }
        flagged.push_back(votes.annotators[a]);
        findings.push_back({check, Severity::Warning, recordsVotedBy(votes, static_cast<std::uint32_t>(a)),
                            questionPrefix(votes) + votes.annotators[a] + " chose " + side + " in " +
                                percent(own.share) + " of " + countOf(own.votes, one, many) + " (n = " +
                                std::to_string(own.votes) + ", p = " + pValueText(own.p) + ", Holm-adjusted over " +
                                countOf(tested, "annotator", "annotators") + " " + pValueText(own.adjusted) + ")"});
    }
    const SideTest& all = bias.overall;
    if (all.votes == 0) {
        return;
    }
    const bool significant = all.p < options.biasAlpha;
    findings.push_back({check,
                        significant ? Severity::Warning : Severity::Info,
                        {},
                        questionPrefix(votes) + "overall, " + side + " won " + percent(all.share) + " of " +
                            countOf(all.votes, one, many) + " (n = " + std::to_string(all.votes) +
                            ", exact binomial test against 50%: p = " + pValueText(all.p) + "); " +
                            (flagged.empty() ? std::string("no annotator flagged") : "flagged: " + listNames(flagged)) +
                            (significant ? "" : "; no bias shown at this size") + note});
}

void checkRepeatedPrompts(const PreferenceVotes& votes, std::vector<Finding>& findings)
{
    if (votes.promptField.empty()) {
        return;
    }
    std::map<std::string, std::vector<std::uint32_t>> byPrompt;
    for (std::size_t r = 0; r < votes.records.size(); ++r) {
        if (!isBlank(votes.records[r].prompt)) {
            byPrompt[normalizeForDuplicates(votes.records[r].prompt)].push_back(static_cast<std::uint32_t>(r));
        }
    }
    std::vector<std::uint32_t> shared;
    std::size_t prompts = 0;
    std::size_t largest = 0;
    std::uint32_t example = 0;
    for (const auto& [prompt, records] : byPrompt) {
        if (records.size() < 2) {
            continue;
        }
        ++prompts;
        shared.insert(shared.end(), records.begin(), records.end());
        if (records.size() > largest) {
            largest = records.size();
            example = records.front();
        }
    }
    if (prompts == 0) {
        return;
    }
    std::sort(shared.begin(), shared.end()); // in record order
    findings.push_back({"repeated-prompt", Severity::Info, idsOf(votes, shared),
                        questionPrefix(votes) + countOf(prompts, "prompt", "prompts") + " (field '" +
                            votes.promptField + "') appear in more than one record, " +
                            countOf(shared.size(), "record", "records") + " in all (the most: '" +
                            snippet(votes.records[example].prompt, 40) + "' in " + std::to_string(largest) +
                            "); a split keeps each prompt's records together"});
}

void checkPairs(const PreferenceVotes& votes, const CheckOptions& options, const Wanted& wanted,
                std::vector<Finding>& findings)
{
    const PairProblems problems = pairProblems(votes, options.nearIdenticalThreshold);
    if (wanted("identical-responses") && !problems.identical.empty()) {
        findings.push_back({"identical-responses", Severity::Warning, idsOf(votes, problems.identical),
                            questionPrefix(votes) +
                                countOf(problems.identical.size(), "record compares", "records compare") +
                                " two identical responses (after whitespace and case): a vote on them "
                                "teaches nothing"});
    }
    if (wanted("near-identical-responses") && !problems.nearIdentical.empty()) {
        double lowest = 1.0;
        for (const double similarity : problems.nearSimilarity) {
            lowest = std::min(lowest, similarity);
        }
        char text[16];
        std::snprintf(text, sizeof text, "%.2f", lowest);
        findings.push_back({"near-identical-responses", Severity::Warning, idsOf(votes, problems.nearIdentical),
                            questionPrefix(votes) +
                                countOf(problems.nearIdentical.size(), "record compares", "records compare") +
                                " two nearly identical responses (word-pair similarity " + text + " or more)"});
    }
    if (wanted("empty-response") && !problems.empty.empty()) {
        findings.push_back({"empty-response", Severity::Warning, idsOf(votes, problems.empty),
                            questionPrefix(votes) + countOf(problems.empty.size(), "record has", "records have") +
                                " an empty response (" + votes.fields[0] + ": " + std::to_string(problems.emptyOf[0]) +
                                ", " + votes.fields[1] + ": " + std::to_string(problems.emptyOf[1]) + ")"});
    }
}

void checkOneSided(const PreferenceVotes& votes, const CheckOptions& options, std::vector<Finding>& findings)
{
    for (const auto& found : oneSidedAnnotators(votes, options.minAnnotatorLabels, options.constantShare)) {
        const std::string choice = found.choice == "tie"            ? "a tie"
                                   : found.choice == "shown first"  ? "the response shown first"
                                   : found.choice == "shown second" ? "the response shown second"
                                                                    : "'" + found.choice + "'";
        findings.push_back({"one-sided-annotator", Severity::Warning, recordsVotedBy(votes, found.annotator),
                            questionPrefix(votes) + votes.annotators[found.annotator] + " chose " + choice + " in " +
                                std::to_string(found.chosen) + " of " + countOf(found.votes, "vote", "votes") +
                                ": the votes do not depend on the responses"});
    }
}

} // namespace preference_checks

void checkPreferences(Project& project, const CheckOptions& options, const Wanted& wanted,
                      std::vector<Finding>& findings)
{
    using namespace preference_checks;
    const auto& ids = checkIds();
    const auto first = std::find(ids.begin(), ids.end(), "position-bias");
    if (std::none_of(first, ids.end(), [&](const std::string& id) { return wanted(id); })) {
        return; // loading the votes is the costly part
    }
    const auto questions = preferenceQuestions(project.recordSchema());
    if (!options.question.empty() && std::none_of(questions.begin(), questions.end(), [&](const Question* question) {
            return question->name == options.question;
        })) {
        throw SettingError("question", "the project has no preference question between two fields named '" +
                                           options.question.substr(0, 64) + "'");
    }
    for (const Question* question : questions) {
        if (!options.question.empty() && question->name != options.question) {
            continue;
        }
        const bool textChecks = wanted("identical-responses") || wanted("near-identical-responses") ||
                                wanted("empty-response") || wanted("repeated-prompt");
        checkPreferenceVotes(
            loadPreferenceVotes(project, *question, textChecks ? PreferenceTexts::Kept : PreferenceTexts::LengthsOnly),
            options, wanted, findings);
    }
}

void checkPreferenceVotes(const PreferenceVotes& votes, const CheckOptions& options, const Wanted& wanted,
                          std::vector<Finding>& findings)
{
    using namespace preference_checks;
    if (wanted("position-bias")) {
        const std::string drawn =
            votes.drawnOrders == 0
                ? std::string()
                : "; " + countOf(votes.drawnOrders, "vote", "votes") +
                      " recorded no order: their first field is the one the per-annotator draw gives";
        reportSideBias(votes, positionBias(votes), options, "position-bias", "the response shown first", "non-tie vote",
                       "non-tie votes", drawn, findings);
    }
    if (wanted("length-bias")) {
        reportSideBias(votes, lengthBias(votes), options, "length-bias", "the longer response",
                       "non-tie vote on responses of different lengths",
                       "non-tie votes on responses of different lengths", "", findings);
    }
    if (wanted("identical-responses") || wanted("near-identical-responses") || wanted("empty-response")) {
        checkPairs(votes, options, wanted, findings);
    }
    if (wanted("repeated-prompt")) {
        checkRepeatedPrompts(votes, findings);
    }
    if (wanted("one-sided-annotator")) {
        checkOneSided(votes, options, findings);
    }
}

} // namespace concord::quality::checks

namespace concord::quality {

std::vector<Finding> preferenceFindings(const PreferenceVotes& votes, const CheckOptions& options)
{
    const checks::Wanted wanted = [&](std::string_view id) {
        return options.only.empty() || std::find(options.only.begin(), options.only.end(), id) != options.only.end();
    };
    std::vector<Finding> findings;
    checks::checkPreferenceVotes(votes, options, wanted, findings);
    return findings;
}

} // namespace concord::quality
