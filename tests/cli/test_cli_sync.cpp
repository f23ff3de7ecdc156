// The sync commands end to end: concord-cli serve as a separate process on 127.0.0.1, real TLS,
// replicas made and synced by concord-cli join and sync (and kept live by sync --watch), users
// managed by concord-cli user.
#include "core/store/Project.hpp"
#include "tests/cli/CliTestSupport.hpp"
#include "tests/net/ServeProcess.hpp"
#include "tests/support/RunCommand.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <thread>
#include <tuple>

using namespace concord;
using test::cli;
using test::quoted;
using test::runCommand;

namespace {

// A served project with five samples, overlap 2.
std::string makeServerProject(const test::TempDir& dir)
{
    const std::string project = dir.file("server.concord");
    REQUIRE(cli("init " + quoted(project) + " --kind single --labels pos,neg --overlap 2 --name shared").exitCode == 0);
    std::ofstream data(dir.file("data.jsonl"));
    for (int i = 1; i <= 5; ++i) {
        data << R"({"id":"s)" << i << R"(","text":"sample )" << i << "\"}\n";
    }
    data.close();
    REQUIRE(cli("import " + quoted(project) + " " + quoted(dir.file("data.jsonl"))).exitCode == 0);
    return project;
}

std::string addUser(const std::string& project, const std::string& name, const std::string& role)
{
    const auto added = cli("user add " + quoted(project) + " " + name + " --role " + role + " --json");
    REQUIRE(added.exitCode == 0);
    const auto json = nlohmann::json::parse(added.output);
    REQUIRE(json["user"] == name);
    REQUIRE(json["role"] == role);
    return json["token"].get<std::string>();
}

// A served project with the annotators alice and bob, and their tokens.
struct TwoAnnotators
{
    std::string project;
    std::string aliceToken;
    std::string bobToken;
};

TwoAnnotators makeProjectForTwo(const test::TempDir& dir)
{
    TwoAnnotators made;
    made.project = makeServerProject(dir);
    made.aliceToken = addUser(made.project, "alice", "annotator");
    made.bobToken = addUser(made.project, "bob", "annotator");
    return made;
}

std::string serverLog(const test::TempDir& dir)
{
    static int started = 0;
    return dir.file("serve-" + std::to_string(++started) + ".log");
}

} // namespace

TEST_CASE("cli sync: user add prints a token once, list and revoke", "[cli][sync]")
{
    test::TempDir dir;
    const std::string project = makeServerProject(dir);
    const auto added = cli("user add " + quoted(project) + " alice --role reviewer");
    REQUIRE(added.exitCode == 0);
    std::smatch match;
    REQUIRE(std::regex_search(added.output, match, std::regex("\\b([0-9a-f]{64})\\b")));
    const std::string token = match[1];
    CHECK_THAT(added.output, Catch::Contains("Added alice (reviewer)"));
    CHECK_THAT(added.output, Catch::Contains("only this once"));
    // Only a salted hash is stored: the token is nowhere in the file.
    std::ifstream file(project, std::ios::binary);
    const std::string bytes(std::istreambuf_iterator<char>(file), {});
    CHECK(bytes.find(token) == std::string::npos);

    CHECK(cli("user add " + quoted(project) + " bob").exitCode == 0); // annotator by default
    const auto taken = cli("user add " + quoted(project) + " alice --role admin");
    CHECK(taken.exitCode == 3);
    CHECK_THAT(taken.output, Catch::Contains("alice"));
    CHECK(cli("user add " + quoted(project) + " 'no spaces'").exitCode == 3);
    CHECK(cli("user add " + quoted(project) + " carol --role boss").exitCode == 2);

    const auto listed = cli("user list " + quoted(project));
    REQUIRE(listed.exitCode == 0);
    CHECK(std::regex_search(listed.output, std::regex("alice +reviewer")));
    CHECK(std::regex_search(listed.output, std::regex("bob +annotator")));
    CHECK(listed.output.find(token) == std::string::npos);

    const auto revoked = cli("user revoke " + quoted(project) + " bob");
    REQUIRE(revoked.exitCode == 0);
    CHECK_THAT(revoked.output, Catch::Contains("Revoked bob"));
    const auto again = cli("user revoke " + quoted(project) + " bob");
    CHECK(again.exitCode == 3);
    CHECK_THAT(again.output, Catch::Contains("revoked already"));
    const auto unknown = cli("user revoke " + quoted(project) + " nobody");
    CHECK(unknown.exitCode == 3);
    CHECK_THAT(unknown.output, Catch::Contains("no user named 'nobody'"));

    const auto json = nlohmann::json::parse(cli("user list --json " + quoted(project)).output);
    REQUIRE(json.size() == 2);
    CHECK(json[0]["user"] == "alice");
    CHECK(json[0]["revoked_at"].is_null());
    CHECK(json[1]["user"] == "bob");
    CHECK(json[1]["revoked_at"].is_number_integer());
}

