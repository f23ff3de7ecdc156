// Assignment through the Handler: overlap k, reservations that lapse, never more than k.
#include "tests/net/HandlerFixture.hpp"

#include <map>
#include <set>

using namespace concord;
using namespace concord::net;
using test::HandlerFixture;

namespace {

Assignment next(HandlerFixture& fixture, const Identity& who, int count)
{
    return HandlerFixture::only<Assignment>(fixture.send(who, NextRequest{1, count}));
}

} // namespace

TEST_CASE("assignment: each sample goes to k distinct annotators and no more", "[handler][assignment][stores]")
{
    HandlerFixture fixture(false, 2, 6);
    const Identity alice = fixture.login("alice");
    const Identity bob = fixture.login("bob");
    const Identity rita = fixture.login("rita");

    const auto a = next(fixture, alice, 4);
    const auto b = next(fixture, bob, 4);
    const auto r = next(fixture, rita, 4);
    CHECK(a.samples == std::vector<std::string>{"s1", "s2", "s3", "s4"});
    CHECK(b.samples == std::vector<std::string>{"s1", "s2", "s3", "s4"});
    // s1-s4 hold two reservations each: rita gets the rest.
    CHECK(r.samples == std::vector<std::string>{"s5", "s6"});
    CHECK(a.expiresAt == fixture.clockMs + 30 * 60 * 1000);

    // Asking again returns what one holds (and renews it), not more.
    CHECK(next(fixture, alice, 4).samples == a.samples);

    // Labeling releases the reservation and the label counts instead.
    fixture.push(alice, {HandlerFixture::annotation("a1", "s1", "alice", "pos", fixture.stamp())});
    CHECK(next(fixture, alice, 4).samples == std::vector<std::string>{"s2", "s3", "s4", "s5"});
    // s1: alice labeled, bob holds; s5: rita and alice hold; s6: rita holds. Nothing for adam but s6.
    const Identity adam = fixture.login("adam");
    const auto d = next(fixture, adam, 4);
    CHECK(d.samples == std::vector<std::string>{"s6"});
}

TEST_CASE("assignment: a lapsed reservation is handed out again", "[handler][assignment][stores]")
{
    HandlerFixture fixture(false, 1, 2);
    const Identity alice = fixture.login("alice");
    const Identity bob = fixture.login("bob");
    CHECK(next(fixture, alice, 2).samples.size() == 2);
    const auto none = next(fixture, bob, 2);
    CHECK(none.samples.empty());
    CHECK(none.waiting == 2);

    fixture.clockMs += 31 * 60 * 1000; // alice went home
    CHECK(next(fixture, bob, 2).samples == std::vector<std::string>{"s1", "s2"});
    CHECK(next(fixture, alice, 2).samples.empty());
}

TEST_CASE("assignment: annotators do not run out while samples need labels", "[handler][assignment]")
{
    HandlerFixture fixture(false, 3, 12);
    std::vector<Identity> people = {fixture.login("alice"), fixture.login("bob"), fixture.login("rita"),
                                    fixture.login("adam")};
    std::map<std::string, std::set<std::string>> labelers;
    int op = 0;
    for (int round = 0; round < 40; ++round) {
        bool anyone = false;
        for (const auto& who : people) {
            for (const auto& sample : next(fixture, who, 2).samples) {
                CHECK(labelers[sample].insert(who.user).second);
                ++op;
                fixture.push(who, {HandlerFixture::annotation("op" + std::to_string(op), sample, who.user, "pos",
                                                              fixture.stamp(op))});
                anyone = true;
            }
        }
        if (!anyone) {
            break;
        }
    }
    REQUIRE(labelers.size() == 12);
    for (const auto& [sample, who] : labelers) {
        CHECK(who.size() == 3);
    }
    CHECK(fixture.file().reservations().count() == 0);
}
