// The import's work: Project::create, the core Importer (its progress in bytes, its cancel
// flag), and the clean-up of a new file that did not come out whole.
#include "app/gui/importing/ImportJob.hpp"

#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <fstream>

namespace concord::gui {

namespace {

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

ImportOutcome ImportJob::run(const ImportRequest& request, const Progress& progress)
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
            const auto total = static_cast<std::uint64_t>(std::max<qint64>(0, QFileInfo(request.source).size()));
            outcome.report =
                io::Importer(*project, request.options)
                    .run(*reader,
                         Progress([&](const ProgressStep& step) { progress.report(step.done, total, step.what); },
                                  progress.cancelFlag()));
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
    m_task.onProgress([this](const TaskProgress& step) { Q_EMIT progressed(step.done, step.total); });
    m_task.onDone([this](ImportOutcome&& outcome) { m_outcome = std::move(outcome); });
    m_task.onFailed([this](const QString& error) { m_outcome.error = error; });
    m_task.onSettled([this] {
        if (m_cancelled) {
            m_outcome = ImportOutcome{};
            m_outcome.cancelled = true;
        }
        Q_EMIT finished();
    });
}

void ImportJob::start()
{
    m_task.run(this, [request = m_request](const Progress& progress) { return ImportJob::run(request, progress); });
}

void ImportJob::cancel()
{
    if (m_task.isRunning()) {
        m_cancelled = true;
        m_task.cancel(); // the work's clean-up still runs; onSettled reports the end
    }
}

} // namespace concord::gui
