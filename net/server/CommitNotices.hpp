// Commits made through other servers on the same store, so that a server tells its sessions at
// once rather than at their next sync (on PostgreSQL: LISTEN on the project's channel,
// pgstore/ServeStore.cpp). A server with a store of its own (a project file) has none.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

namespace concord::net {

class CommitNotices
{
public:
    virtual ~CommitNotices() = default;
    // Waits up to `timeout` for notices; the highest head announced, or nothing. Throws when
    // the connection is lost (the watcher opens a new one).
    virtual std::optional<std::int64_t> wait(std::chrono::milliseconds timeout) = 0;
};

using CommitNoticesOpener = std::function<std::unique_ptr<CommitNotices>()>;

} // namespace concord::net
