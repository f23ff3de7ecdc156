// A thread that waits for CommitNotices and hands each new head to the server's network thread.
// When the notices' connection breaks (the database restarted), it opens a new one after a
// pause, and says so once through the log; commits missed meanwhile reach clients at their
// next sync, and the next notice carries the latest head anyway.
#pragma once

#include "net/server/CommitNotices.hpp"

#include <boost/asio/io_context.hpp>

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace concord::net {

class NoticeWatcher
{
public:
    using OnHead = std::function<void(std::int64_t head)>;
    using Log = std::function<void(const std::string&)>;

    // `onHead` runs on `io`'s thread. `opened`: the notices opened already (by the server before
    // it listens, so that its first connection to the database is not the one a flood of
    // connections leaves no descriptor for); none: the thread opens them.
    NoticeWatcher(CommitNoticesOpener open, std::unique_ptr<CommitNotices> opened, boost::asio::io_context& io,
                  OnHead onHead, Log log);
    ~NoticeWatcher();
    NoticeWatcher(const NoticeWatcher&) = delete;
    NoticeWatcher& operator=(const NoticeWatcher&) = delete;

    void start();
    void stop();

private:
    void run();
    // Waits `pause` unless stopped first; returns whether to go on.
    bool pause(std::chrono::milliseconds pause);

    CommitNoticesOpener m_open;
    std::unique_ptr<CommitNotices> m_opened; // handed to the thread when it starts
    boost::asio::io_context& m_io;
    OnHead m_onHead;
    Log m_log;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace concord::net
