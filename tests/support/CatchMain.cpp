// Catch2's implementation and the main of every test binary, compiled once and linked into each:
// under the sanitizers it took 40 s or more to compile, once per binary, when each main carried it.
// --store names the store the tests tagged [stores] run the server on (the net tests').
#define CATCH_CONFIG_RUNNER
#include "tests/support/CatchMain.hpp"

#include <catch2/catch.hpp>

#include <iostream>

namespace concord::test {

namespace {

std::string& storeValue()
{
    static std::string store = "sqlite";
    return store;
}

} // namespace

const std::string& storeOption()
{
    return storeValue();
}

} // namespace concord::test

int main(int argc, char* argv[])
{
    Catch::Session session;
    using namespace Catch::clara;
    session.cli(session.cli() |
                Opt(concord::test::storeValue(), "sqlite|postgresql")["--store"]("the store the server runs on"));
    if (const int status = session.applyCommandLine(argc, argv); status != 0) {
        return status;
    }
    if (const std::string& store = concord::test::storeOption(); store != "sqlite" && store != "postgresql") {
        std::cerr << "--store takes sqlite or postgresql, not '" << store << "'\n";
        return 2;
    }
    return session.run();
}
