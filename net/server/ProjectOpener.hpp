// Opens the projects of a server of several (serve --store without --project) off the network
// thread: finding a project and opening its store are queries, and the database may be slow or
// away. One thread; its queue is bounded, since any stranger's hello may ask for a project.
#pragma once

#include "core/util/Clock.hpp"
#include "net/BoundedWorker.hpp"
#include "net/server/ProjectHost.hpp"
#include "net/server/ProjectRouter.hpp"

#include <boost/asio/io_context.hpp>

#include <functional>
#include <optional>
#include <string>

namespace concord::net {

// A project as a hello names it: by its id (a replica), or by its name (joining).
struct ProjectRef
{
    std::string id;
    std::string name;
};

// Opens a project of the store: throws InputError when the store has no such project (or it is
// archived), anything else when the store cannot be read.
using ProjectOpenerFunction = std::function<ProjectSource(const ProjectRef& project, Clock clock)>;

struct OpenedProject
{
    std::optional<ProjectSource> source; // or why not
    std::optional<RouteRefusal> refusal;
};

class ProjectOpener
{
public:
    using Done = std::function<void(OpenedProject)>;

    // Results are posted to `replies`.
    ProjectOpener(ProjectOpenerFunction open, Clock clock, boost::asio::io_context& replies);
    ~ProjectOpener();
    ProjectOpener(const ProjectOpener&) = delete;
    ProjectOpener& operator=(const ProjectOpener&) = delete;

    void start();
    void stop();
    // Any thread; `done` runs on the replies' thread (not at all once stopped).
    void open(ProjectRef project, Done done);

    static constexpr std::size_t kMaxWaiting = 64;

private:
    struct Job
    {
        ProjectRef project;
        Done done;
    };

    ProjectOpenerFunction m_open;
    Clock m_clock;
    boost::asio::io_context& m_replies;
    BoundedWorker<Job> m_worker{kMaxWaiting};
};

} // namespace concord::net
