// The commands of a server on PostgreSQL, run as an operator would against the test's own
// cluster (tests/support/PgCluster): projects made, listed and archived; health says whether the
// database is reachable with current tables; an address that holds a password is refused before
// anything connects.
#include "pgstore/Connection.hpp"
#include "tests/cli/CliTestSupport.hpp"
#include "tests/net/ServeProcess.hpp"
#include "tests/support/PgCluster.hpp"
#include "tests/support/RunCommand.hpp"
#include "tests/support/TempDir.hpp"

#include <fstream>

#include <catch2/catch.hpp>

using namespace concord;
using test::cli;
using test::quoted;

namespace {

// A project file of single labels (pos, neg) named reviews, with records s1..s3, made and filled
// with the CLI as a team would.
std::string reviewsProject(const test::TempDir& dir, const std::string& name)
{
    const std::string file = dir.file(name);
    REQUIRE(cli("init " + quoted(file) + " --kind single --labels pos,neg --overlap 2 --name reviews").exitCode == 0);
    {
        std::ofstream data(dir.file("data.jsonl"));
        for (int i = 1; i <= 3; ++i) {
            data << R"({"id":"s)" << i << R"(","text":"sample )" << i << "\"}\n";
        }
    }
    REQUIRE(cli("import " + quoted(file) + " " + quoted(dir.file("data.jsonl"))).exitCode == 0);
    return file;
}

} // namespace

TEST_CASE("cli store: project create, list and archive on PostgreSQL, and health", "[cli][pgstore]")
{
    const std::string store = quoted(test::PgCluster::shared().freshDatabase());
    const auto made = cli("project create reviews --store " + store);
    REQUIRE(made.exitCode == 0);
    CHECK_THAT(made.output, Catch::StartsWith("Created project reviews in concord@"));
    const auto again = cli("project create reviews --store " + store);
    CHECK(again.exitCode == 3);
    CHECK_THAT(again.output, Catch::Contains("a project named 'reviews' exists already"));
    REQUIRE(cli("project create chats --store " + store).exitCode == 0);

    const auto listed = cli("project list --json --store " + store);
    REQUIRE(listed.exitCode == 0);
    const auto projects = nlohmann::json::parse(listed.output);
    REQUIRE(projects.size() == 2);
    CHECK(projects[0]["project"] == "chats"); // by name
    CHECK(projects[1]["archived"] == false);

    REQUIRE(cli("project archive reviews --store " + store).exitCode == 0);
    CHECK_THAT(cli("project list --store " + store).output, Catch::Contains("reviews") && Catch::Contains("archived"));
    const auto twice = cli("project archive reviews --store " + store);
    CHECK(twice.exitCode == 3);
    CHECK_THAT(twice.output, Catch::Contains("archived already"));

    const auto healthy = cli("health --store " + store);
    CHECK(healthy.exitCode == 0);
    CHECK_THAT(healthy.output, Catch::StartsWith("ok: concord@") && Catch::Contains("tables of version 2"));
}

TEST_CASE("cli store: health fails on a database without Concord's tables, or one that is not there", "[cli][pgstore]")
{
    test::PgCluster& cluster = test::PgCluster::shared();
    {
        pg::Connection admin(cluster.conninfo("postgres"));
        admin.exec("CREATE DATABASE bare");
    }
    const auto bare = cli("health --store " + quoted(cluster.conninfo("bare")));
    CHECK(bare.exitCode == 4);
    CHECK_THAT(bare.output, Catch::Contains("its Concord tables are missing"));
    const auto absent = cli("health --store " + quoted(cluster.conninfo("absent")));
    CHECK(absent.exitCode == 4);
    CHECK_THAT(absent.output, Catch::Contains("could not connect to PostgreSQL") && Catch::Contains("absent"));
}

TEST_CASE("cli store: an address with a password, or a project file, is refused before connecting", "[cli][pgstore]")
{
    const auto secret = cli("project list --store 'postgresql://ana:hunter2@db.example/concord'");
    CHECK(secret.exitCode == 3);
    CHECK_THAT(secret.output,
               Catch::Contains("--store: the PostgreSQL address holds a password") && Catch::Contains("~/.pgpass"));
    CHECK_THAT(secret.output, !Catch::Contains("hunter2"));
    const auto file = cli("health --store reviews.concord");
    CHECK(file.exitCode == 3);
    CHECK_THAT(file.output, Catch::Contains("is not a PostgreSQL address"));
}

