#include "app/cli/store/TemporaryFolder.hpp"

#include "core/util/Error.hpp"

#include <cerrno>
#include <cstdlib>
#include <system_error>

namespace concord::cli {

TemporaryFolder::TemporaryFolder(const std::string& prefix)
{
    const auto base = std::filesystem::temp_directory_path();
    std::string pattern = (base / (prefix + "-XXXXXX")).string();
    if (mkdtemp(pattern.data()) == nullptr) {
        throw StoreError("cannot make a temporary folder in " + base.string() + ": " +
                         std::generic_category().message(errno));
    }
    m_path = pattern;
}

TemporaryFolder::~TemporaryFolder()
{
    std::error_code ignored; // left behind, it is the OS's to clean; not worth failing the command
    std::filesystem::remove_all(m_path, ignored);
}

} // namespace concord::cli
