// concord-cli import --store URI --project NAME FILE: new records for a project of a PostgreSQL
// store. The import runs as it does on a file, into a temporary copy of the project's settings,
// questions, records and users (so that every format, mapping, limit and check is the file
// import's own), and the records it added are then added to the store in one transaction.
// Records only: an import that would bring answers, gold labels or suggestions, or change records
// already there, is refused and the store is left as it was (answers come through sync).
#pragma once

#include <functional>
#include <string>

namespace concord::cli {

// `import` imports into the project file it is given and prints what it did, naming the file.
// Returns how many records were added to the store.
std::int64_t importIntoStore(const std::string& store, const std::string& project,
                             const std::function<void(const std::string& file)>& import);

} // namespace concord::cli
