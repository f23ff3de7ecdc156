// The connection pool: bounded, connections reused, a broken one dropped; while the database is
// down acquire() fails at once as a lost connection (a session answers `unavailable`), and once
// the database is back the pool connects again by itself.
#include "pgstore/Pool.hpp"
#include "tests/support/PgCluster.hpp"

#include <catch2/catch.hpp>

#include <thread>

using namespace concord;
using namespace std::chrono_literals;

TEST_CASE("postgres pool: bounded, reused, and back by itself after the database restarts", "[pgstore]")
{
    test::PgCluster& cluster = test::PgCluster::shared();
    pg::PoolOptions options;
    options.size = 2;
    options.firstDelay = 1ms;
    options.maxDelay = 20ms;
    pg::Pool pool(cluster.freshDatabase(), options);
    {
        auto first = pool.acquire(1s);
        auto second = pool.acquire(1s);
        CHECK(pool.open() == 2);
        CHECK_THROWS_WITH(pool.acquire(0ms), "all 2 connections to the database are in use");
        first->exec("SELECT 1");
    }
    {
        auto reused = pool.acquire(0ms); // an idle one, not a third
        CHECK(pool.open() == 2);
        CHECK(reused->exec("SELECT 40 + 2").integer(0, 0) == 42);
    }

    cluster.stopImmediately();
    {
        auto lease = pool.acquire(0ms);
        try {
            lease->exec("SELECT 1");
            FAIL("a statement ran with the database stopped");
        } catch (const pg::PgError& error) {
            CHECK(error.connectionLost());
            lease.broken();
        }
    }
    CHECK(pool.open() == 1);
    {
        auto other = pool.acquire(0ms); // the idle one: it breaks too
        CHECK_THROWS_AS(other->exec("SELECT 1"), pg::PgError);
        other.broken();
    }
    try {
        pool.acquire(0ms);
        FAIL("connected to a stopped database");
    } catch (const pg::PgError& error) {
        CHECK(error.connectionLost());
    }
    cluster.start();
    // The backoff runs out within 20 ms; the pool then connects on its own.
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (true) {
        try {
            auto back = pool.acquire(0ms);
            CHECK(back->exec("SELECT 1").integer(0, 0) == 1);
            break;
        } catch (const pg::PgError& error) {
            REQUIRE(error.connectionLost());
            REQUIRE(std::chrono::steady_clock::now() < deadline);
            std::this_thread::yield();
        }
    }
}
