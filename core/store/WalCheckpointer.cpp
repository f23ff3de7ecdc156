// See WalCheckpointer.hpp.
#include "core/store/WalCheckpointer.hpp"

#include "core/store/Sqlite.hpp"

#include "core/util/Error.hpp"

#include <sqlite3.h>

namespace concord::store {

WalCheckpointer::WalCheckpointer(const std::string& path, std::chrono::milliseconds interval)
    : m_interval(interval), m_db(std::make_unique<sqlite::Database>(path, sqlite::Database::Mode::ReadWrite))
{
    // A connection learns that the file is in WAL mode when it first reads it; until then its
    // checkpoints do nothing at all.
    auto mode = m_db->prepare("PRAGMA journal_mode");
    if (!mode.step() || mode.columnText(0) != "wal") {
        throw StoreError(path + " is not in WAL mode, so it has no log to checkpoint");
    }
    mode.reset();
    m_thread = std::thread([this] { run(); });
}

WalCheckpointer::~WalCheckpointer()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void WalCheckpointer::disableAutoCheckpoint(sqlite::Database& db)
{
    db.exec("PRAGMA wal_autocheckpoint = 0");
}

int WalCheckpointer::runs() const
{
    const std::lock_guard lock(m_mutex);
    return m_runs;
}

std::string WalCheckpointer::lastError() const
{
    const std::lock_guard lock(m_mutex);
    return m_lastError;
}

void WalCheckpointer::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_wake.wait_for(lock, m_interval, [this] { return m_stopping; })) {
        lock.unlock();
        // A failure (the disk full, say) leaves the frames in the log for the next attempt and,
        // in the end, for the checkpoint SQLite runs when the last connection closes.
        int logFrames = 0;
        int copied = 0;
        const int rc =
            sqlite3_wal_checkpoint_v2(m_db->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &logFrames, &copied);
        lock.lock();
        ++m_runs;
        m_lastError = rc == SQLITE_OK ? std::string() : std::string(sqlite3_errmsg(m_db->handle()));
    }
}

} // namespace concord::store
