// Real server, real TLS, real replicas: labeling offline and syncing afterwards.
#include "net/NetError.hpp"
#include "net/client/ReplicaApplier.hpp"
#include "tests/net/SyncFixture.hpp"

using namespace concord;
using test::ServerThread;
using test::SyncFixture;

TEST_CASE("sync: two annotators and a reviewer label offline, then all replicas equal the server",
          "[integration][sync][stores]")
{
    SyncFixture fixture(20);
    std::uint16_t port = 0;
    {
        ServerThread server(fixture.project);
        port = server.port();
        const auto joined = fixture.join(server, "alice", "alice-laptop");
        CHECK(joined.role == Role::Annotator);
        CHECK(joined.projectName == "synced");
        CHECK(joined.fingerprint == server.fingerprint());
        CHECK(joined.sync.newSamples == 20);
        fixture.join(server, "alice", "alice-desktop");
        fixture.join(server, "bob", "bob");
        fixture.join(server, "rita", "rita");
    } // the server goes away: everyone is offline now

    {
        auto laptop = Project::open(fixture.replicaPath("alice-laptop"));
        auto desktop = Project::open(fixture.replicaPath("alice-desktop"));
        auto bob = Project::open(fixture.replicaPath("bob"));
        auto rita = Project::open(fixture.replicaPath("rita"));
        CHECK(laptop->samples().count() == 20);
        CHECK(laptop->samples().findById("s7")->meta == R"({"n":7})");
        for (int i = 1; i <= 20; ++i) {
            const std::string id = "s" + std::to_string(i);
            laptop->annotate(id, "alice", SyncFixture::label(i % 3 == 0 ? "neg" : "pos"));
            bob->annotate(id, "bob", SyncFixture::label(i % 2 == 0 ? "neg" : "pos"));
        }
        // Alice changes her mind on s1 and s2 on her desktop, later than on the laptop.
        desktop->annotate("s1", "alice", SyncFixture::label("neutral"));
        desktop->annotate("s2", "alice", SyncFixture::label("neutral"));
        rita->resolve("s1", "rita", SyncFixture::label("pos"), "the text says so");
        rita->resolve("s2", "rita", SyncFixture::label("neg"), "");
        // A reviewer labels too.
        rita->annotate("s3", "rita", SyncFixture::label("neutral"));
        CHECK(laptop->outbox().pendingCount() == 20);
    }

    ServerThread server(fixture.project, port);
    // The desktop syncs first: its s1/s2 must still win over the laptop's earlier edits.
    for (const auto* name : {"alice-desktop", "alice-laptop", "bob", "rita"}) {
        const auto report = fixture.sync(name);
        CHECK(report.rejections.empty());
        CHECK(report.pending == 0);
    }
    // A second round brings everyone the others' changes.
    for (const auto* name : {"alice-desktop", "alice-laptop", "bob", "rita"}) {
        fixture.sync(name);
    }

    const std::string serverDigest = fixture.serverDigest();
    CHECK(fixture.serverAnnotations() == 41);
    CHECK(std::count(serverDigest.begin(), serverDigest.end(), '\n') == 43); // and two resolutions
    for (const auto* name : {"alice-desktop", "alice-laptop", "bob", "rita"}) {
        INFO(name);
        CHECK(SyncFixture::digest(fixture.replicaPath(name)) == serverDigest);
        CHECK(SyncFixture::count(fixture.replicaPath(name), "SELECT count(*) FROM outbox") == 0);
    }
    // The later edit won (the digest holds the server's current values); the earlier one is in
    // the server's log as superseded, and in the laptop's history.
    CHECK_THAT(serverDigest, Catch::Contains(R"(s1|alice|{"labels":["neutral"]})"));
    CHECK(fixture.project.operations(true) == 2);
    auto laptop = Project::open(fixture.replicaPath("alice-laptop"));
    CHECK(laptop->annotations().get(1, "alice")->value == R"({"labels":["neutral"]})");
    CHECK(laptop->annotations().history(1, "alice").size() == 2);
}

