// The directory a dataset export writes into: new, empty, or (when asked) replaceable, with a
// parent that exists. Shared by the dataset export and the training exports.
#pragma once

#include <filesystem>

namespace concord::exporting {

// Throws SettingError("directory", ...) naming what is wrong with `target`.
void checkExportTarget(const std::filesystem::path& target, bool replace);

} // namespace concord::exporting
