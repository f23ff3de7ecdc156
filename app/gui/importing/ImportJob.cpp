// The import worker: Project::create, the core Importer over a reader that can be cancelled,
// and the clean-up of a new file that did not come out whole.
#include "app/gui/importing/ImportJob.hpp"

#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <fstream>

namespace concord::gui {

namespace {

struct Cancelled
{
};

// Hands on the source's records, stopping (by throwing) once cancel is set and counting the
// bytes read for the progress bar.
class CancellableReader : public io::RecordReader
{
public:
    CancellableReader(io::RecordReader& inner, const std::atomic<bool>& cancel, std::atomic<std::uint64_t>& bytes)
        : m_inner(inner), m_cancel(cancel), m_bytes(bytes)
    {}

    std::optional<io::ReadResult> next() override
    {
        if (m_cancel.load(std::memory_order_relaxed)) {
            throw Cancelled{};
        }
        auto result = m_inner.next();
        m_bytes.store(m_inner.bytesConsumed(), std::memory_order_relaxed);
        return result;
    }
    std::uint64_t bytesConsumed() const override { return m_inner.bytesConsumed(); }

private:
    io::RecordReader& m_inner;
    const std::atomic<bool>& m_cancel;
    std::atomic<std::uint64_t>& m_bytes;
};

QString problemsText(const io::ImportReport& report)
{
    QString text = QStringLiteral("Nothing was imported: %L1 of %L2 records have problems.")
                       .arg(report.problemCount)
                       .arg(report.records);
    for (std::size_t i = 0; i < report.problems.size() && i < 3; ++i) {
        text += QStringLiteral("\nLine %1: %2")
                    .arg(report.problems[i].line)
                    .arg(QString::fromStdString(report.problems[i].message));
    }
    if (report.problemCount > 3) {
        text += QStringLiteral("\n\u2026 Fix them, or tick \u201cSkip records with problems\u201d.");
    }
    return text;
}

} // namespace

void removeProjectFiles(const QString& path)
{
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        QFile::remove(path + QLatin1String(suffix));
    }
}

ImportOutcome ImportJob::run(const ImportRequest& request, const std::atomic<bool>& cancel,
                             std::atomic<std::uint64_t>& bytes)
{
    ImportOutcome outcome;
    bool created = false;
    try {
        std::ifstream input(QFile::encodeName(request.source).toStdString(), std::ios::binary);
        if (!input) {
            throw StoreError("cannot read " + request.source.toStdString());
        }
        {
            auto project =
                Project::create(QFile::encodeName(request.target).toStdString(), request.settings, request.schema);
            created = true;
            auto reader = io::makeReader(request.format, input, request.delimiter);
            CancellableReader cancellable(*reader, cancel, bytes);
            outcome.report = io::Importer(*project, request.options).run(cancellable);
        } // the project closes here, folding its log into the file
        outcome.ok = outcome.report.committed;
        if (!outcome.ok) {
            outcome.error = problemsText(outcome.report);
        }
    } catch (const Cancelled&) {
        outcome.cancelled = true;
    } catch (const InputError& error) {
        outcome.error = QString::fromUtf8(error.what());
    } catch (const StoreError& error) {
        outcome.error = QString::fromUtf8(error.what());
    } catch (const std::exception& error) {
        outcome.error = QString::fromUtf8(error.what());
    }
    if (!outcome.ok && created) {
        removeProjectFiles(request.target); // no half project
    }
    return outcome;
}

ImportJob::ImportJob(ImportRequest request, QObject* parent) : QObject(parent), m_request(std::move(request))
{
    m_total = static_cast<std::uint64_t>(std::max<qint64>(0, QFileInfo(m_request.source).size()));
}

ImportJob::~ImportJob()
{
    if (m_watcher && m_watcher->isRunning()) {
        m_state->cancel = true;
        m_watcher->waitForFinished();
    }
}

void ImportJob::start()
{
    m_watcher = new QFutureWatcher<ImportOutcome>(this);
    connect(m_watcher, &QFutureWatcher<ImportOutcome>::finished, this, [this] {
        m_outcome = m_watcher->result();
        Q_EMIT finished();
    });
    m_watcher->setFuture(QtConcurrent::run(
        [request = m_request, state = m_state] { return ImportJob::run(request, state->cancel, state->bytes); }));
}

void ImportJob::cancel()
{
    m_state->cancel = true;
}

bool ImportJob::isRunning() const
{
    return m_watcher && m_watcher->isRunning();
}

} // namespace concord::gui
