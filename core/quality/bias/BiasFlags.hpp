// The records of a preference question whose votes the bias checks distrust, for exports that
// leave them out (the TRL export's "without the records the bias checks flag").
#pragma once

#include "core/quality/integrity/Integrity.hpp"

#include <cstdint>
#include <set>
#include <string>

namespace concord {
class Project;
}

namespace concord::quality {

// What the preference checks distrust on `question` (a preference question):
//   - `records`: a compared response empty or whitespace only (empty-response), or the two
//     responses identical or near-identical (identical-responses, near-identical-responses, with
//     options.nearIdenticalThreshold): no vote on them teaches anything;
//   - `annotators`: those the position-bias check flags (Holm-adjusted p below
//     options.biasAlpha) or the one-sided-annotator check flags: their votes, not the records
//     they voted on, are in doubt (the others' votes on those records stand).
// Length bias flags nothing: it is a property of the whole data, and leaving out the records a
// longer response won would bias the rest the other way.
// Throws SettingError when the project has no such preference question.
struct BiasFlags
{
    std::set<std::int64_t> records;
    std::set<std::string> annotators;
};
BiasFlags biasFlags(Project& project, const std::string& question, const CheckOptions& options = {});

// The records behind any flag: `records` above and every record a flagged annotator voted on
// (what a reviewer looks at).
std::set<std::int64_t> biasFlaggedRecords(Project& project, const std::string& question,
                                          const CheckOptions& options = {});

} // namespace concord::quality