TEST_CASE("sync: samples imported on the server later reach the replicas", "[integration][sync][stores]")
{
    SyncFixture fixture(3);
    ServerThread server(fixture.project);
    fixture.join(server, "bob", "bob");
    fixture.project.addRecords({Sample{0, "late", "a late sample", "{}", ""}});
    const auto report = fixture.sync("bob");
    CHECK(report.newSamples == 1);
    auto bob = Project::open(fixture.replicaPath("bob"));
    bob->annotate("late", "bob", SyncFixture::label("pos"));
    CHECK(fixture.sync("bob").pushed == 1);
}

TEST_CASE("sync: a push repeated after a lost acknowledgement is applied once", "[integration][sync][stores]")
{
    SyncFixture fixture(5);
    ServerThread server(fixture.project);
    fixture.join(server, "alice", "alice");
    auto replica = Project::open(fixture.replicaPath("alice"));
    for (int i = 1; i <= 5; ++i) {
        replica->annotate("s" + std::to_string(i), "alice", SyncFixture::label("pos"));
    }
    const auto pending = replica->outbox().pending(100);
    REQUIRE(pending.size() == 5);

    // The operations reach the server and are committed, but the acknowledgement is lost
    // with the connection.
    {
        net::Client client(server.endpoint());
        client.connect();
        const auto info = replica->replica().load();
        client.hello(info->user, info->token, info->projectId, info->clientId);
        std::vector<net::Operation> ops;
        for (const auto& operation : pending) {
            ops.push_back(net::toOperation(operation));
        }
        client.push(ops); // its ack never reaches the replica
    }
    CHECK(replica->outbox().pendingCount() == 5);

    const auto report = net::syncReplica(*replica, SyncFixture::quickOptions());
    CHECK(report.pushed == 0);
    CHECK(report.duplicates == 5);
    CHECK(replica->outbox().pendingCount() == 0);
    CHECK(fixture.project.operations() == 5);
    if (fixture.project.kind() == test::StoreKind::Sqlite) { // a file's history holds every version, once
        CHECK(SyncFixture::count(fixture.serverPath(), "SELECT count(*) FROM annotation_history") == 5);
    }
    CHECK(SyncFixture::digest(fixture.replicaPath("alice")) == fixture.serverDigest());
}

TEST_CASE("sync: a refused edit is marked, reported and replaced by the server's row", "[integration][sync][stores]")
{
    SyncFixture fixture(3);
    ServerThread server(fixture.project);
    fixture.join(server, "rita", "rita");
    {
        auto rita = Project::open(fixture.replicaPath("rita"));
        rita->resolve("s1", "rita", SyncFixture::label("pos"), "");
        // The admin demotes rita before she syncs.
        fixture.project.setRole("rita", Role::Annotator);
    }
    const auto report = fixture.sync("rita");
    REQUIRE(report.rejections.size() == 1);
    CHECK_THAT(report.rejections[0], Catch::Contains("forbidden"));
    auto rita = Project::open(fixture.replicaPath("rita"));
    CHECK(rita->resolutions().count() == 0);
    CHECK(rita->outbox().rejected().size() == 1);
    CHECK(rita->replica().load()->role == Role::Annotator);
}

