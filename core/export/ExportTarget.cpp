#include "core/export/ExportTarget.hpp"

#include "core/util/Error.hpp"

namespace concord::exporting {

namespace fs = std::filesystem;

void checkExportTarget(const fs::path& target, bool replace)
{
    std::error_code error;
    const auto status = fs::status(target, error);
    if (fs::exists(status)) {
        if (!fs::is_directory(status)) {
            throw SettingError("directory", target.string() + " exists and is not a directory");
        }
        if (!replace && !fs::is_empty(target, error)) {
            throw SettingError("directory",
                               target.string() +
                                   " already exists and is not empty (choose a new directory, or replace it)");
        }
        return;
    }
    const fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    if (!fs::is_directory(parent, error)) {
        throw SettingError("directory", "the parent directory " + parent.string() + " does not exist");
    }
}

} // namespace concord::exporting
