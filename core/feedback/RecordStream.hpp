// Every record of a project with its fields decoded, in key order, for exports that read them
// all. Decoding the fields' JSON was a third of a TRL export's time; a second thread decodes the
// next page of records while the caller works on this one.
#pragma once

#include "core/feedback/RecordContent.hpp"
#include "core/model/Records.hpp"

#include <functional>

namespace concord {

class Project;

// Throws what decoding throws (InputError for a stored record that is not a record), in order:
// every record before it has been visited.
void forEachRecord(Project& project, const std::function<void(const Sample&, const RecordContent&)>& visit);

} // namespace concord
