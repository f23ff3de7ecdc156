// Records what a net::LiveSync reports, for tests that wait for its events (under a condition
// variable, with a generous bound) rather than for time to pass.
#pragma once

#include "net/client/LiveSync.hpp"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace concord::test {

class LiveProbe
{
public:
    struct Synced
    {
        net::LiveCause cause;
        net::SyncReport report;
    };

    net::LiveCallbacks callbacks()
    {
        net::LiveCallbacks callbacks;
        callbacks.connected = [this](const net::LiveConnected& connected) {
            record([&] {
                ++connects;
                lastConnected = connected;
            });
        };
        callbacks.offline = [this](const net::LiveOffline& offline) {
            record([&] {
                ++offlines;
                lastOffline = offline;
            });
        };
        callbacks.synced = [this](net::LiveCause cause, const net::SyncReport& report) {
            record([&] { syncs.push_back({cause, report}); });
        };
        callbacks.pendingChanged = [this](std::int64_t count) { record([&] { pending = count; }); };
        callbacks.alive = [this] { record([&] { ++pongs; }); };
        callbacks.assigned = [this](const net::Assignment& assignment) { record([&] { assigned = assignment; }); };
        callbacks.assignmentFailed = [this](const std::string& reason) { record([&] { assignmentFailure = reason; }); };
        return callbacks;
    }

    // Waits until `done` (called under the lock) holds; false when `limit` passed first.
    template <typename Predicate> bool waitFor(Predicate done, std::chrono::seconds limit = std::chrono::seconds(60))
    {
        std::unique_lock lock(m_mutex);
        return m_changed.wait_for(lock, limit, [&] { return done(*this); });
    }

    // Under the lock (inside waitFor's predicate, or after the session ended).
    std::int64_t received(net::LiveCause cause) const
    {
        std::int64_t total = 0;
        for (const auto& synced : syncs) {
            total += synced.cause == cause ? synced.report.pulledAnnotations : 0;
        }
        return total;
    }
    std::int64_t sent() const
    {
        std::int64_t total = 0;
        for (const auto& synced : syncs) {
            total += synced.report.pushed;
        }
        return total;
    }

    // Read under the lock, or after the session has ended.
    int connects = 0;
    int offlines = 0;
    int pongs = 0;
    std::int64_t pending = -1;
    std::vector<Synced> syncs;
    net::LiveConnected lastConnected;
    net::LiveOffline lastOffline;
    std::optional<net::Assignment> assigned;
    std::optional<std::string> assignmentFailure;

    // Copies under the lock, for use outside waitFor.
    template <typename Read> auto read(Read what)
    {
        std::lock_guard lock(m_mutex);
        return what(*this);
    }

private:
    template <typename Change> void record(Change change)
    {
        {
            std::lock_guard lock(m_mutex);
            change();
        }
        m_changed.notify_all();
    }

    std::mutex m_mutex;
    std::condition_variable m_changed;
};

} // namespace concord::test
