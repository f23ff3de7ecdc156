// The checks on stored values and coverage: label-outside-schema, span-problem, under-overlap.
#include "core/quality/integrity/IntegrityChecks.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace concord::quality::checks {

namespace {

// Stored values that share one problem: the samples, who wrote them, how many.
struct ProblemGroup
{
    std::vector<std::string> sampleIds;
    std::set<std::string> seen;
    std::set<std::string> authors;
    std::size_t values = 0;

    void add(const std::string& sampleId, const std::string& author)
    {
        if (seen.insert(sampleId).second) {
            sampleIds.push_back(sampleId);
        }
        authors.insert(author);
        ++values;
    }
};

std::string authorsOf(const ProblemGroup& group)
{
    return listNames(std::vector<std::string>(group.authors.begin(), group.authors.end()));
}

void checkStoredValues(const IntegrityData& data, const Wanted& wanted, std::vector<Finding>& findings)
{
    const bool spans = data.schema.kind == TaskKind::Spans;
    std::map<std::string, ProblemGroup> unknownLabels;              // by label name
    std::map<std::string, ProblemGroup> otherProblems;              // by the schema's message
    std::map<std::uint32_t, std::vector<std::string>> spanProblems; // by sample: "who: problem"

    const auto consider = [&](const StoredValue& value, const std::string& author) {
        if (value.problem.empty()) {
            return;
        }
        const std::string& sampleId = data.samples[value.sample].id;
        if (!value.unknownLabels.empty()) {
            for (const auto& label : value.unknownLabels) {
                unknownLabels[label].add(sampleId, author);
            }
        } else if (spans) {
            spanProblems[value.sample].push_back(author + ": " + value.problem);
        } else {
            otherProblems[value.problem].add(sampleId, author);
        }
    };
    for (const StoredValue& vote : data.votes) {
        consider(vote, data.annotators[vote.annotator]);
    }
    for (std::size_t g = 0; g < data.golds.size(); ++g) {
        consider(data.golds[g], data.goldAuthors[g] + " (gold label)");
    }

    if (wanted("label-outside-schema")) {
        const std::string known = listNames(data.schema.labelNames(), 20);
        for (auto& [label, group] : unknownLabels) {
            findings.push_back({"label-outside-schema", Severity::Error, std::move(group.sampleIds),
                                countOf(group.values, "stored value uses", "stored values use") + " label '" + label +
                                    "', which the schema does not have (it has " + known + "); by " +
                                    authorsOf(group)});
        }
        for (auto& [problem, group] : otherProblems) {
            findings.push_back({"label-outside-schema", Severity::Error, std::move(group.sampleIds),
                                countOf(group.values, "stored value does", "stored values do") +
                                    " not fit the schema: " + problem + "; by " + authorsOf(group)});
        }
    }
    if (wanted("span-problem")) {
        for (const auto& [sample, problems] : spanProblems) {
            std::string message;
            for (const auto& problem : problems) {
                message += (message.empty() ? "" : "; ") + problem;
            }
            findings.push_back({"span-problem", Severity::Error, {data.samples[sample].id}, message});
        }
    }
}

void checkOverlap(const IntegrityData& data, std::vector<Finding>& findings)
{
    const auto overlap = static_cast<std::uint32_t>(std::max(data.settings.overlap, 1));
    std::vector<std::vector<std::string>> byCount(overlap); // samples with 0 .. overlap-1 annotations
    std::vector<std::size_t> resolved(overlap, 0);
    std::size_t goldIndex = 0;
    for (std::uint32_t s = 0; s < data.samples.size(); ++s) {
        while (goldIndex < data.golds.size() && data.golds[goldIndex].sample < s) {
            ++goldIndex;
        }
        const std::uint32_t count = data.voteCount(s);
        if (count < overlap) {
            byCount[count].push_back(data.samples[s].id);
            resolved[count] += goldIndex < data.golds.size() && data.golds[goldIndex].sample == s ? 1 : 0;
        }
    }
    const std::string asked = "the project asks for " + std::to_string(overlap) + " per sample";
    // Partly labeled samples first, fewest annotations first: they need the most work.
    for (std::uint32_t count = 1; count < overlap; ++count) {
        if (byCount[count].empty()) {
            continue;
        }
        std::string message = countOf(byCount[count].size(), "sample has", "samples have") + " only " +
                              std::to_string(count) + " annotation" + (count == 1 ? "" : "s") + "; " + asked;
        if (resolved[count] > 0) {
            message += " (" + std::to_string(resolved[count]) + " of them already have a gold label)";
        }
        findings.push_back({"under-overlap", Severity::Warning, std::move(byCount[count]), message});
    }
    // Samples nobody has labeled yet are ordinary progress, not a fault: worth knowing only.
    if (!byCount[0].empty()) {
        std::string message =
            countOf(byCount[0].size(), "sample has", "samples have") + " no annotations yet; " + asked;
        findings.push_back({"under-overlap", Severity::Info, std::move(byCount[0]), std::move(message)});
    }
}

} // namespace

void checkValues(const IntegrityData& data, const CheckOptions& /*options*/, const Wanted& wanted,
                 std::vector<Finding>& findings)
{
    if (wanted("label-outside-schema") || wanted("span-problem")) {
        checkStoredValues(data, wanted, findings);
    }
    if (wanted("under-overlap")) {
        checkOverlap(data, findings);
    }
}

} // namespace concord::quality::checks
