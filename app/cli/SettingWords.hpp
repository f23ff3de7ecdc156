// How concord-cli names core's settings. Core's SettingError says what was wrong and which
// setting (a stable id); here the id becomes the flag a user types, or the command that cures
// what no flag does, so that core's messages name neither.
#pragma once

#include "core/util/Error.hpp"

#include <string>

namespace concord::cli {

// "--split: the ratios must add up to 1, not 0.9", or the message with a hint for settings that
// are not flags ("... train it first (concord-cli train)").
std::string describe(const SettingError& error);
// A line for the end of an import's problem list, or "" when the setting needs no hint.
std::string importHint(const std::string& setting);

// The command line this process was started with, quoted for a shell (for the dataset card).
void setInvocation(int argc, char** argv);
const std::string& invocation();

} // namespace concord::cli
