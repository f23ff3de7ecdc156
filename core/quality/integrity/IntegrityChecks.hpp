// The families of integrity checks that runChecks() (Integrity.cpp) calls. Each appends its
// findings; `wanted` says whether a check id was asked for.
#pragma once

#include "core/quality/bias/PreferenceVotes.hpp"
#include "core/quality/integrity/Integrity.hpp"
#include "core/quality/integrity/IntegrityData.hpp"

#include <functional>

namespace concord::quality::checks {

using Wanted = std::function<bool(std::string_view check)>;

// empty-text, invalid-utf8, control-chars, length-outlier (TextChecks.cpp)
void checkTexts(const IntegrityData& data, const CheckOptions& options, const Wanted& wanted,
                std::vector<Finding>& findings);

// exact-duplicate, near-duplicate, conflicting-duplicates (DuplicateChecks.cpp)
void checkDuplicates(const IntegrityData& data, const CheckOptions& options, const Wanted& wanted,
                     std::vector<Finding>& findings);

// label-outside-schema, span-problem, under-overlap (ValueChecks.cpp)
void checkValues(const IntegrityData& data, const CheckOptions& options, const Wanted& wanted,
                 std::vector<Finding>& findings);

// suspicious-annotator (AnnotatorChecks.cpp)
void checkAnnotators(const IntegrityData& data, const CheckOptions& options, const Wanted& wanted,
                     std::vector<Finding>& findings);

// over-limit (LimitChecks.cpp)
void checkLimits(const IntegrityData& data, const CheckOptions& options, const Wanted& wanted,
                 std::vector<Finding>& findings);

// position-bias, length-bias, identical-responses, near-identical-responses, empty-response,
// repeated-prompt, one-sided-annotator, on each preference question (PreferenceChecks.cpp)
void checkPreferences(Project& project, const CheckOptions& options, const Wanted& wanted,
                      std::vector<Finding>& findings);
// The same on one question's votes, loaded already (with the texts for the pair checks).
void checkPreferenceVotes(const PreferenceVotes& votes, const CheckOptions& options, const Wanted& wanted,
                          std::vector<Finding>& findings);

} // namespace concord::quality::checks
