// Creating a project and importing a file into it, off the GUI thread. The worker owns the new
// project from create to close; cancel() stops it at the next record, the import's transaction
// rolls back and the new file is deleted, so that a cancelled or failed import leaves nothing.
#pragma once

#include "core/io/Importer.hpp"
#include "core/io/RecordReader.hpp"
#include "core/model/LabelSchema.hpp"
#include "core/model/Records.hpp"

#include <QFuture>
#include <QObject>
#include <QString>

#include <atomic>
#include <cstdint>
#include <memory>

template <typename T> class QFutureWatcher;

namespace concord::gui {

struct ImportRequest
{
    QString source; // the file to import
    io::Format format = io::Format::Jsonl;
    char delimiter = ',';
    QString target; // the project file to create; must not exist
    ProjectSettings settings;
    LabelSchema schema;
    io::ImportOptions options;
};

struct ImportOutcome
{
    bool ok = false;
    bool cancelled = false;
    QString error; // why it failed, in words; empty when ok or cancelled
    io::ImportReport report;
};

class ImportJob : public QObject
{
    Q_OBJECT

public:
    explicit ImportJob(ImportRequest request, QObject* parent = nullptr);
    // Cancels a running import and waits for the worker to clean up.
    ~ImportJob() override;

    void start();
    void cancel();
    bool isRunning() const;
    // Bytes of the source read so far and its size, for a progress bar.
    std::uint64_t bytesRead() const { return m_state->bytes.load(std::memory_order_relaxed); }
    std::uint64_t totalBytes() const { return m_total; }
    const ImportOutcome& outcome() const { return m_outcome; }

    // The whole job, on the calling thread (the worker runs this).
    static ImportOutcome run(const ImportRequest& request, const std::atomic<bool>& cancel,
                             std::atomic<std::uint64_t>& bytes);

Q_SIGNALS:
    // On the GUI thread, once outcome() is set.
    void finished();

private:
    struct State
    {
        std::atomic<bool> cancel{false};
        std::atomic<std::uint64_t> bytes{0};
    };
    ImportRequest m_request;
    std::shared_ptr<State> m_state = std::make_shared<State>();
    std::uint64_t m_total = 0;
    QFutureWatcher<ImportOutcome>* m_watcher = nullptr;
    ImportOutcome m_outcome;
};

// Deletes a project file with its SQLite companions (-wal, -shm, -journal).
void removeProjectFiles(const QString& path);

} // namespace concord::gui
