// Live notices across servers: a commit to a project's change log notifies the channel of that
// project (ChangeLog.cpp, pg_notify in the committing transaction, so that it is sent at commit
// and never for a rollback), and every server listening on it learns the new last number at
// once, whichever server the change came through. A Listener is a connection of its own that
// only listens; its socket() can join an event loop, or wait() blocks on it.
#pragma once

#include "pgstore/Connection.hpp"

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace concord::pg {

// The channel of a project's notices.
std::string projectChannel(std::int64_t project);

struct Notice
{
    std::int64_t project = 0;
    std::int64_t lastSeq = 0; // the last number of the commit that sent it
};

class Listener
{
public:
    explicit Listener(const std::string& conninfo);

    void listen(std::int64_t project);
    void unlisten(std::int64_t project);
    // The notices received so far, without waiting.
    std::vector<Notice> drain();
    // Waits until a notice arrives or `timeout` passes; what arrived (none on time-out). Throws
    // PgError when the connection is lost.
    std::vector<Notice> wait(std::chrono::milliseconds timeout);
    // The connection's socket, for an event loop to watch for reading.
    int socket() const;

private:
    Connection m_connection;
};

} // namespace concord::pg
