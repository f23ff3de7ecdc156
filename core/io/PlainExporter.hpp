// Plain JSONL export: one line per sample with its metadata, every annotation and the gold
// value. The file is written beside its destination and renamed into place, so a failed
// export never leaves a half-written file under the final name.
#pragma once

#include "core/store/Project.hpp"

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace concord::io {

// Returns the number of samples written. With `only` (sample keys in ascending order, as a
// signal selects them), just those samples are written.
// A project with fields and questions is written as exportResponsesJsonl() does (its submitted
// responses, or every response with `allResponses`); a project of one text and one question as
// it always was.
std::size_t exportPlainJsonl(Project& project, std::ostream& output, const std::vector<std::int64_t>* only = nullptr,
                             bool allResponses = false);
std::size_t exportPlainJsonlFile(Project& project, const std::string& path,
                                 const std::vector<std::int64_t>* only = nullptr, bool allResponses = false);

} // namespace concord::io