TEST_CASE("cli store: user add gives an account a role per project, revoke takes one role or the account",
          "[cli][pgstore]")
{
    const std::string store = quoted(test::PgCluster::shared().freshDatabase());
    REQUIRE(cli("project create reviews --store " + store).exitCode == 0);
    REQUIRE(cli("project create chats --store " + store).exitCode == 0);
    const auto added = cli("user add ana --role reviewer --json --store " + store + " --project reviews");
    REQUIRE(added.exitCode == 0);
    const auto first = nlohmann::json::parse(added.output);
    CHECK(first["role"] == "reviewer");
    CHECK(first["token"].get<std::string>().size() == 64);
    // An account already: a role in the second project, and no new token.
    const auto granted = cli("user add ana --store " + store + " --project chats");
    REQUIRE(granted.exitCode == 0);
    CHECK_THAT(granted.output, Catch::StartsWith("ana has an account on this server already: now annotator in "
                                                 "project chats") &&
                                   Catch::Contains("with the token they have"));
    const auto chats = nlohmann::json::parse(cli("user list --json --store " + store + " --project chats").output);
    REQUIRE(chats.size() == 1);
    CHECK(chats[0]["role"] == "annotator");

    REQUIRE(cli("user revoke ana --store " + store + " --project chats").exitCode == 0);
    CHECK(nlohmann::json::parse(cli("user list --json --store " + store + " --project chats").output)[0]["revoked_at"]
              .is_number());
    CHECK(nlohmann::json::parse(cli("user list --json --store " + store + " --project reviews").output)[0]["revoked_at"]
              .is_null());
    const auto account = cli("user revoke ana --store " + store);
    REQUIRE(account.exitCode == 0);
    CHECK_THAT(account.output, Catch::Contains("no longer works in any project"));
    CHECK(nlohmann::json::parse(cli("user list --json --store " + store + " --project reviews").output)[0]["revoked_at"]
              .is_number());

    const auto noProject = cli("user list --store " + store);
    CHECK(noProject.exitCode == 3);
    CHECK_THAT(noProject.output, Catch::Contains("--project: name the project on the store"));
    const auto unknown = cli("user add bob --store " + store + " --project nowhere");
    CHECK(unknown.exitCode == 3);
    CHECK_THAT(unknown.output, Catch::Contains("no project named 'nowhere'"));
}

