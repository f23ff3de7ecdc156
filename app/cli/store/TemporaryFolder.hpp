// A folder of its own under the system's temporary directory, removed with this: where the
// commands that work on a copy of a store's project (StoreSnapshot, StoreImport) keep it.
#pragma once

#include <filesystem>
#include <string>

namespace concord::cli {

class TemporaryFolder
{
public:
    // `prefix`: the folder's name before its random part. Throws StoreError when it cannot be made.
    explicit TemporaryFolder(const std::string& prefix);
    ~TemporaryFolder();
    TemporaryFolder(const TemporaryFolder&) = delete;
    TemporaryFolder& operator=(const TemporaryFolder&) = delete;

    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

} // namespace concord::cli
