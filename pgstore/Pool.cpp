#include "pgstore/Pool.hpp"

#include <algorithm>

namespace concord::pg {

Pool::Lease::Lease(Pool& pool, std::unique_ptr<Connection> connection)
    : m_pool(&pool), m_connection(std::move(connection))
{}

Pool::Lease::Lease(Lease&& other) noexcept
    : m_pool(other.m_pool), m_connection(std::move(other.m_connection)), m_broken(other.m_broken)
{}

Pool::Lease::~Lease()
{
    if (m_connection) {
        const bool broken = m_broken || !m_connection->isOpen(); // before the move below
        m_pool->giveBack(std::move(m_connection), broken);
    }
}

Pool::Pool(std::string conninfo, PoolOptions options) : m_conninfo(std::move(conninfo)), m_options(options) {}

std::size_t Pool::open() const
{
    const std::lock_guard lock(m_mutex);
    return m_open;
}

Pool::Lease Pool::acquire(std::chrono::milliseconds wait)
{
    std::unique_lock lock(m_mutex);
    const auto deadline = std::chrono::steady_clock::now() + wait;
    while (m_idle.empty() && m_open >= m_options.size) {
        if (m_returned.wait_until(lock, deadline) == std::cv_status::timeout && m_idle.empty() &&
            m_open >= m_options.size) {
            throw PgError("all " + std::to_string(m_options.size) + " connections to the database are in use", "");
        }
    }
    if (!m_idle.empty()) {
        std::unique_ptr<Connection> connection = std::move(m_idle.back());
        m_idle.pop_back();
        return Lease(*this, std::move(connection));
    }
    const auto now = std::chrono::steady_clock::now();
    if (now < m_retryAt) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(m_retryAt - now).count();
        throw PgError("the database is unavailable; trying it again in " + std::to_string(left) + " ms", "08006");
    }
    ++m_open; // reserved while connecting, outside the lock
    lock.unlock();
    try {
        auto connection = std::make_unique<Connection>(m_conninfo, m_options.purpose);
        lock.lock();
        m_delay = std::chrono::milliseconds(0);
        return Lease(*this, std::move(connection));
    } catch (const PgError&) {
        lock.lock();
        --m_open;
        m_delay = std::min(m_options.maxDelay, m_delay.count() == 0 ? m_options.firstDelay : m_delay * 2);
        m_retryAt = std::chrono::steady_clock::now() + m_delay;
        throw;
    }
}

void Pool::giveBack(std::unique_ptr<Connection> connection, bool broken)
{
    {
        const std::lock_guard lock(m_mutex);
        if (broken) {
            --m_open; // dropped: the next acquire connects anew
        } else {
            m_idle.push_back(std::move(connection));
        }
    }
    m_returned.notify_one();
}

} // namespace concord::pg
