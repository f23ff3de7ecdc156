// Labels written into the served file by another connection while the server runs (the app
// that hosts the project labels through its own connection) reach the clients at their next
// sync, without a restart, and a client that is already connected hears of them.
#include "tests/net/SyncFixture.hpp"

using namespace concord;
using test::ServerThread;
using test::SyncFixture;

TEST_CASE("sync: the host's own labels, written beside the running server, reach the clients", "[integration][sync]")
{
    SyncFixture fixture(5);
    ServerThread server(fixture.project);
    fixture.join(server, "alice", "alice");
    CHECK(fixture.sync("alice").pulledAnnotations == 0);

    // The host labels two samples and sets one gold value, on the server's file, while it runs.
    {
        auto host = Project::open(fixture.serverPath());
        host->annotate("s1", "adam", SyncFixture::label("pos"));
        host->annotate("s2", "adam", SyncFixture::label("neg"));
        host->resolve("s2", "adam", SyncFixture::label("neg"), "clear");
    }
    CHECK(SyncFixture::count(fixture.serverPath(), "SELECT count(*) FROM annotations WHERE seq = 0") == 2);

    const auto report = fixture.sync("alice");
    CHECK(report.pulledAnnotations == 2);
    CHECK(report.pulledResolutions == 1);
    CHECK(SyncFixture::count(fixture.serverPath(), "SELECT count(*) FROM annotations WHERE seq = 0") == 0);
    CHECK(SyncFixture::count(fixture.serverPath(), "SELECT count(*) FROM oplog") == 3);
    CHECK(SyncFixture::digest(fixture.replicaPath("alice")) == SyncFixture::digest(fixture.serverPath()));

    // Edited again: the new value follows, once.
    Project::open(fixture.serverPath())->annotate("s1", "adam", SyncFixture::label("neutral"));
    CHECK(fixture.sync("alice").pulledAnnotations == 1);
    CHECK(fixture.sync("alice").pulledAnnotations == 0);
    CHECK(SyncFixture::digest(fixture.replicaPath("alice")) == SyncFixture::digest(fixture.serverPath()));
}