TEST_CASE("cli store: a project made from a file is served from PostgreSQL, replicas join, label and sync",
          "[cli][pgstore][sync]")
{
    test::TempDir dir;
    const std::string file = reviewsProject(dir, "start.concord");

    const std::string address = test::PgCluster::shared().freshDatabase();
    const std::string store = quoted(address);
    const auto bare = cli("project create bare --store " + store);
    REQUIRE(bare.exitCode == 0);
    const auto made = cli("project create reviews --store " + store + " --from " + quoted(file));
    REQUIRE(made.exitCode == 0);
    CHECK_THAT(made.output, Catch::Contains("with the questions and 3 records of"));
    std::map<std::string, std::string> tokens;
    for (const std::string name : {"alice", "bob"}) {
        const auto added = cli("user add --store " + store + " --project reviews " + name + " --role annotator --json");
        REQUIRE(added.exitCode == 0);
        tokens[name] = nlohmann::json::parse(added.output)["token"].get<std::string>();
    }

    // A project without questions, or none of that name, is refused before the server binds.
    const auto noQuestions = cli("serve --store " + store + " --project bare --port 0");
    CHECK(noQuestions.exitCode == 3);
    CHECK_THAT(noQuestions.output, Catch::Contains("'bare' has no questions yet") &&
                                       Catch::Contains("project create --store URI NAME --from FILE.concord"));
    const auto unknown = cli("serve --store " + store + " --project nosuch --port 0");
    CHECK(unknown.exitCode == 3);
    CHECK_THAT(unknown.output, Catch::Contains("no project named 'nosuch'"));
    CHECK(cli("serve " + quoted(file) + " --store " + store + " --project reviews").exitCode != 0);

    test::ServeProcess server(
        CONCORD_CLI, "--store=" + address, dir.file("serve.log"), 0,
        {"--project", "reviews", "--cert", dir.file("reviews.cert.pem"), "--key", dir.file("reviews.key.pem")});
    CHECK_THAT(server.output(), Catch::Contains("Serving project reviews of the store"));
    const std::string alice = dir.file("alice.concord");
    const std::string bob = dir.file("bob.concord");
    for (const auto& [name, path] : {std::pair{std::string("alice"), alice}, std::pair{std::string("bob"), bob}}) {
        const auto joined = cli("join " + server.address() + " --user " + name + " --token " + tokens[name] +
                                " --out " + quoted(path) + " --accept-fingerprint " + server.fingerprint());
        REQUIRE(joined.exitCode == 0);
        CHECK_THAT(joined.output, Catch::Contains("Joined 'reviews'") && Catch::Contains("3 new samples"));
    }
    REQUIRE(cli("label " + quoted(alice) + " s1 --label pos").exitCode == 0);
    REQUIRE(cli("label " + quoted(bob) + " s1 --label neg").exitCode == 0);
    REQUIRE(cli("sync " + quoted(alice)).exitCode == 0);
    REQUIRE(cli("sync " + quoted(bob)).exitCode == 0);
    REQUIRE(cli("sync " + quoted(alice)).exitCode == 0);
    for (const auto& path : {alice, bob}) {
        REQUIRE(cli("export " + quoted(path) + " " + quoted(path + ".jsonl")).exitCode == 0);
    }
    const auto read = [](const std::string& path) {
        std::ifstream in(path, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    CHECK(read(alice + ".jsonl") == read(bob + ".jsonl"));
    CHECK_THAT(read(alice + ".jsonl"),
               Catch::Contains(R"("alice":{"labels":["pos"]})") && Catch::Contains(R"("bob":{"labels":["neg"]})"));
    CHECK(server.stop(SIGTERM) == 0);

    // What the server acknowledged is in the database: two operations in the project's log.
    pg::Connection check(address);
    CHECK(check.exec("SELECT count(*) FROM changes c JOIN projects p ON p.id = c.project WHERE p.name = 'reviews'")
              .integer(0, 0) == 2);

    // Without --project one process serves every project of the store; a join names its project,
    // and alice's replica, joined above, syncs with it by its project id alone.
    test::ServeProcess whole(CONCORD_CLI, "--store=" + address, dir.file("whole.log"), 0,
                             {"--cert", dir.file("reviews.cert.pem"), "--key", dir.file("reviews.key.pem")});
    CHECK_THAT(whole.output(), Catch::Contains("Serving every project of the store") &&
                                   Catch::Contains("join " + whole.address() + " --project NAME"));
    const std::string joinAgain = "join " + whole.address() + " --user alice --token " + tokens["alice"] +
                                  " --accept-fingerprint " + whole.fingerprint() + " --out " +
                                  quoted(dir.file("alice2.concord"));
    const auto unnamed = cli(joinAgain);
    CHECK(unnamed.exitCode != 0);
    CHECK_THAT(unnamed.output, Catch::Contains("serves several projects") && Catch::Contains("--project NAME"));
    const auto wrongName = cli(joinAgain + " --project nosuch");
    CHECK(wrongName.exitCode != 0);
    CHECK_THAT(wrongName.output, Catch::Contains("serves no project named 'nosuch'"));
    const auto named = cli(joinAgain + " --project reviews");
    REQUIRE(named.exitCode == 0);
    CHECK_THAT(named.output, Catch::Contains("Joined 'reviews'") && Catch::Contains("3 new samples") &&
                                 Catch::Contains("2 annotations"));
    REQUIRE(cli("endpoint add " + quoted(alice) + " " + whole.address()).exitCode == 0);
    REQUIRE(cli("label " + quoted(alice) + " s2 --label neg").exitCode == 0);
    const auto byId = cli("sync " + quoted(alice));
    CHECK(byId.exitCode == 0);
    CHECK_THAT(byId.output, Catch::Contains("Sent 1 operation") && Catch::Contains("up to date to change 3"));
    CHECK(whole.stop(SIGTERM) == 0);
    CHECK(check.exec("SELECT count(*) FROM changes c JOIN projects p ON p.id = c.project WHERE p.name = 'reviews'")
              .integer(0, 0) == 3);
}

TEST_CASE("cli store: migrate-store moves a served project file to PostgreSQL and back, and its replicas go on syncing "
          "with the new server",
          "[cli][pgstore][sync][migrate]")
{
    test::TempDir dir;
    const std::string file = reviewsProject(dir, "team.concord");
    std::map<std::string, std::string> tokens;
    for (const std::string name : {"alice", "bob"}) {
        const auto added = cli("user add " + quoted(file) + " " + name + " --json");
        REQUIRE(added.exitCode == 0);
        tokens[name] = nlohmann::json::parse(added.output)["token"].get<std::string>();
    }
    // Both servers use one certificate, so that the replicas' pin holds for the new one.
    const std::vector<std::string> certificate = {"--cert", dir.file("team.cert.pem"), "--key",
                                                  dir.file("team.key.pem")};
    const std::string alice = dir.file("alice.concord");
    const std::string bob = dir.file("bob.concord");
    std::string oldAddress;
    {
        test::ServeProcess server(CONCORD_CLI, file, dir.file("serve-file.log"), 0, certificate);
        oldAddress = server.address();
        for (const auto& [name, path] : {std::pair{std::string("alice"), alice}, std::pair{std::string("bob"), bob}}) {
            REQUIRE(cli("join " + server.address() + " --user " + name + " --token " + tokens[name] + " --out " +
                        quoted(path) + " --accept-fingerprint " + server.fingerprint() + " --quiet")
                        .exitCode == 0);
        }
        REQUIRE(cli("label " + quoted(alice) + " s1 --label pos").exitCode == 0);
        REQUIRE(cli("sync " + quoted(alice)).exitCode == 0);
        REQUIRE(cli("sync " + quoted(bob)).exitCode == 0);
        CHECK(server.stop(SIGTERM) == 0);
    }

    const std::string address = test::PgCluster::shared().freshDatabase();
    const std::string store = quoted(address);
    const auto noName = cli("migrate-store " + quoted(file) + " " + store);
    CHECK(noName.exitCode == 3);
    CHECK_THAT(noName.output, Catch::Contains("is a PostgreSQL store: name the project with --project NAME"));
    const auto moved = cli("migrate-store " + quoted(file) + " " + store + " --project reviews --quiet");
    INFO(moved.output);
    REQUIRE(moved.exitCode == 0);
    CHECK_THAT(moved.output, Catch::Contains("Copied 1 operations and 1 rows") &&
                                 Catch::Contains("Verified, the same on both sides: 3 records, 2 users, 1 operations"));

    // The replicas keep their file server first; it is gone, so they move on to the new one.
    test::ServeProcess server(CONCORD_CLI, "--store=" + address, dir.file("serve-pg.log"), 0,
                              {"--project", "reviews", certificate[0], certificate[1], certificate[2], certificate[3]});
    for (const auto& path : {alice, bob}) {
        REQUIRE(cli("endpoint add " + quoted(path) + " " + server.address()).exitCode == 0);
    }
    REQUIRE(cli("label " + quoted(bob) + " s2 --label neg").exitCode == 0);
    const auto bobSync = cli("sync " + quoted(bob));
    INFO(bobSync.output);
    REQUIRE(bobSync.exitCode == 0);
    const auto aliceSync = cli("sync " + quoted(alice) + " --json");
    INFO(aliceSync.output);
    REQUIRE(aliceSync.exitCode == 0);
    // After the line that says the first server could not be reached and the next was tried.
    CHECK_THAT(aliceSync.output, Catch::Contains("cannot connect to " + oldAddress));
    const auto report = nlohmann::json::parse(aliceSync.output.substr(aliceSync.output.find('{')));
    // Only bob's new label comes down: alice's cursor means the same on the copy.
    CHECK(report["received_annotations"] == 1);
    CHECK(server.stop(SIGTERM) == 0);

    // And back into a new file, which holds both labels under the same numbers.
    const std::string back = dir.file("back.concord");
    const auto returned = cli("migrate-store " + store + " " + quoted(back) + " --project reviews --json");
    REQUIRE(returned.exitCode == 0);
    const auto copied = nlohmann::json::parse(returned.output);
    CHECK(copied["operations_copied"] == 2);
    CHECK(copied["verified"]["answers"] == 2);
    const auto exported = cli("export " + quoted(back) + " -");
    CHECK_THAT(exported.output,
               Catch::Contains(R"("alice":{"labels":["pos"]})") && Catch::Contains(R"("bob":{"labels":["neg"]})"));
    const auto twice = cli("migrate-store " + store + " " + quoted(back) + " --project reviews");
    CHECK(twice.exitCode == 0);
    CHECK_THAT(twice.output, Catch::Contains("Copied 0 operations") && Catch::Contains("going on after operation 2"));

    // The reading commands take the store's project in place of a file, and say the same.
    const auto fromStore = cli("export --store " + store + " --project reviews -");
    REQUIRE(fromStore.exitCode == 0);
    CHECK(fromStore.output == exported.output);
    const auto info = cli("info --store " + store + " --project reviews --json");
    REQUIRE(info.exitCode == 0);
    const auto infoJson = nlohmann::json::parse(info.output);
    CHECK(infoJson.at("samples") == 3);
    CHECK(infoJson.at("annotations") == 2);
    const auto agreement = cli("agreement --store " + store + " --project reviews --json");
    REQUIRE(agreement.exitCode == 0);
    const auto agreementFile = cli("agreement " + quoted(back) + " --json");
    CHECK(nlohmann::json::parse(agreement.output).at("coefficients") ==
          nlohmann::json::parse(agreementFile.output).at("coefficients"));
    CHECK(cli("check --store " + store + " --project reviews").exitCode == 0);
    const auto both = cli("info " + quoted(back) + " --store " + store + " --project reviews");
    CHECK(both.exitCode == 3);
    CHECK_THAT(both.output, Catch::Contains("give a project file or --store, not both"));
    const auto noProject = cli("export --store " + store + " -");
    CHECK(noProject.exitCode == 3);
    CHECK_THAT(noProject.output, Catch::Contains("--store needs --project NAME"));
    const auto unknown = cli("check --store " + store + " --project nosuch");
    CHECK(unknown.exitCode == 3);
    CHECK_THAT(unknown.output, Catch::Contains("no project named 'nosuch'"));

    // import --store adds records, checked as a file import checks them, and nothing else.
    {
        std::ofstream more(dir.file("more.jsonl"));
        more << R"({"id":"s4","text":"sample 4"})"
             << "\n"
             << R"({"id":"s5","text":"sample 5"})"
             << "\n";
        std::ofstream labelled(dir.file("labelled.jsonl"));
        labelled << R"({"id":"s6","text":"sample 6","label":"pos"})"
                 << "\n";
    }
    const auto imported = cli("import --store " + store + " --project reviews " + quoted(dir.file("more.jsonl")));
    INFO(imported.output);
    REQUIRE(imported.exitCode == 0);
    CHECK_THAT(imported.output, Catch::Contains("Imported 2 samples") && Catch::Contains("into project reviews in"));
    const auto again = cli("import --store " + store + " --project reviews " + quoted(dir.file("more.jsonl")));
    CHECK(again.exitCode == 3);
    CHECK_THAT(again.output, Catch::Contains("duplicate id 's4'"));
    const auto withLabels = cli("import --store " + store + " --project reviews " + quoted(dir.file("labelled.jsonl")) +
                                " --label-field label --annotator alice");
    CHECK(withLabels.exitCode == 3);
    CHECK_THAT(withLabels.output, Catch::Contains("import adds records only") && Catch::Contains("Nothing was added"));
    CHECK(nlohmann::json::parse(cli("info --store " + store + " --project reviews --json").output).at("samples") == 5);
}
