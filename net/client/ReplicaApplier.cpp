#include "net/client/ReplicaApplier.hpp"

#include "core/store/ReadSnapshot.hpp"
#include "core/util/Error.hpp"
#include "core/util/HybridClock.hpp"
#include "net/NetError.hpp"
#include "net/protocol/RowJson.hpp"

namespace concord::net {

namespace {

bool sameVersion(const Stamp& a, const Stamp& b)
{
    return a.hlc == b.hlc && a.client == b.client;
}

} // namespace

Operation toOperation(const PendingOperation& pending)
{
    Operation operation;
    operation.opId = pending.opId;
    operation.kind = pending.kind;
    operation.sampleId = pending.sampleId;
    operation.annotator = pending.annotator;
    operation.question = pending.question;
    operation.value = nlohmann::json::parse(pending.value);
    operation.note = pending.note;
    if (!pending.context.empty()) {
        operation.context = nlohmann::json::parse(pending.context);
    }
    operation.stamp = pending.stamp;
    return operation;
}

RecordSchema schemaOf(const ProjectInfo& project)
{
    try {
        return project.records.is_object() ? RecordSchema::fromJson(project.records)
                                           : RecordSchema::fromLegacy(LabelSchema::fromJson(project.schema));
    } catch (const InputError& error) {
        throw NetError(std::string("the server sent a schema this build cannot read: ") + error.what());
    }
}

void ReplicaApplier::applyWelcome(const Welcome& welcome)
{
    const RecordSchema schema = schemaOf(welcome.project);
    store::releaseReadSnapshot(m_replica.database()); // the GUI may label in the same file
    sqlite::Transaction transaction(m_replica.database());
    m_replica.saveSettings(settingsFrom(welcome.project, m_replica.settings()));
    m_replica.takeServerSchema(schema, welcome.project.orderSeed);
    m_replica.replica().setRole(welcome.role);
    transaction.commit();
}

std::int64_t ReplicaApplier::applySamples(const SamplePage& page)
{
    std::int64_t added = 0;
    store::releaseReadSnapshot(m_replica.database()); // the GUI may label in the same file
    sqlite::Transaction transaction(m_replica.database());
    for (const auto& sample : page.samples) {
        if (m_replica.samples().insert(sample.id, sample.text, sample.meta, sample.record)) {
            ++added;
        }
    }
    m_replica.replica().setSampleCursor(page.next);
    transaction.commit();
    return added;
}

AckSummary ReplicaApplier::applyAck(const std::vector<PendingOperation>& sent, const Ack& ack)
{
    if (ack.results.size() != sent.size()) {
        throw NetError("the server acknowledged " + std::to_string(ack.results.size()) + " of " +
                       std::to_string(sent.size()) + " operations");
    }
    AckSummary summary;
    store::releaseReadSnapshot(m_replica.database()); // the GUI may label in the same file
    sqlite::Transaction transaction(m_replica.database());
    for (std::size_t i = 0; i < sent.size(); ++i) {
        const PendingOperation& operation = sent[i];
        const OpResult& result = ack.results[i];
        if (result.opId != operation.opId) {
            throw NetError("the server acknowledged operation " + result.opId + " in place of " + operation.opId);
        }
        if (result.status == OpStatus::Rejected) {
            const std::string reason =
                std::string(toString(result.code.value_or(ErrorCode::Internal))) + ": " + result.reason;
            m_replica.outbox().reject(operation.opId, reason);
            summary.rejections.push_back("sample " + operation.sampleId + ": " + reason);
            if (operation.kind == OperationKind::Annotate) {
                restoreAnnotation(operation, result);
            } else if (operation.kind == OperationKind::Resolve) {
                restoreResolution(operation, result);
            } else if (operation.kind == OperationKind::Respond) {
                restoreResponse(operation, result);
            }
            // A refused suggestion or schema change stays listed as refused; the next welcome
            // or pull brings the server's versions.
            continue;
        }
        m_replica.outbox().remove(operation.opId);
        (result.status == OpStatus::Applied ? summary.applied : summary.duplicates) += 1;
        if (result.superseded) {
            ++summary.superseded;
            continue; // the later version will arrive by pull
        }
        // The row is the acknowledged version unless it was edited again meanwhile.
        const auto key = m_replica.samples().keyOf(operation.sampleId);
        if (!key) {
            continue;
        }
        if (operation.kind == OperationKind::Annotate) {
            auto answers = m_replica.annotations().forQuestion(questionOf(operation.question));
            const auto row = answers.find(*key, operation.annotator);
            if (row && sameVersion(row->stamp, operation.stamp)) {
                answers.setSeq(*key, operation.annotator, result.seq);
            }
        } else if (operation.kind == OperationKind::Resolve) {
            auto gold = m_replica.resolutions().forQuestion(questionOf(operation.question));
            const auto row = gold.find(*key);
            if (row && sameVersion(row->stamp, operation.stamp)) {
                gold.setSeq(*key, result.seq);
            }
        } else if (operation.kind == OperationKind::Respond) {
            const auto row = m_replica.responses().find(*key, operation.annotator);
            if (row && sameVersion(row->stamp, operation.stamp)) {
                m_replica.responses().setSeq(*key, operation.annotator, result.seq);
            }
        } else if (operation.kind == OperationKind::Suggest) {
            m_replica.suggestions().setSeq(*key, operation.question, operation.annotator, result.seq);
        }
    }
    skipOwnChanges(sent, ack);
    transaction.commit();
    return summary;
}

void ReplicaApplier::skipOwnChanges(const std::vector<PendingOperation>& sent, const Ack& ack)
{
    // When the server logged nothing between this replica's cursor and the operations just
    // applied, the rows at those sequence numbers are the ones this replica wrote: the cursor
    // moves past them, so that the next pull does not bring back what was just sent. Anything
    // else (a refusal, a duplicate, a superseded or released answer, another writer in between,
    // a suggestion or a schema change) leaves the cursor for the pull to move.
    const auto state = m_replica.replica().load();
    if (!state || sent.empty()) {
        return;
    }
    std::int64_t expected = state->cursor + 1;
    for (std::size_t i = 0; i < sent.size(); ++i) {
        const OpResult& result = ack.results[i];
        const OperationKind kind = sent[i].kind;
        if (result.status != OpStatus::Applied || result.superseded || result.seq != expected ||
            (kind != OperationKind::Annotate && kind != OperationKind::Resolve && kind != OperationKind::Respond)) {
            return;
        }
        ++expected;
    }
    if (ack.head == expected - 1) {
        m_replica.replica().setCursor(ack.head);
    }
}

void ReplicaApplier::restoreAnnotation(const PendingOperation& sent, const OpResult& result)
{
    const auto key = m_replica.samples().keyOf(sent.sampleId);
    if (!key) {
        return;
    }
    auto answers = m_replica.annotations().forQuestion(questionOf(sent.question));
    const auto row = answers.find(*key, sent.annotator);
    if (!row || !sameVersion(row->stamp, sent.stamp)) {
        return; // edited again since: the newer edit has its own fate
    }
    if (result.current && result.current->is_object()) {
        AnnotationChange server = annotationFromJson(*result.current, "ack.current");
        server.sampleKey = *key;
        server.question = answers.question();
        answers.store(server);
        m_replica.replica().observe(server.stamp.hlc);
    } else {
        // The server has no such row, or we may not see it: drop the refused edit.
        answers.remove(*key, sent.annotator, m_replica.now());
    }
}

void ReplicaApplier::restoreResolution(const PendingOperation& sent, const OpResult& result)
{
    const auto key = m_replica.samples().keyOf(sent.sampleId);
    if (!key) {
        return;
    }
    auto gold = m_replica.resolutions().forQuestion(questionOf(sent.question));
    const auto row = gold.find(*key);
    if (!row || !sameVersion(row->stamp, sent.stamp)) {
        return;
    }
    if (result.current && result.current->is_object()) {
        ResolutionChange server = resolutionFromJson(*result.current, "ack.current");
        server.sampleKey = *key;
        server.question = gold.question();
        gold.store(server);
        m_replica.replica().observe(server.stamp.hlc);
    } else {
        gold.remove(*key, m_replica.now());
    }
}

void ReplicaApplier::restoreResponse(const PendingOperation& sent, const OpResult& result)
{
    const auto key = m_replica.samples().keyOf(sent.sampleId);
    if (!key || !result.current || !result.current->is_object()) {
        return; // no server row to put back: the refused status stays until the next edit
    }
    const auto row = m_replica.responses().find(*key, sent.annotator);
    if (!row || !sameVersion(row->stamp, sent.stamp)) {
        return;
    }
    ResponseChange server = responseFromJson(*result.current, "ack.current");
    server.sampleKey = *key;
    m_replica.responses().store(server);
    m_replica.replica().observe(server.stamp.hlc);
}

std::string ReplicaApplier::questionOf(const std::string& question) const
{
    // Version 1 rows and operations name no question: they are the first one's.
    return question.empty() ? m_replica.recordSchema().primary().name : question;
}

ChangeSummary ReplicaApplier::applyChanges(const Changes& changes, bool skipMissing)
{
    ChangeSummary summary;
    store::releaseReadSnapshot(m_replica.database()); // the GUI may label in the same file
    sqlite::Transaction transaction(m_replica.database());
    auto keyOf = [&](const std::string& sampleId, const std::string& what) -> std::optional<std::int64_t> {
        const auto key = m_replica.samples().keyOf(sampleId);
        if (!key && !skipMissing) {
            throw MissingSample("the server sent a change of sample '" + sampleId + "', which this replica lacks");
        }
        if (!key) {
            summary.missing.push_back(what + " of sample '" + sampleId +
                                      "': this replica lacks the sample, which the server could not send");
        }
        return key;
    };
    if (changes.records) {
        try {
            m_replica.takeServerSchema(RecordSchema::fromJson(*changes.records), m_replica.orderSeed());
        } catch (const InputError& error) {
            throw NetError(std::string("the server sent a schema this build cannot read: ") + error.what());
        }
    }
    for (AnnotationChange change : changes.annotations) {
        const auto key = keyOf(change.sampleId, "the annotation by " + change.annotator);
        if (!key) {
            continue;
        }
        change.sampleKey = *key;
        change.question = questionOf(change.question);
        m_replica.replica().observe(change.stamp.hlc);
        const auto local =
            m_replica.annotations().forQuestion(change.question).find(change.sampleKey, change.annotator);
        // An unsent local edit later than the server's version stays: it will win there too.
        if (local &&
            m_replica.outbox().hasPending(OperationKind::Annotate, change.sampleId, change.annotator,
                                          change.question) &&
            hlc::isLater(local->stamp.hlc, local->stamp.client, change.stamp.hlc, change.stamp.client)) {
            ++summary.keptLocal;
            continue;
        }
        if (!local || local->value != change.value || !sameVersion(local->stamp, change.stamp) ||
            local->seq != change.seq || local->createdAt != change.createdAt || local->updatedAt != change.updatedAt ||
            local->context != change.context) {
            m_replica.annotations().store(change);
        }
        ++summary.annotations;
    }
    for (ResolutionChange change : changes.resolutions) {
        const auto key = keyOf(change.sampleId, "the gold label");
        if (!key) {
            continue;
        }
        change.sampleKey = *key;
        change.question = questionOf(change.question);
        m_replica.replica().observe(change.stamp.hlc);
        const auto local = m_replica.resolutions().forQuestion(change.question).find(change.sampleKey);
        if (local && m_replica.outbox().hasPending(OperationKind::Resolve, change.sampleId, "", change.question) &&
            hlc::isLater(local->stamp.hlc, local->stamp.client, change.stamp.hlc, change.stamp.client)) {
            ++summary.keptLocal;
            continue;
        }
        if (!local || local->value != change.value || local->note != change.note || local->author != change.author ||
            !sameVersion(local->stamp, change.stamp) || local->seq != change.seq ||
            local->updatedAt != change.updatedAt) {
            m_replica.resolutions().store(change);
        }
        ++summary.resolutions;
    }
    for (ResponseChange change : changes.responses) {
        const auto key = keyOf(change.sampleId, "the response of " + change.annotator);
        if (!key) {
            continue;
        }
        change.sampleKey = *key;
        m_replica.replica().observe(change.stamp.hlc);
        const auto local = m_replica.responses().find(change.sampleKey, change.annotator);
        if (local && m_replica.outbox().hasPending(OperationKind::Respond, change.sampleId, change.annotator, "") &&
            hlc::isLater(local->stamp.hlc, local->stamp.client, change.stamp.hlc, change.stamp.client)) {
            ++summary.keptLocal;
            continue;
        }
        m_replica.responses().store(change);
        ++summary.responses;
    }
    for (SuggestionChange change : changes.suggestions) {
        const auto key = keyOf(change.sampleId, "the suggestion by " + change.agent);
        if (!key) {
            continue;
        }
        change.sampleKey = *key;
        m_replica.suggestions().store(change);
        ++summary.suggestions;
    }
    m_replica.replica().setCursor(changes.next);
    transaction.commit();
    return summary;
}

} // namespace concord::net
