// Push through the Handler: sequence numbers, idempotency, roles, validation and conflicts.
#include "tests/net/HandlerFixture.hpp"

using namespace concord;
using namespace concord::net;
using test::HandlerFixture;

TEST_CASE("handler: accepted operations take consecutive sequence numbers and repeats are duplicates",
          "[handler][stores]")
{
    HandlerFixture fixture;
    const Identity alice = fixture.login("alice");
    const auto first =
        fixture.push(alice, {HandlerFixture::annotation("op-1", "s1", "alice", "pos", fixture.stamp()),
                             HandlerFixture::annotation("op-2", "s2", "alice", "neg", fixture.stamp(1))});
    REQUIRE(first.results.size() == 2);
    CHECK(first.results[0].status == OpStatus::Applied);
    CHECK(first.results[0].seq == 1);
    CHECK(first.results[1].seq == 2);
    CHECK(first.head == 2);
    CHECK(fixture.row("s1", "alice")->seq == 1);
    CHECK(fixture.row("s1", "alice")->value == R"({"labels":["pos"]})");

    // The acknowledgement was lost; the client sends the same operations again.
    const auto again =
        fixture.push(alice, {HandlerFixture::annotation("op-1", "s1", "alice", "pos", fixture.stamp()),
                             HandlerFixture::annotation("op-2", "s2", "alice", "neg", fixture.stamp(1))});
    CHECK(again.results[0].status == OpStatus::Duplicate);
    CHECK(again.results[0].seq == 1);
    CHECK(again.results[1].status == OpStatus::Duplicate);
    CHECK(again.results[1].seq == 2);
    CHECK(again.head == 2);
    CHECK(fixture.server->log().count() == 2);

    // Operation ids are the sender's own: another user's "op-1" is a different operation.
    const Identity bob = fixture.login("bob");
    const auto bobs = fixture.push(bob, {HandlerFixture::annotation("op-1", "s1", "bob", "neg", fixture.stamp())});
    CHECK(bobs.results[0].status == OpStatus::Applied);
    CHECK(bobs.results[0].seq == 3);
}

TEST_CASE("handler: the operations of one push see each other, in order", "[handler][stores]")
{
    // On PostgreSQL a push's log entries and answers are read ahead in one query each
    // (PgServerStore::readAhead); each operation must still see the ones before it.
    HandlerFixture fixture;
    const Identity alice = fixture.login("alice");
    fixture.push(alice, {HandlerFixture::annotation("before", "s2", "alice", "neg", fixture.stamp(50))});
    const auto ack =
        fixture.push(alice, {
                                HandlerFixture::annotation("op-1", "s1", "alice", "pos", fixture.stamp()),
                                HandlerFixture::annotation("op-1", "s1", "alice", "pos", fixture.stamp()),
                                HandlerFixture::annotation("op-2", "s1", "alice", "neg", fixture.stamp(20)),
                                HandlerFixture::annotation("op-3", "s1", "alice", "pos", fixture.stamp(10)),
                                HandlerFixture::annotation("op-4", "s2", "alice", "pos", fixture.stamp(30)),
                                HandlerFixture::annotation("op-5", "nope", "alice", "pos", fixture.stamp()),
                                HandlerFixture::annotation("op-6", "s3", "alice", "pos", fixture.stamp()),
                                HandlerFixture::annotation("before", "s2", "alice", "neg", fixture.stamp(50)),
                            });
    REQUIRE(ack.results.size() == 8);
    CHECK(ack.results[0].status == OpStatus::Applied);
    CHECK(ack.results[0].seq == 2);
    // The same operation again in the same push: a duplicate of the one just applied.
    CHECK(ack.results[1].status == OpStatus::Duplicate);
    CHECK(ack.results[1].seq == 2);
    // op-2 is later than op-1, written in the same push; op-3 is earlier than op-2.
    CHECK(ack.results[2].status == OpStatus::Applied);
    CHECK_FALSE(ack.results[2].superseded);
    CHECK(ack.results[3].status == OpStatus::Applied);
    CHECK(ack.results[3].superseded);
    CHECK(fixture.row("s1", "alice")->value == R"({"labels":["neg"]})");
    CHECK(fixture.row("s1", "alice")->seq == 3);
    // op-4 is earlier than the answer stored before the push.
    CHECK(ack.results[4].superseded);
    CHECK(fixture.row("s2", "alice")->value == R"({"labels":["neg"]})");
    CHECK(ack.results[5].code == ErrorCode::UnknownSample);
    CHECK(ack.results[6].status == OpStatus::Applied);
    CHECK(ack.results[6].seq == 6);
    // An operation of an earlier push, sent again.
    CHECK(ack.results[7].status == OpStatus::Duplicate);
    CHECK(ack.results[7].seq == 1);
    CHECK(ack.head == 6);
    CHECK(fixture.server->log().count() == 6);
}

