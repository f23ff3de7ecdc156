// One annotator working through one open project: which sample is current, how many the
// annotator has labeled, recording a value and moving on, skipping, and undoing or redoing the
// session's edits in any sample. Core errors become failed() signals.
#pragma once

#include "app/gui/project/SampleQueue.hpp"
#include "core/store/Project.hpp"
#include "core/store/WalCheckpointer.hpp"

#include <QObject>
#include <QString>

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace concord::gui {

class AnnotationSession : public QObject
{
    Q_OBJECT

public:
    // Takes the open project; reads the sample count and the annotator's progress (may throw
    // StoreError). Call start() to pick the first sample.
    AnnotationSession(std::unique_ptr<Project> project, std::string annotator, QObject* parent = nullptr);
    ~AnnotationSession() override;

    Project& project() { return *m_project; }
    const std::string& annotator() const { return m_annotator; }
    QString projectName() const { return m_projectName; }

    const std::optional<Sample>& current() const { return m_current; }
    // The annotator's stored value for the current sample, if any.
    std::optional<nlohmann::json> currentValue();

    std::int64_t labeledCount() const { return m_labeled; }
    // Counts the samples and the annotator's labels again (a sync brought samples, or her
    // labels from another device); progressChanged() follows.
    void recount();
    std::int64_t sampleCount() const { return m_total; }
    // This session's pace from its labels' times (the project's clock): labels after the first
    // per hour between the first and the latest; nullopt until they span a minute.
    std::optional<double> labelsPerHour() const;

    // Goes to the annotator's first unlabeled sample, else to the first sample.
    void start();
    // Makes the sample with `key` current (nothing happens if it is already).
    void goTo(std::int64_t key);
    // Records `value` as the annotator's value for the current sample, then moves to the next
    // unlabeled sample after it (or else the next one). Returns false, after emitting failed(),
    // when the core refuses the value; nothing is stored then.
    bool record(const nlohmann::json& value);
    // Records `value` for the current sample and stays on it (span edits, saved one by one so
    // that nothing is lost and each can be undone).
    bool store(const nlohmann::json& value);
    // Moves on without labeling: to the next unlabeled sample after the current one.
    void skip();
    // Moving on stays within these keys (ascending: the samples list's filter); nullopt goes
    // back to every sample.
    void setFilter(std::optional<std::vector<std::int64_t>> keys);
    // Unlabeled first (the default) or in order; moving on follows it from the current sample.
    void setQueueOrder(QueueOrder order);
    // Follows `keys` in their order (a ranking, the server's assignment) and opens the first
    // of them not labeled yet; queueFinished() when none is left.
    void followQueue(std::vector<std::int64_t> keys);
    QueueOrder queueOrder() const { return m_queue.order(); }

    // A project of fields and questions (not isLegacy()): the annotator's answers to the
    // current record by question, and the response's status (nullopt: none yet).
    std::map<std::string, nlohmann::json> currentAnswers();
    std::optional<ResponseStatus> currentStatus();
    // Stores one answer to the current record; its response stays a draft (a first answer
    // opens one) until it is submitted, so nothing given is lost with a closed window.
    bool answer(const std::string& question, const nlohmann::json& value);
    // Submits the current record's response and moves on. Returns false, after failed() naming
    // them, while a required question is unanswered (missingRequired()).
    bool submit();
    // Sets the current record's response aside with an optional reason, and moves on.
    bool discard(const std::string& reason);
    // The suggestion shown for each of the current record's questions (none for a question that
    // hides them): Project::shownSuggestion.
    std::map<std::string, SuggestionChange> currentSuggestions();
    // The current record's required questions its annotator has not answered.
    std::vector<std::string> missingRequired();

    // Undo goes back to the sample of the session's latest edit and restores the value it had
    // before (removing it when it had none); redo applies the edit again and moves on as the
    // edit did. Both work whatever sample is current. They return false when there is nothing
    // to undo or redo, or the core refused (after failed()).
    bool undo();
    bool redo();
    bool canUndo() const { return !m_undo.empty(); }
    bool canRedo() const { return !m_redo.empty(); }

Q_SIGNALS:
    void currentChanged();
    void progressChanged();
    void sampleLabeled(qint64 key);
    void failed(const QString& message);
    void notice(const QString& message);
    // The queue given to followQueue() has no unlabeled sample left.
    void queueFinished();

private:
    // One edit of this session: the sample, its value before (nullopt: none) and after. In a
    // project of questions an edit is one answer (`question`), or the response's status
    // (`status`: submitted or set aside, and what it was before).
    struct Edit
    {
        std::int64_t key = 0;
        std::optional<std::string> before;
        std::string after;
        bool advanced = false; // the edit moved on to the next sample
        std::string question;  // an answer to this question
        struct Status
        {
            std::optional<ResponseStatus> before, after;
            std::string reasonBefore, reasonAfter;
        };
        std::optional<Status> status;
    };
    bool write(std::int64_t key, const std::optional<std::string>& value);
    // Writes the `before` (undo) or `after` (redo) side of an answer or status edit.
    bool writeFeedback(const Edit& edit, bool after);
    // Records a status change for undo: submit and discard.
    bool changeStatus(ResponseStatus status, const std::string& reason, const char* failure);
    bool apply(const nlohmann::json& value, bool advance);
    void show(std::int64_t key);
    void advanceFrom(std::int64_t key);
    // Runs `work`, turning InputError/StoreError into failed(); returns whether it succeeded.
    template <typename Work> bool guarded(const char* what, Work&& work);

    std::unique_ptr<Project> m_project;
    // After m_project: stopped before the project's connection closes.
    std::unique_ptr<store::WalCheckpointer> m_checkpointer;
    std::string m_annotator;
    QString m_projectName;
    std::optional<Sample> m_current;
    std::int64_t m_labeled = 0;
    std::int64_t m_total = 0;
    std::vector<Edit> m_undo;
    std::vector<Edit> m_redo;
    SampleQueue m_queue;
    std::vector<std::int64_t> m_labelTimes; // ms, one per label stored by this session
};

} // namespace concord::gui
