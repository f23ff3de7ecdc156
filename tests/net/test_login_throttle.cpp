// The login throttle and the rate limiter on their own, with the clock in the test's hands.
#include "net/auth/LoginThrottle.hpp"
#include "net/server/RateLimiter.hpp"

#include <catch2/catch.hpp>

using namespace concord::net;
using namespace std::chrono_literals;

TEST_CASE("refusals to one address double and go out one after another", "[throttle]")
{
    LoginThrottle throttle;
    const auto t0 = LoginThrottle::Clock::time_point{} + 1h;
    // Three guesses at the same moment (three connections): answered at 250, 750 and 1750 ms.
    CHECK(throttle.failed("10.0.0.1", "admin", t0) == 250ms);
    CHECK(throttle.failed("10.0.0.1", "admin", t0) == 750ms);
    CHECK(throttle.failed("10.0.0.1", "root", t0) == 1750ms);
    // Another address is not slowed.
    CHECK(throttle.failed("10.0.0.2", "admin", t0) == 250ms);
    // Later, after the queue drained: the fourth failure waits 2 s of its own.
    CHECK(throttle.failed("10.0.0.1", "admin", t0 + 10s) == 2000ms);
}

TEST_CASE("a login forgives only that user's own failures from that address", "[throttle]")
{
    LoginThrottle throttle;
    const auto t0 = LoginThrottle::Clock::time_point{} + 1h;
    for (int i = 0; i < 4; ++i) {
        throttle.failed("10.0.0.1", "admin", t0 + std::chrono::seconds(10 * i));
    }
    throttle.succeeded("10.0.0.1", "alice"); // a guesser logging in as himself
    CHECK(throttle.failed("10.0.0.1", "admin", t0 + 100s) == 4000ms);

    LoginThrottle typo;
    typo.failed("10.0.0.1", "alice", t0);
    typo.failed("10.0.0.1", "alice", t0 + 10s);
    typo.succeeded("10.0.0.1", "alice");
    CHECK(typo.failed("10.0.0.1", "alice", t0 + 20s) == 250ms);
}

TEST_CASE("failures are forgotten after a quiet quarter of an hour, not before", "[throttle]")
{
    LoginThrottle throttle;
    const auto t0 = LoginThrottle::Clock::time_point{} + 1h;
    throttle.failed("10.0.0.1", "admin", t0);
    throttle.failed("10.0.0.1", "admin", t0 + 1s);
    CHECK(throttle.failed("10.0.0.1", "admin", t0 + 14min) == 1000ms);
    CHECK(throttle.failed("10.0.0.1", "admin", t0 + 14min + LoginThrottle::kForgetAfter + 1s) == 250ms);
}

TEST_CASE("the delay per failure stops at its maximum", "[throttle]")
{
    LoginThrottle throttle;
    const auto t0 = LoginThrottle::Clock::time_point{} + 1h;
    std::chrono::milliseconds last{};
    for (int i = 0; i < 40; ++i) {
        last = throttle.failed("10.0.0.1", "admin", t0 + std::chrono::minutes(i));
    }
    CHECK(last == 8000ms);
}

TEST_CASE("the rate limiter allows a minute's burst, then refills evenly", "[rate]")
{
    RateLimiter limiter(120);
    const std::int64_t t0 = 1'000'000;
    CHECK(limiter.take("alice", 100, t0));
    CHECK(limiter.take("alice", 20, t0));
    CHECK_FALSE(limiter.take("alice", 1, t0));
    CHECK(limiter.take("bob", 120, t0));              // his own bucket
    CHECK_FALSE(limiter.take("alice", 3, t0 + 1000)); // 2 back after a second
    CHECK(limiter.take("alice", 2, t0 + 1000));
    // A push larger than the whole allowance passes only with a full bucket, leaving a debt.
    CHECK(limiter.take("carol", 500, t0));
    CHECK_FALSE(limiter.take("carol", 1, t0 + 60'000)); // still paying it off
    CHECK(limiter.take("carol", 1, t0 + 4 * 60'000));
}
