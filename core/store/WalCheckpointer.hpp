// Copies a project's write-ahead log back into the database file on a thread of its own, so
// that the connection that labels never does it.
//
// SQLite checkpoints on the committing connection once the log passes 1,000 pages: on a large
// project that commit then waited for the copy and its fsync (some 430 ms on the GUI bench's
// million samples, once every ~170 labels). With a checkpointer running, the labeling
// connection turns its automatic checkpoints off (disableAutoCheckpoint) and this thread runs a
// PASSIVE checkpoint every interval on its own connection: passive checkpoints never block a
// writer or a reader, they copy what no reader still needs.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace concord::sqlite {
class Database;
}

namespace concord::store {

class WalCheckpointer
{
public:
    // Opens its own connection to `path` (throws StoreError when it cannot) and starts.
    explicit WalCheckpointer(const std::string& path,
                             std::chrono::milliseconds interval = std::chrono::milliseconds(1000));
    // Stops the thread (after the checkpoint running, if any) and closes its connection.
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    // Turns off `db`'s own checkpoints: call it once this checkpointer runs for the same file.
    static void disableAutoCheckpoint(sqlite::Database& db);

    // Checkpoints run so far, and the last one's error ("" when it succeeded). A failed
    // checkpoint loses nothing: the frames stay in the log for the next one.
    int runs() const;
    std::string lastError() const;

private:
    void run();

    std::chrono::milliseconds m_interval;
    std::unique_ptr<sqlite::Database> m_db; // this thread's own connection
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    int m_runs = 0;
    std::string m_lastError;
    std::thread m_thread; // last: started once everything above exists
};

} // namespace concord::store
