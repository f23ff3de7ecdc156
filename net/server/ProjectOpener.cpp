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
    m_worker.start([this](Job& job) {
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
    });
}

void ProjectOpener::stop()
{
    m_worker.stop();
}

void ProjectOpener::open(ProjectRef project, Done done)
{
    Job job{std::move(project), std::move(done)};
    if (m_worker.push(std::move(job)) != BoundedWorker<Job>::Queued::Full) {
        return; // queued, or dropped once stopped
    }
    OpenedProject busy;
    busy.refusal = RouteRefusal{ErrorCode::Busy, "the server is opening many projects; try again later"};
    boost::asio::post(m_replies,
                      [done = std::move(job.done), busy = std::move(busy)]() mutable { done(std::move(busy)); });
}

} // namespace concord::net
