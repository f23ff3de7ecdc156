// Every record of a project with its fields decoded, in key order, for exports that read them
// all. Decoding the fields' JSON was a third of a TRL export's time; a second thread decodes the
// next page of records while the caller works on this one.
#pragma once

#include "core/feedback/RecordContent.hpp"
#include "core/model/Records.hpp"

#include <functional>
#include <string>
#include <vector>

namespace concord {

class Project;

// Throws what decoding throws (InputError for a stored record that is not a record), in order:
// every record before it has been visited.
void forEachRecord(Project& project, const std::function<void(const Sample&, const RecordContent&)>& visit);

// The same with only the named fields in each record's content (and only the key and id of each
// sample). When none of them is a chat, SQLite's JSON functions pick them out of the stored
// record, and nothing else of it is decoded: three fields of 100,000 records in a third of the
// time a full decode takes, with no trees to allocate and free.
void forEachRecordFields(Project& project, const std::vector<std::string>& fields,
                         const std::function<void(const Sample&, const RecordContent&)>& visit);

} // namespace concord
