// The annotator's queue order, as picked in the samples panel: unlabeled first, in order,
// the samples the server assigned to her, or the most informative first by the model. The
// last two are long or remote work: the ranking (train the built-in model on the labels so
// far, then rank the unlabeled samples by its uncertainty) runs in the background with its
// own connection, and the assignment goes through the project's sync service. Either hands
// the session a queue of keys; when she has labeled it through, the next batch is asked for
// (a new ranking learns from the labels just given).
#pragma once

#include "app/gui/project/BackgroundTask.hpp"
#include "app/gui/project/ProjectView.hpp"

#include <QObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace concord::gui {

class AnnotationSession;
class SyncBridge;

enum class QueueChoice
{
    UnlabeledFirst,
    InOrder,
    AssignedToMe, // needs a project joined to a server
    MostInformative
};

// What the ranking hands back.
struct RankOutcome
{
    std::vector<std::int64_t> keys; // most informative first
    std::size_t candidates = 0;     // unlabeled samples ranked
};

class QueueController : public QObject, public ProjectView
{
    Q_OBJECT

public:
    // Samples asked for per batch, from the server or the ranking.
    static constexpr int batchSize = 50;

    explicit QueueController(QObject* parent = nullptr);

    // Follows the project's session and sync (nullptr: none open). Goes back to unlabeled first.
    void setProject(OpenProject* project) override;
    bool canAssign() const { return m_bridge != nullptr; }

    void choose(QueueChoice choice);
    QueueChoice choice() const { return m_choice; }
    // Stops a ranking that runs (its result is dropped) and goes back to unlabeled first.
    void cancel();
    // Waiting for a ranking or the server's answer that will be applied (a cancelled ranking may
    // still run to its end on the worker; its result is dropped).
    bool isBusy() const { return m_ranking || m_waitingForServer; }
    // A ranking's work has not ended yet (one cancelled included, whose result is dropped).
    bool isWorking() const { return m_ranker.isRunning(); }

Q_SIGNALS:
    // Long work started (the text says what), or ended.
    void busy(const QString& what);
    void idle();
    // The order in force changed (after a failure, back to unlabeled first).
    void choiceChanged(QueueChoice choice);
    void failed(const QString& message);
    void notice(const QString& message);

private:
    void startRanking();
    void rankingDone(const RankOutcome& outcome);
    void askServer();
    void serverAssigned(const QStringList& ids, qint64 waiting);
    void serverFailed(const QString& reason);
    void nextBatch();
    // Back to unlabeled first, saying why (a failure, or simply nothing left).
    void fallBack(const QString& message, bool error = true);

    OpenProject* m_project = nullptr;
    AnnotationSession* m_session = nullptr;
    SyncBridge* m_bridge = nullptr;
    QueueChoice m_choice = QueueChoice::UnlabeledFirst;
    BackgroundTask<RankOutcome> m_ranker{this};
    bool m_ranking = false;
    bool m_waitingForServer = false;
};

} // namespace concord::gui