TEST_CASE("cli sync: serve, join two replicas, label offline, sync, next, stop on SIGTERM", "[cli][sync]")
{
    test::TempDir dir;
    const auto [project, aliceToken, bobToken] = makeProjectForTwo(dir);

    test::ServeProcess server(CONCORD_CLI, project, serverLog(dir));
    CHECK(std::regex_match(server.fingerprint(), std::regex("SHA256:[0-9a-f]{64}")));
    CHECK_THAT(server.output(), Catch::Contains("Made a self-signed certificate"));
    CHECK(std::filesystem::exists(project + ".cert.pem"));

    const std::string alice = dir.file("alice.concord");
    const std::string bob = dir.file("bob.concord");
    const auto joined = cli("join " + server.address() + " --user alice --token " + aliceToken + " --out " +
                            quoted(alice) + " --accept-fingerprint " + server.fingerprint());
    REQUIRE(joined.exitCode == 0);
    CHECK_THAT(joined.output, Catch::Contains("Joined 'shared'"));
    CHECK_THAT(joined.output, Catch::Contains("5 new samples"));
    // Without --accept-fingerprint the first connection pins what it sees and says so.
    const auto bobJoined = runCommand("CONCORD_TOKEN=" + bobToken + " " + CONCORD_CLI + " join " + server.address() +
                                      " --user bob --out " + quoted(bob));
    REQUIRE(bobJoined.exitCode == 0);
    CHECK_THAT(bobJoined.output, Catch::Contains("Pinned the server's certificate " + server.fingerprint()));

    // Offline edits: they go into each replica's outbox.
    REQUIRE(cli("label " + quoted(alice) + " s1 --label pos --annotator alice").exitCode == 0);
    REQUIRE(cli("label " + quoted(alice) + " s2 --label neg --annotator alice").exitCode == 0);
    // Without --annotator, a replica labels as the user who joined it (not $USER).
    const auto bobLabels = cli("label " + quoted(bob) + " s1 --label neg");
    REQUIRE(bobLabels.exitCode == 0);
    CHECK_THAT(bobLabels.output, Catch::Contains("by bob."));
    // A replica refuses locally what the server would refuse.
    CHECK(cli("label " + quoted(bob) + " s3 --label neg --annotator alice").exitCode == 3);

    const auto aliceSync = cli("sync " + quoted(alice) + " --json --quiet");
    REQUIRE(aliceSync.exitCode == 0);
    CHECK(nlohmann::json::parse(aliceSync.output)["sent"] == 2);
    const auto bobSync = cli("sync " + quoted(bob));
    REQUIRE(bobSync.exitCode == 0);
    CHECK_THAT(bobSync.output, Catch::Contains("Sent 1 operation,"));
    const auto aliceAgain = cli("sync " + quoted(alice) + " --json --quiet");
    REQUIRE(aliceAgain.exitCode == 0);
    const auto aliceReport = nlohmann::json::parse(aliceAgain.output);
    CHECK(aliceReport["sent"] == 0);
    CHECK(aliceReport["pending"] == 0);

    // Both replicas and the server hold the same three annotations.
    for (const auto& path : {alice, bob}) {
        CHECK(cli("export " + quoted(path) + " " + quoted(path + ".jsonl")).exitCode == 0);
    }
    const auto read = [](const std::string& path) {
        std::ifstream in(path, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    CHECK(read(alice + ".jsonl") == read(bob + ".jsonl"));
    CHECK_THAT(read(alice + ".jsonl"), Catch::Contains(R"("alice":{"labels":["pos"]})"));
    CHECK_THAT(read(alice + ".jsonl"), Catch::Contains(R"("bob":{"labels":["neg"]})"));

    // Assignment: overlap 2; s1 has both annotators, so alice is offered samples she has not
    // labeled and bob is never offered s1.
    const auto next = cli("next " + quoted(alice) + " --count 3 --json --quiet");
    REQUIRE(next.exitCode == 0);
    const auto assigned = nlohmann::json::parse(next.output)["samples"];
    CHECK(assigned == nlohmann::json::array({"s3", "s4", "s5"}));
    const auto bobNext = cli("next " + quoted(bob) + " --count 10");
    REQUIRE(bobNext.exitCode == 0);
    CHECK_THAT(bobNext.output, Catch::Contains("Reserved for you until"));
    CHECK(bobNext.output.find("s1\n") == std::string::npos);

    CHECK(server.stop(SIGTERM) == 0);
    CHECK_THAT(server.output(), Catch::Contains("Stopped"));
    CHECK(Project::open(project)->annotations().count() == 3);
}

TEST_CASE("cli sync: refusals and network failures have clear messages and exit codes", "[cli][sync]")
{
    test::TempDir dir;
    const std::string project = makeServerProject(dir);
    const std::string token = addUser(project, "alice", "annotator");
    const std::string alice = dir.file("alice.concord");
    std::uint16_t port = 0;
    std::string oldFingerprint;
    {
        test::ServeProcess server(CONCORD_CLI, project, serverLog(dir));
        port = server.port();
        oldFingerprint = server.fingerprint();

        const auto wrongToken = cli("join " + server.address() + " --user alice --token " + std::string(64, '0') +
                                    " --out " + quoted(dir.file("x.concord")));
        CHECK(wrongToken.exitCode == 6);
        CHECK_THAT(wrongToken.output, Catch::Contains("auth_failed"));
        CHECK_FALSE(std::filesystem::exists(dir.file("x.concord")));

        const auto wrongPin =
            cli("join " + server.address() + " --user alice --token " + token + " --out " +
                quoted(dir.file("x.concord")) + " --accept-fingerprint SHA256:" + std::string(64, 'a'));
        CHECK(wrongPin.exitCode == 6);
        CHECK_THAT(wrongPin.output, Catch::Contains("nothing was sent"));

        REQUIRE(
            cli("join " + server.address() + " --user alice --token " + token + " --out " + quoted(alice)).exitCode ==
            0);
        const auto exists =
            cli("join " + server.address() + " --user alice --token " + token + " --out " + quoted(alice));
        CHECK(exists.exitCode == 3);
        CHECK_THAT(exists.output, Catch::Contains("already exists"));

        const auto notReplica = cli("sync " + quoted(project));
        CHECK(notReplica.exitCode == 3);
        CHECK_THAT(notReplica.output, Catch::Contains("is not a replica"));
        const auto serveReplica = cli("serve " + quoted(alice) + " --port 0");
        CHECK(serveReplica.exitCode == 3);
        CHECK_THAT(serveReplica.output, Catch::Contains("is a replica"));
        const auto badAddress = cli("join nowhere --user alice --token " + token + " --out " + quoted(dir.file("y")));
        CHECK(badAddress.exitCode == 3);
        CHECK_THAT(badAddress.output, Catch::Contains("is not HOST:PORT"));
        CHECK(server.stop(SIGINT) == 0);
    }

    // The server is gone: a clear message and exit code 6, and the edit stays pending.
    REQUIRE(cli("label " + quoted(alice) + " s1 --label pos --annotator alice").exitCode == 0);
    const auto down = cli("sync " + quoted(alice) + " --attempts 2 --timeout 5");
    CHECK(down.exitCode == 6);
    CHECK_THAT(down.output, Catch::Contains("127.0.0.1:" + std::to_string(port)));
    CHECK(Project::open(alice)->outbox().pendingCount() == 1);

    // A new certificate on the same address is refused, with the way to accept it.
    std::filesystem::remove(project + ".cert.pem");
    std::filesystem::remove(project + ".key.pem");
    test::ServeProcess server(CONCORD_CLI, project, serverLog(dir), port);
    REQUIRE(server.fingerprint() != oldFingerprint);
    const auto changed = cli("sync " + quoted(alice));
    CHECK(changed.exitCode == 6);
    CHECK_THAT(changed.output, Catch::Contains("has changed"));
    CHECK_THAT(changed.output, Catch::Contains("--accept-fingerprint " + server.fingerprint()));
    CHECK(Project::open(alice)->outbox().pendingCount() == 1);

    const auto accepted = cli("sync " + quoted(alice) + " --accept-fingerprint " + server.fingerprint());
    REQUIRE(accepted.exitCode == 0);
    CHECK_THAT(accepted.output, Catch::Contains("Accepted and pinned the server's new certificate"));
    CHECK_THAT(accepted.output, Catch::Contains("Sent 1 operation"));
    CHECK(cli("sync " + quoted(alice)).exitCode == 0); // pinned now

    // A revoked user is refused with exit code 6 and the reason.
    REQUIRE(cli("user revoke " + quoted(project) + " alice").exitCode == 0);
    const auto revoked = cli("sync " + quoted(alice));
    CHECK(revoked.exitCode == 6);
    CHECK_THAT(revoked.output, Catch::Contains("revoked"));
}

TEST_CASE("cli sync --watch: stays connected, a line per sync, exits 0 on SIGTERM", "[cli][sync]")
{
    test::TempDir dir;
    const auto [project, aliceToken, bobToken] = makeProjectForTwo(dir);
    test::ServeProcess server(CONCORD_CLI, project, serverLog(dir));
    const std::string alice = dir.file("alice.concord");
    const std::string bob = dir.file("bob.concord");
    for (const auto& [user, token, path] : {std::tuple{"alice", aliceToken, alice}, std::tuple{"bob", bobToken, bob}}) {
        REQUIRE(cli("join " + server.address() + " --user " + user + " --token " + token + " --out " + quoted(path) +
                    " --accept-fingerprint " + server.fingerprint())
                    .exitCode == 0);
    }

    test::ChildProcess watch({CONCORD_CLI, "sync", bob, "--watch", "--quiet"}, dir.file("watch.log"));
    // Waits for the watcher to print `text` (it flushes every line).
    const auto printed = [&watch](const std::string& text) { return watch.waitForOutput(text); };
    REQUIRE(printed("connected to " + server.address() + " as bob (annotator)"));
    REQUIRE(printed("connected: sent 0 operations, received 0 annotations"));

    // A teammate's label arrives on the server's notice.
    REQUIRE(cli("label " + quoted(alice) + " s1 --label pos --annotator alice").exitCode == 0);
    REQUIRE(cli("sync " + quoted(alice) + " --quiet").exitCode == 0);
    REQUIRE(printed("notice: sent 0 operations, received 1 annotation,"));
    // A label made on the watched replica by another process goes without being asked.
    REQUIRE(cli("label " + quoted(bob) + " s2 --label neg").exitCode == 0);
    REQUIRE(printed("local edits: sent 1 operation,"));

    CHECK(watch.wait(SIGTERM) == 0);
    CHECK(watch.output().find("offline") == std::string::npos);
    CHECK(Project::open(project)->annotations().count() == 2);
    CHECK(Project::open(bob)->outbox().pendingCount() == 0);
}
