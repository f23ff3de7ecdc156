#include "net/server/ProjectHost.hpp"

#include "net/server/SessionManager.hpp"

namespace concord::net {

void openNoticesNow(ProjectSource& source, const std::function<void(const std::string&)>& log)
{
    if (!source.openNotices) {
        return;
    }
    try {
        source.notices = source.openNotices();
    } catch (const std::exception& error) {
        if (log) {
            log(std::string("notices of other servers' commits not opened yet (") + error.what() +
                "); listening once the database answers");
        }
    }
}

ProjectHost::ProjectHost(ProjectSource source, boost::asio::io_context& io, const HandlerOptions& options,
                         SessionManager& sessions, Log log)
    : m_io(io), m_store(std::move(source.store)), m_id(m_store->id()), m_name(m_store->info().name),
      m_sessions(sessions), m_log(std::move(log)), m_handler(*m_store, options),
      m_queue(m_handler, io,
              [this](std::int64_t head, const std::set<std::string>& revoked) { announce(head, revoked); }),
      m_verifier(std::move(source.openLoginCheck), io), m_openNotices(std::move(source.openNotices)),
      m_openedNotices(std::move(source.notices)), m_noticeTimer(io)
{}

ProjectHost::~ProjectHost()
{
    if (m_notices) {
        m_notices->stop();
    }
    m_verifier.stop();
    m_queue.stop();
}

void ProjectHost::start()
{
    m_queue.start();
    m_verifier.start();
    if (m_openNotices) {
        m_notices = std::make_unique<NoticeWatcher>(
            m_openNotices, std::move(m_openedNotices), m_io,
            [this](std::int64_t head) { m_queue.noteCommitElsewhere(head); }, m_log);
        m_notices->start();
    }
}

void ProjectHost::stop()
{
    m_stopped = true;
    m_noticeTimer.cancel();
    if (m_notices) {
        m_notices->stop();
    }
    m_verifier.stop();
    m_queue.stop();
}

void ProjectHost::announce(std::int64_t head, const std::set<std::string>& revoked)
{
    if (!revoked.empty()) {
        m_sessions.closeRevoked(this, revoked); // before any notice: a revoked session receives nothing
    }
    m_noticeHead = std::max(m_noticeHead, head);
    if (m_noticeArmed || m_stopped) {
        return; // the armed timer sends the latest head
    }
    const auto now = std::chrono::steady_clock::now();
    if (now - m_lastNotice >= kNoticeInterval) {
        sendNotices();
        return;
    }
    m_noticeArmed = true;
    m_noticeTimer.expires_at(m_lastNotice + kNoticeInterval);
    m_noticeTimer.async_wait([this](const boost::system::error_code& error) {
        m_noticeArmed = false;
        if (!error && !m_stopped) {
            sendNotices();
        }
    });
}

void ProjectHost::sendNotices()
{
    m_lastNotice = std::chrono::steady_clock::now();
    m_sessions.notifyAll(this, m_noticeHead);
}

} // namespace concord::net
