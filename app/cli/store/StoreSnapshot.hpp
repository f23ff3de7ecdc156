// The commands that read a project file (info, check, agreement, export) read a project of a
// PostgreSQL store as well, with --store URI --project NAME in place of the file: the project is
// copied into a temporary project file by migrate-store's copy (net/server/ProjectCopy.hpp),
// verified like any copy, the command reads that, and it is removed when the command ends. What
// the command sees is the store's project as it was when the command began.
#pragma once

#include "app/cli/store/TemporaryFolder.hpp"

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

namespace concord::cli {

struct StoreProjectOptions
{
    std::string store;
    std::string project;
};

// --store and --project on `command`.
void addStoreProjectOptions(CLI::App& command, StoreProjectOptions& options);

// A temporary copy of a store's project, removed with this.
class StoreSnapshot
{
public:
    StoreSnapshot(const std::string& store, const std::string& project);
    StoreSnapshot(const StoreSnapshot&) = delete;
    StoreSnapshot& operator=(const StoreSnapshot&) = delete;

    const std::string& path() const { return m_path; }

private:
    TemporaryFolder m_folder{"concord-store"};
    std::string m_path;
};

// Checks that the command was given a project file or --store and --project, not both and not
// neither (SettingError naming the option), and when it is a store, copies its project and
// points `file` at the copy. The snapshot (nullptr for a file) must outlive the command's use.
std::unique_ptr<StoreSnapshot> projectFileFor(std::string& file, const StoreProjectOptions& options);

} // namespace concord::cli
