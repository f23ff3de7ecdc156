#include "net/server/CommitQueue.hpp"

#include <boost/asio/post.hpp>

#include <algorithm>

namespace concord::net {

CommitQueue::CommitQueue(Handler& handler, boost::asio::io_context& io, CommitListener onCommitted)
    : m_handler(handler), m_io(io), m_onCommitted(std::move(onCommitted))
{}

CommitQueue::~CommitQueue()
{
    stop();
}

void CommitQueue::start()
{
    m_thread = std::thread([this] { run(); });
}

void CommitQueue::submit(HandlerJob job, Completion completion)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping) {
            return;
        }
        m_queue.push_back(Entry{std::move(job), std::move(completion)});
    }
    m_wake.notify_one();
}

void CommitQueue::noteCommitElsewhere(std::int64_t head)
{
    {
        std::lock_guard lock(m_mutex);
        m_headElsewhere = std::max(m_headElsewhere, head);
    }
    m_wake.notify_one();
}

void CommitQueue::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_queue.clear();
    }
    m_wake.notify_one();
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

void CommitQueue::run()
{
    for (;;) {
        std::vector<Entry> batch;
        std::int64_t headElsewhere = 0;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty() || m_headElsewhere > 0; });
            if (m_stopping) {
                return;
            }
            const std::size_t most = m_handler.maxJobsPerBatch();
            while (!m_queue.empty() && batch.size() < most) {
                batch.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
            }
            std::swap(headElsewhere, m_headElsewhere);
        }
        bool changed = false;
        if (!batch.empty()) {
            std::vector<HandlerJob> jobs;
            jobs.reserve(batch.size());
            for (auto& entry : batch) {
                jobs.push_back(std::move(entry.job));
            }
            auto results = m_handler.handleBatch(jobs);
            for (std::size_t i = 0; i < batch.size(); ++i) {
                changed = changed || results[i].changed;
                boost::asio::post(m_io, [completion = std::move(batch[i].completion),
                                         result = std::move(results[i])]() mutable { completion(std::move(result)); });
            }
        }
        if ((changed || headElsewhere > 0) && m_onCommitted) {
            std::int64_t head = headElsewhere;
            std::set<std::string> revoked;
            try {
                head = std::max(head, m_handler.head());
                revoked = m_handler.revokedUsers();
            } catch (const std::exception&) {
                revoked = m_revoked; // unreadable now: every session still checks at its next message
            }
            std::set<std::string> news;
            if (revoked != m_revoked) {
                m_revoked = revoked;
                news = std::move(revoked);
            }
            boost::asio::post(m_io, [this, head, news = std::move(news)] { m_onCommitted(head, news); });
        }
    }
}

} // namespace concord::net
