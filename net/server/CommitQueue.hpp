// The server's database thread and its group commit. Sessions submit decoded requests from the
// network thread; this thread takes everything queued, handles it in one transaction, commits
// (one fsync for the lot), and only then posts each reply back to its session. While one
// commit is on its way to disk the next requests gather, so the batch grows with the load.
// SQLite is touched by this thread alone.
#pragma once

#include "net/server/Handler.hpp"

#include <boost/asio/io_context.hpp>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <thread>

namespace concord::net {

class CommitQueue
{
public:
    using Completion = std::function<void(HandlerResult)>;
    // `revoked`: the users whose tokens were revoked, when that set changed since the last call
    // (empty otherwise), so that their sessions close before any notice goes out.
    using CommitListener = std::function<void(std::int64_t head, const std::set<std::string>& revoked)>;

    // Completions and the listener run on `io`'s thread. The listener hears of every commit
    // that moved the head, after the completions of its batch.
    CommitQueue(Handler& handler, boost::asio::io_context& io, CommitListener onCommitted);
    ~CommitQueue();
    CommitQueue(const CommitQueue&) = delete;
    CommitQueue& operator=(const CommitQueue&) = delete;

    void start();
    // Any thread. Dropped silently once stopping (the session is closing anyway).
    void submit(HandlerJob job, Completion completion);
    // Finishes the batch in hand, drops the rest and joins the thread.
    void stop();
    // Any thread. Another server of the same store committed up to `head`: told to the listener
    // from the database thread, after this queue's own batch in hand and with the revocations
    // read, as its own commits are, so that a revoked session is closed before the notice.
    void noteCommitElsewhere(std::int64_t head);

private:
    struct Entry
    {
        HandlerJob job;
        Completion completion;
    };
    void run();

    Handler& m_handler;
    boost::asio::io_context& m_io;
    CommitListener m_onCommitted;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Entry> m_queue;
    bool m_stopping = false;
    std::int64_t m_headElsewhere = 0; // from noteCommitElsewhere, not told yet (0: none)
    std::set<std::string> m_revoked;  // as last told to the listener (database thread)
    std::thread m_thread;
};

} // namespace concord::net
