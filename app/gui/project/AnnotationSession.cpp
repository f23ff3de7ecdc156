// The annotator's walk through a project, on top of Project, SampleTable and AnnotationTable.
#include "app/gui/project/AnnotationSession.hpp"

#include "core/store/ReadSnapshot.hpp"
#include "core/util/Error.hpp"

namespace concord::gui {

AnnotationSession::AnnotationSession(std::unique_ptr<Project> project, std::string annotator, QObject* parent)
    : QObject(parent), m_project(std::move(project)), m_annotator(std::move(annotator))
{
    m_projectName = QString::fromStdString(m_project->settings().name);
    m_total = m_project->samples().count();
    // Counted once here, then kept up to date as this session labels: counting after every
    // key press would not fit the 16 ms budget on a million annotations.
    m_labeled = m_project->annotations().countFor(m_annotator);
    // Checkpoints off the GUI thread (see WalCheckpointer.hpp). Without one, for instance when
    // a second connection cannot be opened, SQLite's own checkpoints stay on: slower, still safe.
    try {
        m_checkpointer = std::make_unique<store::WalCheckpointer>(m_project->path());
        store::WalCheckpointer::disableAutoCheckpoint(m_project->database());
    } catch (const StoreError& error) {
        m_checkpointer.reset();
        qWarning("concord: checkpoints stay on the labeling connection: %s", error.what());
    }
}

AnnotationSession::~AnnotationSession() = default;

void AnnotationSession::recount()
{
    guarded("Counting the samples", [&] {
        store::releaseReadSnapshot(m_project->database()); // see the sync thread's writes
        m_total = m_project->samples().count();
        m_labeled = m_project->annotations().countFor(m_annotator);
    });
    Q_EMIT progressChanged();
}

template <typename Work> bool AnnotationSession::guarded(const char* what, Work&& work)
{
    try {
        work();
        return true;
    } catch (const InputError& error) {
        Q_EMIT failed(QStringLiteral("%1: %2").arg(QString::fromUtf8(what), QString::fromUtf8(error.what())));
    } catch (const StoreError& error) {
        Q_EMIT failed(QStringLiteral("%1: the project file failed: %2")
                          .arg(QString::fromUtf8(what), QString::fromUtf8(error.what())));
    }
    return false;
}

std::optional<nlohmann::json> AnnotationSession::currentValue()
{
    std::optional<nlohmann::json> value;
    if (!m_current) {
        return value;
    }
    guarded("Reading the sample's label", [&] {
        if (auto annotation = m_project->annotations().get(m_current->key, m_annotator)) {
            value = nlohmann::json::parse(annotation->value, nullptr, false);
            if (value->is_discarded()) {
                throw StoreError("the stored value of sample '" + m_current->id + "' is not valid JSON");
            }
        }
    });
    return value;
}

void AnnotationSession::start()
{
    guarded("Opening the first sample", [&] {
        if (const auto key = m_queue.first(*m_project, m_annotator)) {
            goTo(*key);
        } else {
            m_current.reset();
            Q_EMIT currentChanged();
        }
    });
}

void AnnotationSession::goTo(std::int64_t key)
{
    if (m_current && m_current->key == key) {
        return;
    }
    guarded("Opening the sample", [&] {
        auto sample = m_project->samples().findByKey(key);
        if (!sample) {
            throw InputError("no sample with key " + std::to_string(key));
        }
        m_current = std::move(sample);
        Q_EMIT currentChanged();
    });
}

bool AnnotationSession::record(const nlohmann::json& value)
{
    return apply(value, true);
}

bool AnnotationSession::store(const nlohmann::json& value)
{
    return apply(value, false);
}

bool AnnotationSession::apply(const nlohmann::json& value, bool advance)
{
    if (!m_current) {
        return false;
    }
    const Sample sample = *m_current;
    Edit edit;
    edit.key = sample.key;
    edit.advanced = advance;
    const bool stored = guarded(("Sample '" + sample.id + "' was not labeled").c_str(), [&] {
        if (auto before = m_project->annotations().get(sample.key, m_annotator)) {
            edit.before = std::move(before->value);
        }
        edit.after = m_project->annotate(sample.key, m_annotator, value);
        if (!edit.before) {
            ++m_labeled;
        }
    });
    if (!stored) {
        return false;
    }
    m_labelTimes.push_back(m_project->now());
    // Pressing the same label again changes nothing: it is no edit to undo.
    if (edit.before != edit.after) {
        m_undo.push_back(std::move(edit));
        m_redo.clear();
    }
    Q_EMIT sampleLabeled(sample.key);
    Q_EMIT progressChanged();
    if (advance) {
        advanceFrom(sample.key);
    } else {
        Q_EMIT currentChanged();
    }
    return true;
}

std::map<std::string, nlohmann::json> AnnotationSession::currentAnswers()
{
    std::map<std::string, nlohmann::json> answers;
    if (!m_current) {
        return answers;
    }
    guarded("Reading the record's answers", [&] {
        for (const AnnotationChange& given : m_project->annotations().forResponse(m_current->key, m_annotator)) {
            auto value = nlohmann::json::parse(given.value, nullptr, false);
            if (!value.is_discarded()) {
                answers[given.question] = std::move(value);
            }
        }
    });
    return answers;
}

std::optional<ResponseStatus> AnnotationSession::currentStatus()
{
    std::optional<ResponseStatus> status;
    if (m_current) {
        guarded("Reading the response's status", [&] { status = m_project->statusOf(m_current->key, m_annotator); });
    }
    return status;
}

std::map<std::string, SuggestionChange> AnnotationSession::currentSuggestions()
{
    std::map<std::string, SuggestionChange> shown;
    if (m_current) {
        guarded("Reading the record's suggestions", [&] {
            for (const Question& question : m_project->recordSchema().questions) {
                if (auto suggestion = m_project->shownSuggestion(m_current->key, question)) {
                    shown.emplace(question.name, std::move(*suggestion));
                }
            }
        });
    }
    return shown;
}

std::vector<std::string> AnnotationSession::missingRequired()
{
    std::vector<std::string> missing;
    if (m_current) {
        guarded("Reading the record's answers",
                [&] { missing = m_project->missingRequired(m_current->key, m_annotator); });
    }
    return missing;
}

bool AnnotationSession::answer(const std::string& question, const nlohmann::json& value)
{
    if (!m_current) {
        return false;
    }
    const Sample sample = *m_current;
    Edit edit;
    edit.key = sample.key;
    edit.question = question;
    const bool stored = guarded(("Record '" + sample.id + "'").c_str(), [&] {
        if (auto before = m_project->annotations().forQuestion(question).get(sample.key, m_annotator)) {
            edit.before = std::move(before->value);
        }
        edit.after = m_project->answer(sample.key, m_annotator, question, value);
    });
    if (stored && edit.before != edit.after) {
        m_undo.push_back(std::move(edit));
        m_redo.clear();
    }
    return stored;
}

bool AnnotationSession::submit()
{
    if (!m_current) {
        return false;
    }
    return changeStatus(ResponseStatus::Submitted, {}, "' was not submitted");
}

bool AnnotationSession::changeStatus(ResponseStatus status, const std::string& reason, const char* failure)
{
    const Sample sample = *m_current;
    Edit edit;
    edit.key = sample.key;
    edit.advanced = true;
    edit.status.emplace();
    edit.status->after = status;
    edit.status->reasonAfter = reason;
    const bool stored = guarded(("Record '" + sample.id + failure).c_str(), [&] {
        if (const auto response = m_project->responses().find(sample.key, m_annotator)) {
            edit.status->before = m_project->statusOf(sample.key, m_annotator);
            edit.status->reasonBefore = response->reason;
        }
        m_project->setStatus(sample.key, m_annotator, status, reason);
    });
    if (!stored) {
        return false;
    }
    const bool wasSubmitted = edit.status->before == ResponseStatus::Submitted;
    if (status == ResponseStatus::Submitted) {
        m_labeled += wasSubmitted ? 0 : 1;
        m_labelTimes.push_back(m_project->now());
    } else {
        m_labeled -= wasSubmitted ? 1 : 0;
    }
    m_undo.push_back(std::move(edit));
    m_redo.clear();
    Q_EMIT sampleLabeled(sample.key);
    Q_EMIT progressChanged();
    advanceFrom(sample.key);
    return true;
}

bool AnnotationSession::discard(const std::string& reason)
{
    if (!m_current) {
        return false;
    }
    return changeStatus(ResponseStatus::Discarded, reason, "' was not set aside");
}

std::optional<double> AnnotationSession::labelsPerHour() const
{
    // A pace over less than a minute is noise (three quick keys read as thousands an hour).
    constexpr std::int64_t shortestSpan = 60'000;
    if (m_labelTimes.size() < 2 || m_labelTimes.back() - m_labelTimes.front() < shortestSpan) {
        return std::nullopt;
    }
    return static_cast<double>(m_labelTimes.size() - 1) * 3'600'000.0 /
           static_cast<double>(m_labelTimes.back() - m_labelTimes.front());
}

void AnnotationSession::skip()
{
    if (m_current) {
        advanceFrom(m_current->key);
    }
}

bool AnnotationSession::write(std::int64_t key, const std::optional<std::string>& value)
{
    return guarded("Undo or redo failed", [&] {
        const bool wasLabeled = m_project->annotations().get(key, m_annotator).has_value();
        if (value) {
            const auto parsed = nlohmann::json::parse(*value, nullptr, false);
            if (parsed.is_discarded()) {
                throw StoreError("an earlier value of the sample is not valid JSON");
            }
            m_project->annotate(key, m_annotator, parsed);
            m_labeled += wasLabeled ? 0 : 1;
            return;
        }
        // One transaction, refused on a replica (Project::takeBack says why).
        if (m_project->takeBack(key, m_annotator)) {
            --m_labeled;
        }
    });
}

bool AnnotationSession::writeFeedback(const Edit& edit, bool after)
{
    return guarded("Undo or redo failed", [&] {
        if (edit.status) {
            // A response never goes back to having no status: before its first status it was a draft.
            const auto status = after ? edit.status->after : edit.status->before;
            const bool wasSubmitted = m_project->statusOf(edit.key, m_annotator) == ResponseStatus::Submitted;
            if (status.value_or(ResponseStatus::Draft) == ResponseStatus::Draft) {
                m_project->reopen(edit.key, m_annotator);
            } else {
                m_project->setStatus(edit.key, m_annotator, *status,
                                     after ? edit.status->reasonAfter : edit.status->reasonBefore);
            }
            const bool isSubmitted = status == ResponseStatus::Submitted;
            m_labeled += (isSubmitted ? 1 : 0) - (wasSubmitted ? 1 : 0);
            return;
        }
        const std::optional<std::string>& value = after ? std::optional<std::string>(edit.after) : edit.before;
        if (!value) {
            m_project->takeBack(edit.key, m_annotator, edit.question);
            return;
        }
        const auto parsed = nlohmann::json::parse(*value, nullptr, false);
        if (parsed.is_discarded()) {
            throw StoreError("an earlier answer of the record is not valid JSON");
        }
        m_project->answer(edit.key, m_annotator, edit.question, parsed);
    });
}

bool AnnotationSession::undo()
{
    if (m_undo.empty()) {
        Q_EMIT notice(QStringLiteral("Nothing to undo"));
        return false;
    }
    Edit edit = m_undo.back();
    const bool feedback = edit.status || !edit.question.empty();
    if (!(feedback ? writeFeedback(edit, false) : write(edit.key, edit.before))) {
        return false;
    }
    m_undo.pop_back();
    Q_EMIT sampleLabeled(edit.key);
    Q_EMIT progressChanged();
    show(edit.key);
    m_redo.push_back(std::move(edit));
    return true;
}

bool AnnotationSession::redo()
{
    if (m_redo.empty()) {
        Q_EMIT notice(QStringLiteral("Nothing to redo"));
        return false;
    }
    Edit edit = m_redo.back();
    const bool feedback = edit.status || !edit.question.empty();
    if (!(feedback ? writeFeedback(edit, true) : write(edit.key, edit.after))) {
        return false;
    }
    m_redo.pop_back();
    Q_EMIT sampleLabeled(edit.key);
    Q_EMIT progressChanged();
    if (edit.advanced) {
        advanceFrom(edit.key);
    } else {
        show(edit.key);
    }
    m_undo.push_back(std::move(edit));
    return true;
}

void AnnotationSession::show(std::int64_t key)
{
    if (m_current && m_current->key == key) {
        Q_EMIT currentChanged(); // the same sample, with its value changed
    } else {
        goTo(key);
    }
}

void AnnotationSession::setFilter(std::optional<std::vector<std::int64_t>> keys)
{
    m_queue.setFilter(std::move(keys));
}

void AnnotationSession::setQueueOrder(QueueOrder order)
{
    m_queue.setOrder(order);
}

void AnnotationSession::followQueue(std::vector<std::int64_t> keys)
{
    m_queue.setGiven(std::move(keys));
    guarded("Opening the queue's first sample", [&] {
        if (const auto key = m_queue.first(*m_project, m_annotator)) {
            goTo(*key);
        } else {
            Q_EMIT queueFinished();
        }
    });
}

void AnnotationSession::advanceFrom(std::int64_t key)
{
    guarded("Moving to the next sample", [&] {
        if (const auto next = m_queue.after(*m_project, m_annotator, key)) {
            goTo(*next);
            return;
        }
        // The last sample: stay, but let the view show the value just stored.
        Q_EMIT currentChanged();
        if (m_queue.order() == QueueOrder::Given) {
            Q_EMIT queueFinished();
            return;
        }
        if (m_queue.filtered()) {
            Q_EMIT notice(QStringLiteral("That was the last sample the filter shows."));
            return;
        }
        Q_EMIT notice(m_labeled >= m_total ? QStringLiteral("All samples are labeled. Well done!")
                                           : QStringLiteral("That was the last sample; unlabeled ones remain "
                                                            "earlier in the list."));
    });
}

} // namespace concord::gui
