// One thread working through a bounded queue of jobs in order, for work that must stay off the
// network thread (checking a token's hash, opening a project). Strangers can fill the queue, so
// it is bounded; the owner answers a job refused as full itself (busy).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace concord::net {

template <typename Job> class BoundedWorker
{
public:
    enum class Queued
    {
        Yes,
        Full,
        Stopped
    };

    explicit BoundedWorker(std::size_t maxWaiting) : m_maxWaiting(maxWaiting) {}
    ~BoundedWorker() { stop(); }
    BoundedWorker(const BoundedWorker&) = delete;
    BoundedWorker& operator=(const BoundedWorker&) = delete;

    // `work` runs on the worker's thread, one job at a time.
    void start(std::function<void(Job&)> work)
    {
        m_thread = std::thread([this, work = std::move(work)] { run(work); });
    }

    // Drops the jobs waiting and joins the thread (after the job in hand).
    void stop()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
            m_jobs.clear();
        }
        m_wake.notify_one();
        if (m_thread.joinable()) {
            m_thread.join();
        }
    }

    // Any thread. The job is moved from only when queued.
    Queued push(Job&& job)
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping) {
            return Queued::Stopped;
        }
        if (m_jobs.size() >= m_maxWaiting) {
            return Queued::Full;
        }
        m_jobs.push_back(std::move(job));
        m_wake.notify_one();
        return Queued::Yes;
    }

private:
    void run(const std::function<void(Job&)>& work)
    {
        for (;;) {
            Job job;
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
                if (m_stopping) {
                    return;
                }
                job = std::move(m_jobs.front());
                m_jobs.pop_front();
            }
            work(job);
        }
    }

    const std::size_t m_maxWaiting;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_jobs;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace concord::net
