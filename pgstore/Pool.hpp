// A bounded pool of connections to one PostgreSQL store, shared by a server's threads. A lease
// returns its connection when it ends, or drops it when the caller saw it break (the database
// restarted, the network failed). When no connection can be made the pool backs off: until the
// next attempt is due, acquire() fails at once with a lost-connection PgError, so that sessions
// answer `unavailable` quickly instead of queueing behind a database that is down.
#pragma once

#include "pgstore/Connection.hpp"

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace concord::pg {

struct PoolOptions
{
    std::size_t size = 8;
    std::chrono::milliseconds firstDelay{100}; // the backoff after the first failed connection
    std::chrono::milliseconds maxDelay{5000};  // doubled on each failure up to this
    const char* purpose = "concord";           // the connections' application_name
};

class Pool
{
public:
    class Lease
    {
    public:
        Lease(Pool& pool, std::unique_ptr<Connection> connection);
        ~Lease();
        Lease(Lease&& other) noexcept;
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Lease& operator=(Lease&&) = delete;

        Connection& operator*() const { return *m_connection; }
        Connection* operator->() const { return m_connection.get(); }
        // The connection broke (a PgError with connectionLost()): it is not given back.
        void broken() { m_broken = true; }

    private:
        Pool* m_pool;
        std::unique_ptr<Connection> m_connection;
        bool m_broken = false;
    };

    Pool(std::string conninfo, PoolOptions options);

    // A connection within `wait`: an idle one, else a new one while fewer than `size` exist.
    // Throws PgError: connectionLost() when the database cannot be reached (or the backoff has
    // not run out since it last could not), otherwise when every connection stayed in use.
    Lease acquire(std::chrono::milliseconds wait);
    std::size_t open() const; // connections that exist, idle or leased

private:
    void giveBack(std::unique_ptr<Connection> connection, bool broken);

    const std::string m_conninfo;
    const PoolOptions m_options;
    mutable std::mutex m_mutex;
    std::condition_variable m_returned;
    std::vector<std::unique_ptr<Connection>> m_idle;
    std::size_t m_open = 0;
    std::chrono::milliseconds m_delay{0};
    std::chrono::steady_clock::time_point m_retryAt{};
};

} // namespace concord::pg