TEST_CASE("handler: roles decide who writes which row", "[handler][stores]")
{
    HandlerFixture fixture;
    const Identity alice = fixture.login("alice");
    const Identity bob = fixture.login("bob");
    const Identity rita = fixture.login("rita");
    const Identity adam = fixture.login("adam");
    fixture.push(bob, {HandlerFixture::annotation("b1", "s1", "bob", "neg", fixture.stamp())});

    SECTION("an annotator never writes another annotator's row")
    {
        const auto ack = fixture.push(alice, {HandlerFixture::annotation("a1", "s1", "bob", "pos", fixture.stamp(5))});
        CHECK(ack.results[0].status == OpStatus::Rejected);
        CHECK(ack.results[0].code == ErrorCode::Forbidden);
        CHECK_THAT(ack.results[0].reason, Catch::Contains("may not write bob's annotations"));
        // Not blind: the refusal carries bob's row so that the replica can restore it.
        REQUIRE(ack.results[0].current.has_value());
        CHECK((*ack.results[0].current)["annotator"] == "bob");
        CHECK(fixture.row("s1", "bob")->value == R"({"labels":["neg"]})");
    }
    SECTION("an annotator never resolves, a reviewer does")
    {
        const auto refused = fixture.push(alice, {HandlerFixture::resolution("a2", "s1", "pos", fixture.stamp())});
        CHECK(refused.results[0].code == ErrorCode::Forbidden);
        CHECK(refused.results[0].current == nlohmann::json(nullptr));
        CHECK_FALSE(fixture.resolution("s1").has_value());

        const auto accepted = fixture.push(rita, {HandlerFixture::resolution("r1", "s1", "pos", fixture.stamp())});
        CHECK(accepted.results[0].status == OpStatus::Applied);
        const auto gold = fixture.resolution("s1");
        REQUIRE(gold.has_value());
        CHECK(gold->author == "rita");
        CHECK(gold->note == "checked");
    }
    SECTION("a reviewer writes their own annotations but not others'; an admin writes any")
    {
        CHECK(fixture.push(rita, {HandlerFixture::annotation("r2", "s2", "rita", "pos", fixture.stamp())})
                  .results[0]
                  .status == OpStatus::Applied);
        CHECK(fixture.push(rita, {HandlerFixture::annotation("r3", "s1", "bob", "pos", fixture.stamp(9))})
                  .results[0]
                  .code == ErrorCode::Forbidden);
        CHECK(fixture.push(adam, {HandlerFixture::annotation("d1", "s1", "bob", "pos", fixture.stamp(9))})
                  .results[0]
                  .status == OpStatus::Applied);
        CHECK(fixture.row("s1", "bob")->value == R"({"labels":["pos"]})");
    }
    // Refused operations take no sequence number.
    CHECK(fixture.server->log().head() <= 3);
}

