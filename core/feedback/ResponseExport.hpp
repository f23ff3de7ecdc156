// The plain JSONL export of a project with fields and questions: one line per record with its
// fields and their metadata, each annotator's response (status, reason, time spent, and every
// question's answer with how it was given), the suggestions and the gold values per question.
// So that no data is trapped before the training formats exist (docs/formats.md).
#pragma once

#include "core/store/Project.hpp"

#include <cstdint>
#include <ostream>
#include <vector>

namespace concord {

// `allResponses`: drafts and discards too; by default only submitted responses. Returns the
// number of records written; `only` as for exportPlainJsonl.
std::size_t exportResponsesJsonl(Project& project, std::ostream& output, bool allResponses,
                                 const std::vector<std::int64_t>* only = nullptr);

} // namespace concord
