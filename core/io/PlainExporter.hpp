// Plain JSONL export: one line per sample with its metadata, every annotation and the gold
// value. The file is written beside its destination and renamed into place, so a failed
// export never leaves a half-written file under the final name.
#pragma once

#include "core/store/Project.hpp"

#include <ostream>
#include <string>

namespace concord::io {

// Returns the number of samples written.
std::size_t exportPlainJsonl(Project& project, std::ostream& output);
std::size_t exportPlainJsonlFile(Project& project, const std::string& path);

} // namespace concord::io
