// Pull and samples through the Handler: paging after a cursor, and blind mode.
#include "tests/net/HandlerFixture.hpp"

#include <set>

using namespace concord;
using namespace concord::net;
using test::HandlerFixture;

namespace {

void labelAll(HandlerFixture& fixture, const Identity& who, int samples)
{
    std::vector<Operation> ops;
    for (int i = 1; i <= samples; ++i) {
        ops.push_back(HandlerFixture::annotation(who.user + std::to_string(i), "s" + std::to_string(i), who.user,
                                                 i % 2 == 0 ? "pos" : "neg", fixture.stamp(i)));
    }
    fixture.push(who, ops);
}

} // namespace

TEST_CASE("handler: pull pages through every change after the cursor", "[handler][stores]")
{
    HandlerFixture fixture;
    const Identity alice = fixture.login("alice");
    const Identity bob = fixture.login("bob");
    const Identity rita = fixture.login("rita");
    labelAll(fixture, alice, 10);
    labelAll(fixture, bob, 10);
    fixture.push(rita, {HandlerFixture::resolution("g1", "s4", "pos", fixture.stamp())});
    // alice changes her mind on s1: the row moves to the end of the feed.
    fixture.push(alice, {HandlerFixture::annotation("again", "s1", "alice", "pos", fixture.stamp(50))});
    REQUIRE(fixture.server->log().head() == 22);

    std::int64_t cursor = 0;
    std::vector<std::int64_t> seqs;
    int pages = 0;
    for (bool more = true; more && pages < 20; ++pages) {
        const auto page = HandlerFixture::only<Changes>(fixture.send(bob, Pull{pages, cursor, 6}));
        CHECK(page.annotations.size() + page.resolutions.size() <= 6);
        // Every row of a page lies after the cursor and at most at the page's next cursor.
        for (const auto& row : page.annotations) {
            seqs.push_back(row.seq);
            CHECK((row.seq > cursor && row.seq <= page.next));
        }
        for (const auto& row : page.resolutions) {
            seqs.push_back(row.seq);
            CHECK((row.seq > cursor && row.seq <= page.next));
        }
        CHECK(page.next > cursor);
        cursor = page.next;
        more = page.more;
        CHECK(page.head == 22);
    }
    CHECK(pages == 4);
    CHECK(cursor == 22);
    // Each row once, at its latest change: seq 1 (alice's first s1) was replaced by seq 22.
    const std::set<std::int64_t> unique(seqs.begin(), seqs.end());
    CHECK(seqs.size() == 21);
    CHECK(unique.size() == 21);
    CHECK(unique.count(1) == 0);
    CHECK(*unique.rbegin() == 22);

    const auto nothing = HandlerFixture::only<Changes>(fixture.send(bob, Pull{9, cursor, 6}));
    CHECK(nothing.annotations.empty());
    CHECK_FALSE(nothing.more);
    CHECK(nothing.next == 22);
}

TEST_CASE("handler: in blind mode an annotator receives only their own labels", "[handler][stores]")
{
    HandlerFixture fixture(true);
    const Identity alice = fixture.login("alice");
    const Identity bob = fixture.login("bob");
    const Identity rita = fixture.login("rita");
    labelAll(fixture, alice, 3);
    labelAll(fixture, bob, 3);
    fixture.push(rita, {HandlerFixture::resolution("g1", "s1", "pos", fixture.stamp())});

    const auto alices = HandlerFixture::only<Changes>(fixture.send(alice, Pull{1, 0, 100}));
    REQUIRE(alices.annotations.size() == 3);
    for (const auto& row : alices.annotations) {
        CHECK(row.annotator == "alice");
    }
    CHECK(alices.resolutions.empty());
    // Her cursor still moves past what she may not see.
    CHECK(alices.next == 7);
    CHECK_FALSE(alices.more);

    // Paging with small pages never leaks either.
    std::int64_t cursor = 0;
    for (int i = 0; i < 10; ++i) {
        const auto page = HandlerFixture::only<Changes>(fixture.send(bob, Pull{i, cursor, 1}));
        for (const auto& row : page.annotations) {
            CHECK(row.annotator == "bob");
        }
        CHECK(page.resolutions.empty());
        cursor = page.next;
        if (!page.more) {
            break;
        }
    }
    CHECK(cursor == 7);

    // Trying to write bob's row gives no glimpse of it either.
    const auto refused = fixture.push(alice, {HandlerFixture::annotation("peek", "s1", "bob", "pos", fixture.stamp())});
    CHECK(refused.results[0].code == ErrorCode::Forbidden);
    CHECK_FALSE(refused.results[0].current.has_value());
    const auto gold = fixture.push(alice, {HandlerFixture::resolution("peek2", "s1", "neg", fixture.stamp())});
    CHECK_FALSE(gold.results[0].current.has_value());

    // The reviewer sees everything.
    const auto ritas = HandlerFixture::only<Changes>(fixture.send(rita, Pull{2, 0, 100}));
    CHECK(ritas.annotations.size() == 6);
    CHECK(ritas.resolutions.size() == 1);
}

TEST_CASE("handler: samples come in pages in key order", "[handler][stores]")
{
    HandlerFixture fixture(false, 1, 25);
    const Identity alice = fixture.login("alice");
    std::vector<std::string> ids;
    std::int64_t after = 0;
    for (int i = 0; i < 10; ++i) {
        const auto page = HandlerFixture::only<SamplePage>(fixture.send(alice, SamplesRequest{i, after, 10}));
        for (const auto& sample : page.samples) {
            ids.push_back(sample.id);
            CHECK(sample.meta == "{}");
        }
        after = page.next;
        if (!page.more) {
            break;
        }
    }
    REQUIRE(ids.size() == 25);
    CHECK(ids.front() == "s1");
    CHECK(ids.back() == "s25");
}
