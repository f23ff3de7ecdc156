// Out of file descriptors, the server waits instead of spinning (issue 13, defect 4): a real
// `concord-cli serve` under `ulimit -n 40` faces 60 silent connections. The test counts the
// server's "cannot accept" lines (a retry loop writes tens of thousands a second) and checks
// that an honest client is served once the attackers are gone.
#include "tests/net/AttackerSockets.hpp"
#include "tests/net/ServeProcess.hpp"
#include "tests/net/SyncFixture.hpp"

using namespace concord;
using namespace std::chrono_literals;
using test::SyncFixture;

namespace {

std::size_t countLines(const std::string& text, const std::string& fragment)
{
    std::size_t count = 0;
    for (auto at = text.find(fragment); at != std::string::npos; at = text.find(fragment, at + 1)) {
        ++count;
    }
    return count;
}

} // namespace

TEST_CASE("defect 4: out of descriptors, accepting backs off", "[process][hardening][stores]")
{
    SyncFixture fixture(5);
    const std::string logPath = fixture.dir.file("serve.log");
    const auto served = fixture.project.serveArguments();
    test::ServeProcess serve(CONCORD_CLI, served.project, logPath, 0, served.extra, 40);

    std::vector<std::unique_ptr<test::SilentConnection>> attackers;
    for (int i = 0; i < 60; ++i) {
        attackers.push_back(std::make_unique<test::SilentConnection>(serve.port()));
    }
    // Each is closed at the hello deadline once it was accepted; the last ones wait in the
    // listen backlog until descriptors are free again.
    const auto deadline = std::chrono::steady_clock::now() + 90s;
    int closed = 0;
    for (const auto& attacker : attackers) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() > 0 && attacker->waitUntilClosed(left)) {
            ++closed;
        }
    }
    attackers.clear();
    CHECK(closed == 60);

    const std::string output = serve.output();
    INFO(output.substr(0, 2000));
    // The server said on start that it holds fewer connections than --max-connections asks.
    CHECK(countLines(output, "--max-connections lowered to") == 1);
    // One line when accepting pauses, not one per retry.
    CHECK(countLines(output, "cannot accept") < 20);

    net::Client honest(net::Endpoint{"127.0.0.1", serve.port()}, 20s);
    honest.connect();
    CHECK(honest.hello("carol", fixture.tokens.at("carol"), "", "carol-device").user == "carol");
    honest.close();
    CHECK(serve.stop(SIGTERM) == 0);
}
