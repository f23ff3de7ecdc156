// runChecks(): loads the project once and runs each family of checks on it.
#include "core/quality/integrity/Integrity.hpp"

#include "core/quality/integrity/IntegrityChecks.hpp"
#include "core/util/Error.hpp"

#include <algorithm>

namespace concord::quality {

std::string_view toString(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return "error";
    case Severity::Warning:
        return "warning";
    case Severity::Info:
        return "info";
    }
    return "info";
}

const std::vector<std::string>& checkIds()
{
    static const std::vector<std::string> ids{"empty-text",           "invalid-utf8",
                                              "control-chars",        "exact-duplicate",
                                              "near-duplicate",       "conflicting-duplicates",
                                              "label-outside-schema", "span-problem",
                                              "under-overlap",        "suspicious-annotator",
                                              "length-outlier",       "over-limit",
                                              "position-bias",        "length-bias",
                                              "identical-responses",  "near-identical-responses",
                                              "empty-response",       "repeated-prompt",
                                              "one-sided-annotator"};
    return ids;
}

std::vector<Finding> runChecks(Project& project, const CheckOptions& options)
{
    const auto& ids = checkIds();
    for (const auto& id : options.only) {
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
            std::string known;
            for (const auto& name : ids) {
                known += (known.empty() ? "" : ", ") + name;
            }
            throw InputError("unknown check '" + id + "' (the checks are: " + known + ")");
        }
    }
    const checks::Wanted wanted = [&](std::string_view id) {
        return options.only.empty() || std::find(options.only.begin(), options.only.end(), id) != options.only.end();
    };

    std::vector<Finding> findings;
    // The checks before the preference ones read IntegrityData: loading it (every annotation,
    // parsed) is skipped when only preference checks are asked for.
    const auto firstPreference = std::find(ids.begin(), ids.end(), "position-bias");
    if (std::any_of(ids.begin(), firstPreference, [&](const std::string& id) { return wanted(id); })) {
        const IntegrityData data = IntegrityData::load(project);
        checks::checkTexts(data, options, wanted, findings);
        checks::checkDuplicates(data, options, wanted, findings);
        checks::checkValues(data, options, wanted, findings);
        checks::checkAnnotators(data, options, wanted, findings);
        checks::checkLimits(data, options, wanted, findings);
    }
    checks::checkPreferences(project, options, wanted, findings);

    // Group by check in the documented order; within a check, keep the order found.
    std::stable_sort(findings.begin(), findings.end(), [&](const Finding& a, const Finding& b) {
        return std::find(ids.begin(), ids.end(), a.check) < std::find(ids.begin(), ids.end(), b.check);
    });
    return findings;
}

} // namespace concord::quality