TEST_CASE("handler: unknown samples, invalid values and far-future stamps are refused", "[handler][stores]")
{
    HandlerFixture fixture;
    const Identity alice = fixture.login("alice");
    auto invalid = HandlerFixture::annotation("x2", "s1", "alice", "maybe", fixture.stamp());
    auto future = HandlerFixture::annotation("x3", "s1", "alice", "pos", fixture.stamp(kMaxClockSkewMs + 60'000));
    const auto ack =
        fixture.push(alice, {HandlerFixture::annotation("x1", "nope", "alice", "pos", fixture.stamp()), invalid, future,
                             HandlerFixture::annotation("x4", "s1", "alice", "pos", fixture.stamp())});
    CHECK(ack.results[0].code == ErrorCode::UnknownSample);
    CHECK(ack.results[1].code == ErrorCode::InvalidValue);
    CHECK_THAT(ack.results[1].reason, Catch::Contains("maybe"));
    CHECK(ack.results[2].code == ErrorCode::ClockSkew);
    CHECK(ack.results[3].status == OpStatus::Applied);
    CHECK(ack.results[3].seq == 1);
    // A refusal of one's own row carries the current row (here none yet, then the accepted one).
    CHECK(ack.results[1].current == nlohmann::json(nullptr));
    // An operation refused once is refused again: it was never logged.
    CHECK(fixture.push(alice, {invalid}).results[0].code == ErrorCode::InvalidValue);
}

TEST_CASE("handler: between two devices of one person the later clock wins, and the earlier stays in history",
          "[handler]")
{
    HandlerFixture fixture;
    const Identity laptop = fixture.login("alice", "laptop");
    const Identity desktop = fixture.login("alice", "desktop");

    SECTION("the later edit arrives first")
    {
        const auto later = fixture.push(
            desktop, {HandlerFixture::annotation("d1", "s1", "alice", "neg", fixture.stamp(100), "desktop")});
        const auto earlier =
            fixture.push(laptop, {HandlerFixture::annotation("l1", "s1", "alice", "pos", fixture.stamp(50), "laptop")});
        CHECK(later.results[0].status == OpStatus::Applied);
        CHECK_FALSE(later.results[0].superseded);
        CHECK(earlier.results[0].status == OpStatus::Applied);
        CHECK(earlier.results[0].superseded);
        CHECK(fixture.row("s1", "alice")->value == R"({"labels":["neg"]})");
        CHECK(fixture.row("s1", "alice")->seq == 1);
        const auto key = *fixture.file().project().samples().keyOf("s1");
        const auto history = fixture.file().project().annotations().history(key, "alice");
        REQUIRE(history.size() == 2);
        CHECK(history[1] == R"({"labels":["pos"]})");
        // A repeat of the superseded operation is still reported as such.
        const auto repeat =
            fixture.push(laptop, {HandlerFixture::annotation("l1", "s1", "alice", "pos", fixture.stamp(50), "laptop")});
        CHECK(repeat.results[0].status == OpStatus::Duplicate);
        CHECK(repeat.results[0].superseded);
    }
    SECTION("the later edit arrives last")
    {
        fixture.push(laptop, {HandlerFixture::annotation("l1", "s1", "alice", "pos", fixture.stamp(50), "laptop")});
        fixture.push(desktop, {HandlerFixture::annotation("d1", "s1", "alice", "neg", fixture.stamp(100), "desktop")});
        CHECK(fixture.row("s1", "alice")->value == R"({"labels":["neg"]})");
        CHECK(fixture.row("s1", "alice")->stamp.client == "desktop");
        CHECK(fixture.row("s1", "alice")->seq == 2);
    }
    SECTION("equal clocks: the greater client id wins, whatever the order")
    {
        fixture.push(desktop, {HandlerFixture::annotation("d1", "s1", "alice", "neg", fixture.stamp(100), "desktop")});
        const auto tie = fixture.push(
            laptop, {HandlerFixture::annotation("l1", "s1", "alice", "pos", fixture.stamp(100), "laptop")});
        CHECK_FALSE(tie.results[0].superseded); // "laptop" > "desktop"
        CHECK(fixture.row("s1", "alice")->value == R"({"labels":["pos"]})");
    }
    SECTION("resolutions by two reviewers follow the same rule")
    {
        const Identity rita = fixture.login("rita", "r-laptop");
        fixture.push(rita, {HandlerFixture::resolution("r1", "s1", "neg", fixture.stamp(10), "r-laptop")});
        const auto older = fixture.push(rita, {HandlerFixture::resolution("r0", "s1", "pos", fixture.stamp(5), "r-b")});
        CHECK(older.results[0].superseded);
        CHECK(fixture.file().project().resolutions().get(1)->value == R"({"labels":["neg"]})");
        CHECK(fixture.file().project().resolutions().history(1).size() == 2);
    }
}

TEST_CASE("handler: a batch is committed together and each job answered on its own", "[handler][stores]")
{
    HandlerFixture fixture;
    const Identity alice = fixture.login("alice");
    const Identity bob = fixture.login("bob");
    const auto results = fixture.handler->handleBatch({
        {alice, Push{1, {HandlerFixture::annotation("a", "s1", "alice", "pos", fixture.stamp())}}, std::nullopt},
        {bob, Push{2, {HandlerFixture::annotation("b", "s1", "bob", "neg", fixture.stamp())}}, std::nullopt},
        {bob, Pull{3, 0, 10}, std::nullopt},
    });
    REQUIRE(results.size() == 3);
    CHECK(HandlerFixture::only<Ack>(results[0]).results[0].seq == 1);
    CHECK(HandlerFixture::only<Ack>(results[1]).results[0].seq == 2);
    CHECK(results[0].changed);
    // A read in the same batch sees the writes before it.
    CHECK(HandlerFixture::only<Changes>(results[2]).annotations.size() == 2);
    CHECK_FALSE(results[2].changed);
}

TEST_CASE("handler: rows edited on the server's file outside sync are given sequence numbers", "[handler]")
{
    HandlerFixture fixture;
    fixture.file().project().annotate("s3", "uci", nlohmann::json{{"labels", {"pos"}}});
    fixture.file().project().resolve("s3", "lead", nlohmann::json{{"labels", {"pos"}}}, "imported");
    CHECK(fixture.row("s3", "uci")->seq == 0);
    fixture.open();
    CHECK(fixture.row("s3", "uci")->seq == 1);
    CHECK(fixture.file().project().resolutions().find(3)->seq == 2);
    CHECK(fixture.server->log().head() == 2);
    const Identity rita = fixture.login("rita");
    const auto changes = HandlerFixture::only<Changes>(fixture.send(rita, Pull{1, 0, 10}));
    CHECK(changes.annotations.size() == 1);
    CHECK(changes.resolutions.size() == 1);
}
