// The project file's schema versions. Each migration moves the file forward by one version;
// all pending ones run in a single transaction, so a file is never left between versions.
#pragma once

#include "core/store/Sqlite.hpp"

namespace concord::store {

// Identifies a Concord project file (PRAGMA application_id): the bytes "Conc".
constexpr int kApplicationId = 0x436F6E63;

int latestSchemaVersion();

// Brings the file up to the latest version. Throws StoreError when the file belongs to
// another application or to a newer Concord.
void migrate(sqlite::Database& db);

} // namespace concord::store
