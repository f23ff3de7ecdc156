// A server's handler on a PostgreSQL project while the database is stopped (immediate mode, what a
// crash does) and started again: the batch in hand is answered with an error, never acknowledged;
// the next batch after the restart connects again by itself; what was acknowledged before is
// there once, and the operation that failed goes through when sent again.
#include "core/util/HybridClock.hpp"
#include "net/auth/Accounts.hpp"
#include "net/server/Handler.hpp"
#include "pgstore/PgServerStore.hpp"
#include "pgstore/Projects.hpp"
#include "tests/support/PgCluster.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <optional>
#include <thread>

using namespace concord;

namespace {

net::Operation label(const std::string& opId, const std::string& sample, std::int64_t hlc)
{
    net::Operation operation;
    operation.opId = opId;
    operation.kind = OperationKind::Annotate;
    operation.sampleId = sample;
    operation.annotator = "alice";
    operation.value = {{"labels", {"pos"}}};
    operation.stamp = Stamp{hlc, "device-1"};
    return operation;
}

} // namespace

TEST_CASE("postgres server: a batch while the database is down is refused, the next one after it is back reconnects",
          "[pgstore]")
{
    test::PgCluster& cluster = test::PgCluster::shared();
    const std::string database = cluster.freshDatabase();
    const std::int64_t now = 1'700'000'000'000;
    std::string token;
    pg::ProjectRow row;
    {
        pg::Connection setup(database);
        row = pg::createProject(setup, "durable");
        pg::configureProject(setup, row.id, ProjectSettings{},
                             RecordSchema::fromLegacy(LabelSchema::fromNames(TaskKind::Single, {"pos", "neg"})), 7);
        pg::addRecords(setup, row.id, {Sample{0, "s1", "one", "{}", ""}, Sample{0, "s2", "two", "{}", ""}});
        pg::ProjectUsers users(setup, row.id);
        token = net::addUser(users, "alice", Role::Annotator, now);
    }
    pg::PgServerStore store(std::make_unique<pg::Connection>(database), row, [&] { return now; });
    net::Handler handler(store, net::HandlerOptions{});
    net::Identity anonymous;
    const auto welcome =
        handler.handle(anonymous, net::Hello{net::kProtocolVersion, "alice", token, "", "device-1", ""});
    REQUIRE(welcome.identity.has_value());
    const net::Identity alice = *welcome.identity;
    const auto push = [&](std::int64_t id, const net::Operation& operation) {
        const auto result = handler.handle(alice, net::Push{id, {operation}});
        REQUIRE(result.replies.size() == 1);
        return result.replies.front();
    };

    const auto first = std::get<net::Ack>(push(1, label("op-1", "s1", hlc::fromMs(now))));
    CHECK(first.results[0].status == net::OpStatus::Applied);
    CHECK(first.results[0].seq == 1);

    cluster.stopImmediately();
    const auto refused = push(2, label("op-2", "s2", hlc::fromMs(now + 1)));
    REQUIRE(std::holds_alternative<net::ErrorReply>(refused)); // no acknowledgement
    CHECK(std::get<net::ErrorReply>(refused).code == net::ErrorCode::Unavailable);
    CHECK_THAT(std::get<net::ErrorReply>(refused).message, Catch::Contains("database cannot be reached"));
    const auto stillDown = push(3, label("op-2", "s2", hlc::fromMs(now + 1)));
    REQUIRE(std::holds_alternative<net::ErrorReply>(stillDown));
    CHECK(std::get<net::ErrorReply>(stillDown).code == net::ErrorCode::Unavailable);
    // That batch tried to connect and failed: the next one, at once, does not try again yet.
    const auto backingOff = push(4, label("op-2", "s2", hlc::fromMs(now + 1)));
    REQUIRE(std::holds_alternative<net::ErrorReply>(backingOff));
    CHECK(std::get<net::ErrorReply>(backingOff).code == net::ErrorCode::Unavailable);
    CHECK_THAT(std::get<net::ErrorReply>(backingOff).message, Catch::Contains("trying again in"));

    cluster.start();
    // Sent again as a client does, until the server's next attempt to connect (within its
    // longest wait, 8 s) finds the database.
    std::optional<net::Ack> again;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    for (std::int64_t id = 5; !again && std::chrono::steady_clock::now() < deadline; ++id) {
        auto reply = push(id, label("op-2", "s2", hlc::fromMs(now + 1)));
        if (auto* ack = std::get_if<net::Ack>(&reply)) {
            again = *ack;
        } else {
            REQUIRE(std::get<net::ErrorReply>(reply).code == net::ErrorCode::Unavailable);
            std::this_thread::yield();
        }
    }
    REQUIRE(again);
    CHECK(again->results[0].status == net::OpStatus::Applied);
    CHECK(again->results[0].seq == 2);
    const auto repeated = std::get<net::Ack>(push(1000, label("op-1", "s1", hlc::fromMs(now))));
    CHECK(repeated.results[0].status == net::OpStatus::Duplicate);
    CHECK(repeated.results[0].seq == 1);
    CHECK(store.log().count() == 2);
}
