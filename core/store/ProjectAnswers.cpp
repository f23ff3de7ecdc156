// Project: answers to questions, response statuses, suggestions and schema changes.
#include "core/feedback/SchemaChange.hpp"
#include "core/feedback/ShownOrder.hpp"
#include "core/store/Project.hpp"
#include "core/store/ReadSnapshot.hpp"
#include "core/util/Error.hpp"
#include "core/util/HybridClock.hpp"
#include "core/util/RandomId.hpp"

#include <algorithm>
#include <cmath>

namespace concord {

namespace {

bool isDecided(ResponseStatus status)
{
    return status != ResponseStatus::Draft;
}

} // namespace

bool Project::isDone(std::int64_t sampleKey, const std::string& annotator)
{
    if (!recordSchema().isLegacy()) {
        if (const auto response = m_responses.find(sampleKey, annotator)) {
            return response->status != toString(ResponseStatus::Draft);
        }
    }
    return m_annotations.get(sampleKey, annotator).has_value();
}

std::optional<std::int64_t> Project::nextToDo(const std::string& annotator, std::int64_t afterKey)
{
    if (recordSchema().isLegacy()) {
        return m_annotations.nextUnlabeled(annotator, afterKey);
    }
    // The first record without an answer to the first question, unless her response to it is
    // decided all the same (set aside, or submitted with that question optional and blank)...
    std::optional<std::int64_t> unanswered = m_annotations.nextUnlabeled(annotator, afterKey);
    while (unanswered && isDone(*unanswered, annotator)) {
        unanswered = m_annotations.nextUnlabeled(annotator, *unanswered);
    }
    // ...or her first draft, if that comes earlier.
    const std::optional<std::int64_t> draft = m_responses.firstDraftAfter(annotator, afterKey);
    if (draft && (!unanswered || *draft < *unanswered)) {
        return draft;
    }
    return unanswered;
}

std::optional<SuggestionChange> Project::shownSuggestion(std::int64_t sampleKey, const Question& question)
{
    if (question.suggestions == SuggestionMode::Hidden) {
        return std::nullopt;
    }
    for (auto& suggestion : m_suggestions.forSample(sampleKey)) {
        if (suggestion.question == question.name) {
            return suggestion;
        }
    }
    return std::nullopt;
}

Sample Project::requireSample(std::int64_t sampleKey)
{
    auto sample = m_samples.findByKey(sampleKey);
    if (!sample) {
        throw InputError("no sample with key " + std::to_string(sampleKey) + " in " + path());
    }
    return *sample;
}

Stamp Project::queue(PendingOperation operation, const ReplicaInfo& replica)
{
    operation.opId = randomId();
    operation.stamp = Stamp{m_replica.tick(now()), replica.clientId};
    operation.createdAt = now();
    m_outbox.add(operation);
    return operation.stamp;
}

std::string Project::answer(std::int64_t sampleKey, const std::string& annotator, const std::string& questionName,
                            const nlohmann::json& value)
{
    if (annotator.empty()) {
        throw InputError("the annotator's name is empty");
    }
    checkNameSize(annotator, "the annotator's name");
    const Question& question = m_recordSchema.question(questionName);
    const Sample sample = requireSample(sampleKey);
    checkAnswer(question, value, recordFor(sample, question), !m_legacy);
    const std::string text = value.dump();
    checkValueSize(text, recordLimits());

    AnswerContext context;
    if (question.kind == QuestionKind::Ranking || question.kind == QuestionKind::Preference) {
        context.order = shownOrder(orderSeed(), sample.id, annotator, question);
    }
    if (const auto suggestion = shownSuggestion(sampleKey, question)) {
        context.suggestionAgent = suggestion->agent;
        context.suggestionShown = std::string(toString(question.suggestions));
        context.suggestionTaken = nlohmann::json::parse(suggestion->value, nullptr, false) == value;
    }
    const std::string contextText = context.empty() ? std::string() : context.toJson().dump();
    auto answers = m_annotations.forQuestion(question.name);

    // A statement left unreset holds an old snapshot; with a sync writing the same file (the
    // GUI's replica), the write would then fail at once with "database is locked".
    store::releaseReadSnapshot(m_db);
    sqlite::Transaction transaction(m_db);
    if (!m_legacy && !m_responses.find(sampleKey, annotator)) {
        // A first answer opens a draft before it is stored, so that no one else ever sees a
        // response before its annotator gives it (a project of one question has no drafts
        // unless asked for: its labels are given as they are made, as before statuses existed).
        ResponseChange draft;
        draft.sampleKey = sampleKey;
        draft.sampleId = sample.id;
        draft.annotator = annotator;
        draft.status = std::string(toString(ResponseStatus::Draft));
        draft.updatedAt = now();
        putStatus(draft);
    }
    if (auto replica = m_replica.load()) {
        if (!canWriteAnnotation(replica->role, replica->user, annotator)) {
            throw InputError("this replica belongs to " + replica->user + " (" + std::string(toString(replica->role)) +
                             "), who may not write " + annotator + "'s annotations");
        }
        PendingOperation operation;
        operation.kind = OperationKind::Annotate;
        operation.sampleId = sample.id;
        operation.annotator = annotator;
        operation.question = question.name;
        operation.value = text;
        operation.context = contextText;
        // The row's time is its stamp's, as the server stores it: the replica's copy and the
        // server's are then the same row, and the replica need not pull back what it sent.
        const Stamp stamp = queue(operation, *replica);
        answers.put(sampleKey, annotator, text, hlc::toMs(stamp.hlc), stamp, contextText);
    } else {
        answers.put(sampleKey, annotator, text, now(), Stamp{hlc::fromMs(now()), ""}, contextText);
    }
    transaction.commit();
    return text;
}

std::optional<ResponseStatus> Project::statusOf(std::int64_t sampleKey, const std::string& annotator)
{
    if (const auto row = m_responses.find(sampleKey, annotator)) {
        return responseStatusFromString(row->status);
    }
    if (!m_annotations.forResponse(sampleKey, annotator).empty()) {
        return ResponseStatus::Submitted;
    }
    return std::nullopt;
}

std::vector<std::string> Project::missingRequired(std::int64_t sampleKey, const std::string& annotator)
{
    return missingRequired(m_annotations.forResponse(sampleKey, annotator));
}

std::vector<std::string> Project::missingRequired(const std::vector<AnnotationChange>& given) const
{
    return concord::missingRequired(m_recordSchema, given);
}

void Project::setStatus(std::int64_t sampleKey, const std::string& annotator, ResponseStatus status,
                        const std::string& reason, std::int64_t addMs)
{
    checkNameSize(annotator, "the annotator's name");
    checkNoteSize(reason);
    const Sample sample = requireSample(sampleKey);
    if (status == ResponseStatus::Submitted) {
        if (const auto missing = missingRequired(sampleKey, annotator); !missing.empty()) {
            std::string list;
            for (const auto& name : missing) {
                list += (list.empty() ? "" : ", ") + name;
            }
            throw InputError("record '" + sample.id + "' cannot be submitted: required question" +
                             (missing.size() > 1 ? "s " : " ") + list + " not answered yet");
        }
    }
    const auto current = m_responses.find(sampleKey, annotator);
    // A label given without a status row (before statuses existed) is a submitted one.
    const auto before = statusOf(sampleKey, annotator);
    if (status == ResponseStatus::Draft && before && isDecided(*before)) {
        throw InputError("record '" + sample.id + "' is already " + std::string(toString(*before)) + " by " +
                         annotator + "; its answers can still be changed, but it does not go back to draft");
    }
    ResponseChange row;
    row.sampleKey = sampleKey;
    row.sampleId = sample.id;
    row.annotator = annotator;
    row.status = std::string(toString(status));
    row.reason = status == ResponseStatus::Discarded ? reason : std::string();
    row.durationMs = (current ? current->durationMs : 0) + std::max<std::int64_t>(addMs, 0);
    row.updatedAt = now();

    store::releaseReadSnapshot(m_db);
    sqlite::Transaction transaction(m_db);
    putStatus(row);
    transaction.commit();
}

void Project::reopen(std::int64_t sampleKey, const std::string& annotator)
{
    const Sample sample = requireSample(sampleKey);
    if (m_replica.load()) {
        throw InputError("on a project joined to a server a submitted record cannot go back to a draft yet; change "
                         "its answers instead");
    }
    const auto current = m_responses.find(sampleKey, annotator);
    ResponseChange row;
    row.sampleKey = sampleKey;
    row.sampleId = sample.id;
    row.annotator = annotator;
    row.status = std::string(toString(ResponseStatus::Draft));
    row.durationMs = current ? current->durationMs : 0;
    row.updatedAt = now();
    store::releaseReadSnapshot(m_db);
    sqlite::Transaction transaction(m_db);
    putStatus(row);
    transaction.commit();
}

void Project::putStatus(ResponseChange row)
{
    if (auto replica = m_replica.load()) {
        if (!canWriteAnnotation(replica->role, replica->user, row.annotator)) {
            throw InputError("this replica belongs to " + replica->user + ", who may not change " + row.annotator +
                             "'s responses");
        }
        PendingOperation operation;
        operation.kind = OperationKind::Respond;
        operation.sampleId = row.sampleId;
        operation.annotator = row.annotator;
        operation.value =
            nlohmann::json{{"status", row.status}, {"reason", row.reason}, {"duration_ms", row.durationMs}}.dump();
        row.stamp = queue(operation, *replica);
        row.updatedAt = hlc::toMs(row.stamp.hlc); // as the server stores it
    } else {
        row.stamp = Stamp{hlc::fromMs(row.updatedAt), ""};
    }
    m_responses.put(row);
}

bool Project::suggest(std::int64_t sampleKey, const std::string& questionName, const std::string& agent,
                      const nlohmann::json& value, std::optional<double> score)
{
    const Question& question = m_recordSchema.question(questionName);
    const Sample sample = requireSample(sampleKey);
    if (agent.empty()) {
        throw InputError("a suggestion needs an agent (the model or rule that made it, e.g. judge-v2)");
    }
    checkNameSize(agent, "the suggestion's agent");
    try {
        checkAnswer(question, value, recordFor(sample, question), !m_legacy);
    } catch (const InputError& error) {
        throw InputError("suggestion by " + agent + ": " + error.what());
    }
    if (score && !std::isfinite(*score)) {
        throw InputError("suggestion by " + agent + ": the score is not a finite number");
    }
    SuggestionChange row;
    row.sampleKey = sampleKey;
    row.sampleId = sample.id;
    row.question = question.name;
    row.agent = agent;
    row.value = value.dump();
    row.score = score;
    row.updatedAt = now();
    checkValueSize(row.value, recordLimits());

    store::releaseReadSnapshot(m_db);
    sqlite::Transaction transaction(m_db);
    if (auto replica = m_replica.load()) {
        if (replica->role != Role::Admin) {
            throw InputError("this replica belongs to " + replica->user + ", an " +
                             std::string(toString(replica->role)) + "; only admins import suggestions");
        }
        PendingOperation operation;
        operation.kind = OperationKind::Suggest;
        operation.sampleId = sample.id;
        operation.annotator = agent;
        operation.question = question.name;
        operation.value = nlohmann::json{{"agent", agent},
                                         {"value", value},
                                         {"score", score ? nlohmann::json(*score) : nlohmann::json()}}
                              .dump();
        queue(operation, *replica);
    }
    const bool replaced = m_suggestions.store(row);
    transaction.commit();
    return replaced;
}

void Project::takeServerSchema(const RecordSchema& schema, std::uint64_t seed)
{
    if (schema.toJson() == m_recordSchema.toJson() && seed == orderSeed()) {
        return;
    }
    sqlite::Transaction transaction(m_db);
    m_settings.saveRecordSchema(schema);
    m_settings.set("order_seed", std::to_string(seed));
    transaction.commit();
    adoptSchema(schema);
}

void Project::changeRecordSchema(const RecordSchema& next)
{
    SchemaUsage usage;
    usage.hasRecords = m_samples.count() > 0;
    usage.answered = [this](std::string_view question) {
        const std::string name(question);
        return m_annotations.forQuestion(name).anyAnswer() || m_resolutions.forQuestion(name).anyResolution() ||
               m_suggestions.anyFor(name);
    };
    checkSchemaChange(m_recordSchema, next, usage);

    store::releaseReadSnapshot(m_db);
    sqlite::Transaction transaction(m_db);
    if (auto replica = m_replica.load()) {
        if (replica->role != Role::Admin) {
            throw InputError("this replica belongs to " + replica->user + ", an " +
                             std::string(toString(replica->role)) + "; only admins change the questions");
        }
        PendingOperation operation;
        operation.kind = OperationKind::Schema;
        operation.annotator = replica->user;
        operation.value = next.toJson().dump();
        queue(operation, *replica);
    }
    m_settings.saveRecordSchema(next);
    if (!m_settings.get("order_seed")) {
        m_settings.set("order_seed", std::to_string(randomSeed()));
    }
    transaction.commit();
    adoptSchema(next);
}

} // namespace concord
