// What the CLI tests share: running the built concord-cli and writing input files.
#pragma once

#include "tests/support/RunCommand.hpp"

#include <fstream>
#include <string>

namespace concord::test {

// Runs the concord-cli under test (CONCORD_CLI, set by tests/CMakeLists.txt) with `arguments`.
inline CommandResult cli(const std::string& arguments)
{
    return runCommand(std::string(CONCORD_CLI) + " " + arguments);
}

inline void writeFile(const std::string& path, const std::string& content)
{
    std::ofstream out(path, std::ios::binary);
    out << content;
}

} // namespace concord::test
