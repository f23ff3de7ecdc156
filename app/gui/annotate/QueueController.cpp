// See QueueController.hpp.
#include "app/gui/annotate/QueueController.hpp"

#include "app/gui/project/AnnotationSession.hpp"
#include "app/gui/project/OpenProject.hpp"
#include "app/gui/sync/SyncBridge.hpp"
#include "core/learn/ActiveLearning.hpp"
#include "core/learn/BuiltinModel.hpp"
#include "core/store/Project.hpp"

#include <utility>

namespace concord::gui {

namespace {

// In the background, with its own connection: trains the built-in model on the labels so far
// (continuing from the saved one, so a retrain after a batch is a few passes), then ranks the
// unlabeled samples by the entropy of its predictions.
RankOutcome rankForQueue(const std::string& path, const Progress& progress)
{
    auto project = Project::open(path);
    const learn::TrainingSet set = learn::loadTrainingSet(*project);
    learn::BuiltinTrainOptions training;
    training.continueEpochs = 2; // as concord-cli train does
    learn::trainBuiltin(*project, set, training);
    progress.throwIfCancelled();
    learn::RankRequest request;
    request.options.strategy = learn::Strategy::Entropy;
    request.options.batch = QueueController::batchSize;
    const learn::RankResult ranked = learn::rankProject(*project, request, progress);
    RankOutcome outcome;
    outcome.candidates = ranked.candidates;
    for (const auto& sample : ranked.ranked) {
        outcome.keys.push_back(sample.key);
    }
    return outcome;
}

} // namespace

QueueController::QueueController(QObject* parent) : QObject(parent)
{
    m_ranker.onDone([this](RankOutcome&& outcome) { rankingDone(outcome); });
    m_ranker.onFailed([this](const QString& error) {
        if (std::exchange(m_ranking, false)) {
            Q_EMIT idle();
            fallBack(QStringLiteral("Ranking by the model failed: %1").arg(error));
        }
    });
}

void QueueController::setProject(OpenProject* project)
{
    if (m_session) {
        disconnect(m_session, nullptr, this, nullptr);
    }
    if (m_bridge) {
        disconnect(m_bridge, nullptr, this, nullptr);
    }
    m_ranker.cancel(); // a ranking of the previous project is of no use now
    m_ranking = false;
    m_waitingForServer = false;
    m_project = project;
    m_session = project ? &project->session() : nullptr;
    m_bridge = project ? project->sync() : nullptr;
    m_choice = QueueChoice::UnlabeledFirst;
    if (m_session) {
        connect(m_session, &AnnotationSession::queueFinished, this, &QueueController::nextBatch);
    }
    if (m_bridge) {
        connect(m_bridge, &SyncBridge::assigned, this, &QueueController::serverAssigned);
        connect(m_bridge, &SyncBridge::assignmentFailed, this, &QueueController::serverFailed);
    }
    Q_EMIT idle();
    Q_EMIT choiceChanged(m_choice);
}

void QueueController::choose(QueueChoice choice)
{
    if (!m_session) {
        return;
    }
    m_ranker.cancel();
    m_ranking = false;
    m_waitingForServer = false;
    m_choice = choice;
    Q_EMIT idle();
    switch (choice) {
    case QueueChoice::UnlabeledFirst:
        m_session->setQueueOrder(QueueOrder::UnlabeledFirst);
        break;
    case QueueChoice::InOrder:
        m_session->setQueueOrder(QueueOrder::InOrder);
        break;
    case QueueChoice::AssignedToMe:
        if (!m_bridge) {
            fallBack(QStringLiteral("\"Assigned to me\" needs a project joined to a server (File > Join a "
                                    "server); this one is local, so every sample is yours."));
            return;
        }
        askServer();
        break;
    case QueueChoice::MostInformative:
        startRanking();
        break;
    }
    Q_EMIT choiceChanged(m_choice);
}

void QueueController::cancel()
{
    if (!isBusy()) {
        return;
    }
    choose(QueueChoice::UnlabeledFirst); // drops the ranking's result or the server's answer
    Q_EMIT notice(QStringLiteral("Cancelled: back to unlabeled first."));
}

void QueueController::nextBatch()
{
    if (m_choice == QueueChoice::AssignedToMe) {
        askServer();
    } else if (m_choice == QueueChoice::MostInformative) {
        Q_EMIT notice(QStringLiteral("Batch done: the model learns from your new labels and ranks again."));
        startRanking();
    }
}

void QueueController::startRanking()
{
    m_ranking = true;
    Q_EMIT busy(QStringLiteral("Training the model and ranking the unlabeled samples\u2026"));
    m_ranker.run(m_project,
                 [path = m_project->pathBytes()](const Progress& progress) { return rankForQueue(path, progress); });
}

void QueueController::rankingDone(const RankOutcome& outcome)
{
    if (!std::exchange(m_ranking, false)) {
        return; // cancel() or choose() moved on already
    }
    Q_EMIT idle();
    if (!m_session || m_choice != QueueChoice::MostInformative) {
        return; // another order since
    }
    if (outcome.keys.empty()) {
        fallBack(QStringLiteral("Every sample has a label: there is nothing left to rank."), false);
        return;
    }
    Q_EMIT notice(QStringLiteral("The %1 most informative of %2 unlabeled samples are next.")
                      .arg(outcome.keys.size())
                      .arg(outcome.candidates));
    m_session->followQueue(outcome.keys);
}

void QueueController::askServer()
{
    m_waitingForServer = true;
    Q_EMIT busy(QStringLiteral("Asking the server for samples to label\u2026"));
    m_bridge->requestAssignment(batchSize);
}

void QueueController::serverAssigned(const QStringList& ids, qint64 waiting)
{
    if (!m_waitingForServer || !m_session || m_choice != QueueChoice::AssignedToMe) {
        return;
    }
    m_waitingForServer = false;
    Q_EMIT idle();
    std::vector<std::int64_t> keys;
    try {
        for (const QString& id : ids) {
            if (auto sample = m_session->project().samples().findById(id.toStdString())) {
                keys.push_back(sample->key);
            }
        }
    } catch (const std::exception& error) {
        fallBack(QStringLiteral("Reading the assigned samples failed: %1").arg(QString::fromUtf8(error.what())));
        return;
    }
    if (keys.empty()) {
        fallBack(waiting > 0 ? QStringLiteral("The %1 samples still to label are reserved by others for now; "
                                              "pick \"Assigned to me\" again later.")
                                   .arg(waiting)
                             : QStringLiteral("The server has nothing left for you to label."),
                 false);
        return;
    }
    Q_EMIT notice(QStringLiteral("The server reserved %1 samples for you.").arg(keys.size()));
    m_session->followQueue(std::move(keys));
}

void QueueController::serverFailed(const QString& reason)
{
    if (!m_waitingForServer) {
        return;
    }
    m_waitingForServer = false;
    Q_EMIT idle();
    fallBack(QStringLiteral("The server could not assign samples: %1").arg(reason));
}

void QueueController::fallBack(const QString& message, bool error)
{
    m_choice = QueueChoice::UnlabeledFirst;
    if (m_session) {
        m_session->setQueueOrder(QueueOrder::UnlabeledFirst);
    }
    Q_EMIT choiceChanged(m_choice);
    if (error) {
        Q_EMIT failed(message);
    } else {
        Q_EMIT notice(message);
    }
}

} // namespace concord::gui
