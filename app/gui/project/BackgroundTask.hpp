// The one way a screen runs work on a project in the background, in the spirit of KeePassXC's
// AsyncTask::runThenCallback: the work runs on Qt's pool with a core Progress (reports and a
// cancel flag); its result comes back on the GUI thread. A request while a run is under way is
// merged into one more run after it (the latest request wins: labels changed meanwhile, so the
// running result may be stale already, and is shown until the next one is in). A run started
// for a project that has since closed (its OpenProject deleted; any QObject may be the scope),
// or before cancel(), delivers nothing. Work opens its own connection to the project file: the
// GUI's stays on the GUI thread.
#pragma once

#include "core/util/Progress.hpp"

#include <QFutureWatcher>
#include <QMetaObject>
#include <QPointer>
#include <QString>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <chrono>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>

namespace concord::gui {

// How far a background run got, on the GUI thread.
struct TaskProgress
{
    quint64 done = 0;
    quint64 total = 0; // 0: not known
    QString what;      // the step under way, or empty
};

template <typename Result> class BackgroundTask
{
public:
    using Work = std::function<Result(const Progress&)>;

    // Results, failures and progress are delivered through `owner`'s thread and event queue;
    // the task is a member of `owner` (it waits for its run when destroyed).
    explicit BackgroundTask(QObject* owner) : m_owner(owner)
    {
        QObject::connect(&m_watcher, &QFutureWatcher<Outcome>::finished, owner, [this] { finished(); });
    }
    ~BackgroundTask()
    {
        cancel();
        m_watcher.waitForFinished();
    }
    BackgroundTask(const BackgroundTask&) = delete;
    BackgroundTask& operator=(const BackgroundTask&) = delete;

    // What the work returned; the message of what it threw (a core error's words); progress.
    void onDone(std::function<void(Result&&)> done) { m_done = std::move(done); }
    void onFailed(std::function<void(const QString&)> failed) { m_failed = std::move(failed); }
    void onProgress(std::function<void(const TaskProgress&)> progress) { m_progress = std::move(progress); }
    // After the last run of a series has ended, whether it delivered or not (cancelled, its
    // project closed): buttons go back to idle.
    void onSettled(std::function<void()> settled) { m_settled = std::move(settled); }

    // Runs `work` for `scope` (the open project) now, or after the run under way (see above).
    void run(QObject* scope, Work work)
    {
        if (scope == nullptr) {
            return;
        }
        if (isRunning()) {
            m_next = Request{scope, std::move(work)};
            return;
        }
        start(scope, std::move(work));
    }
    // The run under way is told to stop and delivers nothing; a request waiting is dropped.
    void cancel()
    {
        m_next.reset();
        if (m_cancel) {
            m_cancel->store(true);
        }
        ++m_generation;
    }
    // A run is under way, or one waits to follow it.
    bool isRunning() const { return m_busy; }

private:
    struct Outcome
    {
        std::optional<Result> result;
        QString error;
    };
    struct Request
    {
        QPointer<QObject> scope;
        Work work;
    };

    void start(QObject* scope, Work work)
    {
        m_busy = true;
        m_scope = scope;
        m_cancel = std::make_shared<std::atomic<bool>>(false);
        m_started = m_generation;
        auto cancel = m_cancel;
        auto report = progressReport(m_generation);
        m_watcher.setFuture(QtConcurrent::run([work = std::move(work), cancel, report]() {
            Outcome outcome;
            try {
                outcome.result.emplace(work(Progress(report, cancel.get())));
            } catch (const Cancelled&) {
                // Asked for: nothing to say.
            } catch (const std::exception& error) {
                outcome.error = QString::fromUtf8(error.what());
            }
            return outcome;
        }));
    }

    // Called on the worker: at most one report every 50 ms reaches the GUI (and the last one).
    Progress::Report progressReport(quint64 generation)
    {
        if (!m_progress) {
            return {};
        }
        struct Throttle
        {
            std::mutex mutex;
            std::chrono::steady_clock::time_point last;
        };
        auto throttle = std::make_shared<Throttle>();
        return [this, generation, throttle](const ProgressStep& step) {
            {
                std::lock_guard lock(throttle->mutex);
                const auto now = std::chrono::steady_clock::now();
                if (step.done != step.total && now - throttle->last < std::chrono::milliseconds(50)) {
                    return;
                }
                throttle->last = now;
            }
            TaskProgress shown{step.done, step.total, QString::fromUtf8(step.what.data(), qsizetype(step.what.size()))};
            QMetaObject::invokeMethod(
                m_owner,
                [this, generation, shown] {
                    if (generation == m_generation && m_progress) {
                        m_progress(shown);
                    }
                },
                Qt::QueuedConnection);
        };
    }

    void finished()
    {
        Outcome outcome = m_watcher.result();
        const bool current = m_started == m_generation && !m_scope.isNull();
        m_cancel.reset();
        m_busy = false;
        // The next request first, so that isRunning() tells the receiver that more is coming.
        if (m_next) {
            Request next = std::move(*m_next);
            m_next.reset();
            if (!next.scope.isNull()) {
                start(next.scope, std::move(next.work));
            }
        }
        if (current && outcome.result && m_done) {
            m_done(std::move(*outcome.result));
        } else if (current && !outcome.error.isEmpty() && m_failed) {
            m_failed(outcome.error);
        }
        if (!m_busy && m_settled) {
            m_settled();
        }
    }

    QObject* m_owner;
    QFutureWatcher<Outcome> m_watcher;
    std::function<void(Result&&)> m_done;
    std::function<void(const QString&)> m_failed;
    std::function<void(const TaskProgress&)> m_progress;
    std::function<void()> m_settled;
    QPointer<QObject> m_scope;                   // the run under way is for it
    std::shared_ptr<std::atomic<bool>> m_cancel; // the run under way's flag
    quint64 m_generation = 0;                    // bumped by cancel()
    quint64 m_started = 0;                       // the generation of the run under way
    std::optional<Request> m_next;
    bool m_busy = false; // from start() until finished() has run: the watcher's own flag drops
                         // earlier, before its finished signal is delivered
};

} // namespace concord::gui
