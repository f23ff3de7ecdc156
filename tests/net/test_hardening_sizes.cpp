// One row can no longer break the change feed for everyone (issue 13, defects 7 to 9): a value
// with an unknown field is refused, and rows stored before the limits existed (a value, a text
// larger than a frame, metadata nested past the protocol's depth) are skipped by name while the
// rest of the feed flows; `concord-cli join` says which and exits non-zero.
#include "net/NetError.hpp"
#include "tests/net/SyncFixture.hpp"
#include "tests/support/RunCommand.hpp"

using namespace concord;
using namespace std::chrono_literals;
using test::ServerThread;
using test::SyncFixture;

namespace {

// A spans project served to alice and bob, with two samples.
struct SpansProject
{
    SpansProject()
    {
        auto project =
            Project::create(path(), ProjectSettings{}, LabelSchema::fromNames(TaskKind::Spans, {"PER", "ORG"}));
        sqlite::Transaction transaction(project->database());
        project->samples().insert("s1", "Ann works at IBM", "{}");
        project->samples().insert("s2", "Bob works at ACME", "{}");
        store::UserTable users(project->database());
        tokens["alice"] = net::addUser(users, "alice", Role::Annotator, 1);
        tokens["bob"] = net::addUser(users, "bob", Role::Annotator, 1);
        transaction.commit();
    }

    std::string path() const { return dir.file("server.concord"); }

    // Stores rows as a version before the limits would have: straight into the file.
    void storeOldRows(const std::function<void(Project&)>& write) const
    {
        auto project = Project::open(path());
        sqlite::Transaction transaction(project->database());
        write(*project);
        transaction.commit();
    }

    test::CommandResult joinWithCli(const ServerThread& server, const std::string& user) const
    {
        return test::runCommand(std::string(CONCORD_CLI) + " join " + server.address() + " --user " + user +
                                " --token " + tokens.at(user) + " --out " + dir.file(user + ".concord") +
                                " --timeout 20 --attempts 1");
    }

    test::TempDir dir;
    std::map<std::string, std::string> tokens;
};

std::string nestedObject(int depth)
{
    std::string meta;
    for (int i = 0; i < depth; ++i) {
        meta += R"({"a":)";
    }
    meta += "1";
    meta += std::string(static_cast<std::size_t>(depth), '}');
    return meta;
}

} // namespace

TEST_CASE("defect 7: a value with an unknown field is refused and the feed keeps flowing",
          "[integration][hardening][stores]")
{
    SpansProject served;
    ServerThread server(served.path());

    net::Client alice(server.endpoint(), 30s);
    alice.connect();
    alice.hello("alice", served.tokens.at("alice"), "", "alice-device");
    net::Operation operation;
    operation.opId = "alice-1";
    operation.sampleId = "s1";
    operation.annotator = "alice";
    operation.stamp = Stamp{hlc::fromMs(systemNowMs()), "alice-device"};
    operation.value = {{"spans", {{{"start", 0}, {"end", 3}, {"label", "PER"}}}}, {"x", ""}};
    // The extra field fills the push frame to just under the limit, as in the report: any
    // reply that carries the row has a larger envelope and could not be sent.
    const std::size_t envelope = net::serialize(net::ClientMessage{net::Push{1, {operation}}}).size();
    operation.value["x"] = std::string(net::kMaxFrameBytes - envelope - 16, 'x');
    const auto ack = alice.push({operation});
    REQUIRE(ack.results.size() == 1);
    CHECK(ack.results[0].status == net::OpStatus::Rejected);
    CHECK(ack.results[0].code == net::ErrorCode::InvalidValue);
    CHECK_THAT(ack.results[0].reason, Catch::Contains("'x'"));

    const auto joined = served.joinWithCli(server, "bob");
    INFO(joined.output);
    CHECK(joined.exitCode == 0);
}

TEST_CASE("rows stored before the limits are skipped by name, and the rest arrives", "[integration][hardening]")
{
    SpansProject served;
    served.storeOldRows([](Project& project) {
        // A label of bob's that must arrive whatever else happens.
        project.annotations().put(*project.samples().keyOf("s2"), "bob", R"({"spans":[]})", 1);
    });
    std::string skippedSample;
    SECTION("defect 7: a value larger than a frame")
    {
        skippedSample = "s1";
        served.storeOldRows([](Project& project) {
            const std::string value = R"({"spans":[],"x":")" + std::string(net::kMaxFrameBytes, 'x') + R"("})";
            project.annotations().put(*project.samples().keyOf("s1"), "alice", value, 1);
        });
    }
    SECTION("defect 8: a text larger than a frame")
    {
        skippedSample = "huge";
        served.storeOldRows(
            [](Project& project) { project.samples().insert("huge", std::string(6'553'600, 'h'), "{}"); });
    }
    SECTION("defect 9: metadata nested 40 levels")
    {
        skippedSample = "deep";
        served.storeOldRows([](Project& project) { project.samples().insert("deep", "deep text", nestedObject(40)); });
    }
    ServerThread server(served.path());

    const auto joined = served.joinWithCli(server, "bob");
    INFO(joined.output);
    // Not a network failure (6): the replica is made, with a row missing, and says so.
    CHECK(joined.exitCode == 7);
    CHECK_THAT(joined.output, Catch::Contains("skipped") && Catch::Contains("'" + skippedSample + "'"));
    auto replica = Project::open(served.dir.file("bob.concord"));
    CHECK(replica->annotations().get(*replica->samples().keyOf("s2"), "bob").has_value());
    CHECK(replica->samples().keyOf("s1").has_value());
}
