#include "net/server/ProjectOpener.hpp"

#include "core/util/Error.hpp"

#include <boost/asio/post.hpp>

namespace concord::net {

ProjectOpener::ProjectOpener(ProjectOpenerFunction open, Clock clock, boost::asio::io_context& replies)
    : m_open(std::move(open)), m_clock(std::move(clock)), m_replies(replies)
{}

ProjectOpener::~ProjectOpener()
{
    stop();
}

void ProjectOpener::start()
{
    m_thread = std::thread([this] { run(); });
}

void ProjectOpener::stop()
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

void ProjectOpener::open(ProjectRef project, Done done)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping) {
            return;
        }
        if (m_jobs.size() < kMaxWaiting) {
            m_jobs.push_back(Job{std::move(project), std::move(done)});
            m_wake.notify_one();
            return;
        }
    }
    OpenedProject busy;
    busy.refusal = RouteRefusal{ErrorCode::Busy, "the server is opening many projects; try again later"};
    boost::asio::post(m_replies, [done = std::move(done), busy = std::move(busy)]() mutable { done(std::move(busy)); });
}

void ProjectOpener::run()
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
        auto opened = std::make_shared<OpenedProject>();
        try {
            opened->source = m_open(job.project, m_clock);
        } catch (const InputError& error) {
            opened->refusal = RouteRefusal{ErrorCode::UnknownProject, error.what()};
        } catch (const std::exception& error) {
            opened->refusal = RouteRefusal{ErrorCode::Unavailable,
                                           std::string("the server cannot open the project now: ") + error.what()};
        }
        // Shared: a posted handler is copied, and a store is not.
        boost::asio::post(m_replies, [done = std::move(job.done), opened] { done(std::move(*opened)); });
    }
}

} // namespace concord::net
