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

// The keys of the records that `question` (a preference question) should not learn from:
//   - a compared response empty or whitespace only (empty-response),
//   - the two responses identical or near-identical (identical-responses, near-identical-responses,
//     with options.nearIdenticalThreshold),
//   - any submitted vote by an annotator the position-bias check flags on this question
//     (Holm-adjusted p below options.biasAlpha) or the one-sided-annotator check flags.
// Length bias flags no records: it is a property of the whole data, and leaving out the records
// a longer response won would bias the rest the other way.
// Throws SettingError when the project has no such preference question.
std::set<std::int64_t> biasFlaggedRecords(Project& project, const std::string& question,
                                          const CheckOptions& options = {});

} // namespace concord::quality
