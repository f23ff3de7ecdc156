// The net tests' main: Catch's, with --store naming the store the [stores] tests run the server
// on (StoreUnderTest.hpp).
#define CATCH_CONFIG_RUNNER
#include "tests/net/StoreUnderTest.hpp"

#include <catch2/catch.hpp>

int main(int argc, char* argv[])
{
    Catch::Session session;
    std::string store = "sqlite";
    using namespace Catch::clara;
    session.cli(session.cli() | Opt(store, "sqlite|postgresql")["--store"]("the store the server runs on"));
    if (const int status = session.applyCommandLine(argc, argv); status != 0) {
        return status;
    }
    if (store == "postgresql") {
        concord::test::storeUnderTest() = concord::test::StoreKind::Postgresql;
    } else if (store != "sqlite") {
        std::cerr << "--store takes sqlite or postgresql, not '" << store << "'\n";
        return 2;
    }
    return session.run();
}
