// Creating a project and importing a file into it, in the background (BackgroundTask). The
// work owns the new project from create to close; cancel() stops it at the next record, the
// import's transaction rolls back and the new file is deleted, so that a cancelled or failed
// import leaves nothing.
#pragma once

#include "app/gui/project/BackgroundTask.hpp"
#include "core/io/Importer.hpp"
#include "core/io/RecordReader.hpp"
#include "core/model/LabelSchema.hpp"
#include "core/model/Records.hpp"

#include <QObject>
#include <QString>

#include <cstdint>

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
    // A running import is cancelled and waited for (the clean-up included) when the job goes.
    explicit ImportJob(ImportRequest request, QObject* parent = nullptr);

    void start();
    void cancel();
    bool isRunning() const { return m_task.isRunning(); }
    const ImportOutcome& outcome() const { return m_outcome; }

    // The whole job, on the calling thread (the background work runs this): progress in bytes of
    // the source, out of its size; its cancel flag stops the import.
    static ImportOutcome run(const ImportRequest& request, const Progress& progress);

Q_SIGNALS:
    // Bytes of the source read so far and its size (0: not known), for a progress bar.
    void progressed(quint64 bytesRead, quint64 totalBytes);
    // On the GUI thread, once outcome() is set.
    void finished();

private:
    ImportRequest m_request;
    BackgroundTask<ImportOutcome> m_task{this};
    bool m_cancelled = false;
    ImportOutcome m_outcome;
};

// Deletes a project file with its SQLite companions (-wal, -shm, -journal).
void removeProjectFiles(const QString& path);

} // namespace concord::gui
