// What a test binary's command line says beyond Catch's own options (CatchMain.cpp).
#pragma once

#include <string>

namespace concord::test {

// --store: "sqlite" (the default) or "postgresql".
const std::string& storeOption();

} // namespace concord::test
