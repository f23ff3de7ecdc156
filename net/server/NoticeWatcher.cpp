#include "net/server/NoticeWatcher.hpp"

#include <boost/asio/post.hpp>

namespace concord::net {

namespace {

// How long one wait lasts before the thread looks whether it should stop; how long it waits
// before opening the notices again after their connection broke.
constexpr std::chrono::milliseconds kWaitSlice{250};
constexpr std::chrono::milliseconds kReopenPause{1000};

} // namespace

NoticeWatcher::NoticeWatcher(CommitNoticesOpener open, std::unique_ptr<CommitNotices> opened,
                             boost::asio::io_context& io, OnHead onHead, Log log)
    : m_open(std::move(open)), m_opened(std::move(opened)), m_io(io), m_onHead(std::move(onHead)), m_log(std::move(log))
{}

NoticeWatcher::~NoticeWatcher()
{
    stop();
}

void NoticeWatcher::start()
{
    m_thread = std::thread([this] { run(); });
}

void NoticeWatcher::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

bool NoticeWatcher::pause(std::chrono::milliseconds pause)
{
    std::unique_lock lock(m_mutex);
    return !m_wake.wait_for(lock, pause, [this] { return m_stopping; });
}

void NoticeWatcher::run()
{
    std::unique_ptr<CommitNotices> notices = std::move(m_opened);
    bool reported = false;
    while (pause(std::chrono::milliseconds(0))) {
        try {
            if (!notices) {
                notices = m_open();
                reported = false;
            }
            if (const auto head = notices->wait(kWaitSlice)) {
                boost::asio::post(m_io, [this, head = *head] { m_onHead(head); });
            }
        } catch (const std::exception& error) {
            notices.reset();
            if (!reported && m_log) {
                m_log(std::string("notices of other servers' commits interrupted (") + error.what() +
                      "); listening again once the database answers");
                reported = true;
            }
            if (!pause(kReopenPause)) {
                return;
            }
        }
    }
}

} // namespace concord::net
