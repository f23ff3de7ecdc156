// Fail-over: a replica that knows two servers of its project (sharing the certificate it
// pinned) moves to the second when the first cannot be reached, at once and without a backoff,
// and its labels land there. The servers here are two servers of one PostgreSQL project, or, on
// SQLite, two copies of one project file, which is what the client sees of them. Also: the list
// of servers as typed and kept.
#include "core/util/Error.hpp"
#include "net/client/Endpoint.hpp"
#include "net/tls/Certificate.hpp"
#include "tests/net/SyncFixture.hpp"

#include <filesystem>

using namespace concord;
using test::ServerThread;
using test::SyncFixture;

TEST_CASE("endpoints: several servers as HOST:PORT,HOST:PORT, none twice", "[sync]")
{
    const auto servers = net::parseEndpoints("a.example:7443,[::1]:7444");
    REQUIRE(servers.size() == 2);
    CHECK(servers[1].host == "::1");
    CHECK(net::joinEndpoints(servers) == "a.example:7443,[::1]:7444");
    CHECK(net::parseEndpoints("one:1").size() == 1);
    CHECK_THROWS_WITH(net::parseEndpoints("a:1,a:1"), "the server a:1 is named twice");
    CHECK_THROWS_AS(net::parseEndpoints("a:1,"), InputError);
}

TEST_CASE("sync fail-over: the first server gone, the replica moves to the second at once",
          "[integration][sync][stores]")
{
    SyncFixture fixture(10);
    const bool file = fixture.project.kind() == test::StoreKind::Sqlite;
    // A file is served once, so that the project has its id (and certificate), then copied: the
    // copy is the same project to a replica.
    ServerThread(fixture.project).stop();
    const std::string second = fixture.dir.file("second.concord");
    if (file) {
        std::filesystem::copy_file(fixture.serverPath(), second);
    }
    auto first = std::make_unique<ServerThread>(fixture.project);
    // The second server presents the same certificate, as servers of one deployment do.
    const net::CertificatePaths shared = net::certificatePathsFor(fixture.serverPath());
    const auto sameCertificate = [&](net::ServerOptions& options) { options.certificate = shared; };
    auto backup = file ? std::make_unique<ServerThread>(second, 0, sameCertificate)
                       : std::make_unique<ServerThread>(fixture.project, 0, sameCertificate);

    net::JoinOptions join;
    join.endpoint = first->endpoint();
    join.fallbacks = {backup->endpoint()};
    join.user = "alice";
    join.token = fixture.tokens.at("alice");
    join.path = fixture.replicaPath("alice");
    join.sync = SyncFixture::quickOptions();
    net::joinServer(join);
    auto alice = Project::open(fixture.replicaPath("alice"));
    CHECK(alice->replica().load()->server == net::joinEndpoints({first->endpoint(), backup->endpoint()}));

    first.reset(); // gone: its port refuses connections
    alice->annotate("s3", "alice", SyncFixture::label("pos"));
    auto options = SyncFixture::quickOptions();
    std::vector<std::string> steps;
    options.progress = Progress([&](const ProgressStep& step) { steps.emplace_back(step.what); });
    const auto report = net::syncReplica(*alice, options);
    CHECK(report.attempts == 2);
    CHECK(report.pushed == 1);
    CHECK(alice->outbox().pendingCount() == 0);
    // Straight to the next server, no "trying again in" backoff between the two.
    REQUIRE_FALSE(steps.empty());
    CHECK_THAT(steps.front(), Catch::EndsWith("; trying " + backup->endpoint().toString()));
    for (const auto& step : steps) {
        CHECK(step.find("trying again in") == std::string::npos);
    }
    if (file) {
        CHECK(SyncFixture::count(second, "SELECT count(*) FROM annotations WHERE annotator = 'alice'") == 1);
    } else {
        CHECK(fixture.serverAnnotations("alice") == 1);
    }
}