TEST_CASE("sync: a changed certificate is refused until accepted deliberately", "[integration][sync][stores]")
{
    SyncFixture fixture(2);
    std::uint16_t port = 0;
    std::string first;
    {
        ServerThread server(fixture.project);
        port = server.port();
        first = fixture.join(server, "bob", "bob").fingerprint;
    }
    // The server's certificate is replaced.
    std::filesystem::remove(fixture.serverPath() + ".cert.pem");
    std::filesystem::remove(fixture.serverPath() + ".key.pem");
    ServerThread server(fixture.project, port);
    REQUIRE(server.fingerprint() != first);

    auto replica = Project::open(fixture.replicaPath("bob"));
    replica->annotate("s1", "bob", SyncFixture::label("pos"));
    try {
        net::syncReplica(*replica, SyncFixture::quickOptions());
        FAIL("a changed certificate was accepted");
    } catch (const net::FingerprintMismatch& error) {
        CHECK_THAT(error.what(), Catch::Contains("--accept-fingerprint " + server.fingerprint()));
        CHECK_THAT(error.what(), Catch::Contains(first));
    }
    CHECK(fixture.project.operations() == 0);

    auto wrong = SyncFixture::quickOptions();
    wrong.acceptFingerprint = first;
    CHECK_THROWS_AS(net::syncReplica(*replica, wrong), net::FingerprintMismatch);

    auto accept = SyncFixture::quickOptions();
    accept.acceptFingerprint = server.fingerprint();
    const auto report = net::syncReplica(*replica, accept);
    CHECK(report.fingerprintChanged);
    CHECK(report.pushed == 1);
    CHECK(replica->replica().load()->fingerprint == server.fingerprint());
    CHECK(net::syncReplica(*replica, SyncFixture::quickOptions()).attempts == 1);
}

TEST_CASE("sync: a connected client is told when new changes exist", "[integration][sync][stores]")
{
    SyncFixture fixture(2);
    ServerThread server(fixture.project);
    net::Client watcher(server.endpoint());
    watcher.connect();
    const auto welcome = watcher.hello("bob", fixture.tokens["bob"], "", "watcher");
    CHECK(welcome.head == 0);

    fixture.join(server, "alice", "alice");
    {
        auto alice = Project::open(fixture.replicaPath("alice"));
        alice->annotate("s1", "alice", SyncFixture::label("neg"));
        net::syncReplica(*alice, SyncFixture::quickOptions());
    }
    const auto notice = watcher.waitForNotice(std::chrono::seconds(20));
    REQUIRE(notice.has_value());
    CHECK(notice->head == 1);
    const auto changes = watcher.pull(0);
    REQUIRE(changes.annotations.size() == 1);
    CHECK(changes.annotations[0].annotator == "alice");
    watcher.ping();
}

TEST_CASE("sync: a replica does not pull back what it sent, unless another write lies between",
          "[integration][sync][stores]")
{
    SyncFixture fixture(20);
    ServerThread server(fixture.project);
    fixture.join(server, "alice", "alice");
    fixture.join(server, "bob", "bob");
    // Twelve labels in pushes of five, five and two: each push follows the cursor without a gap,
    // so the cursor moves past them and the pull brings nothing back.
    auto options = SyncFixture::quickOptions();
    options.pushBatch = 5;
    {
        auto alice = Project::open(fixture.replicaPath("alice"));
        for (int i = 1; i <= 12; ++i) {
            alice->annotate("s" + std::to_string(i), "alice", SyncFixture::label("pos"));
        }
        const auto report = net::syncReplica(*alice, options);
        CHECK(report.pushed == 12);
        CHECK(report.pulledAnnotations == 0);
        CHECK(alice->replica().load()->cursor == 12);
    }
    CHECK(SyncFixture::digest(fixture.replicaPath("alice"), "alice") == fixture.serverDigest("alice"));

    // bob writes after her cursor: her next push does not follow it, and she receives his label
    // and her own.
    {
        auto bob = Project::open(fixture.replicaPath("bob"));
        bob->annotate("s1", "bob", SyncFixture::label("neg"));
    }
    fixture.sync("bob");
    {
        auto alice = Project::open(fixture.replicaPath("alice"));
        alice->annotate("s13", "alice", SyncFixture::label("neutral"));
        const auto report = net::syncReplica(*alice, options);
        CHECK(report.pushed == 1);
        CHECK(report.pulledAnnotations == 2);
        CHECK(alice->replica().load()->cursor == 14);
        CHECK(alice->annotations().find(alice->samples().keyOf("s1").value(), "bob").has_value());
    }
    CHECK(SyncFixture::digest(fixture.replicaPath("alice")) == fixture.serverDigest());
}
