#include "net/server/OperationApplier.hpp"

#include "core/util/Error.hpp"
#include "core/util/HybridClock.hpp"
#include "net/protocol/RowJson.hpp"

#include "core/feedback/Answers.hpp"

#include <optional>
#include <utility>

namespace concord::net {

nlohmann::json toJson(const Operation& operation)
{
    return operationToJson(operation);
}

OpResult OperationApplier::rejected(const Operation& operation, ErrorCode code, std::string reason)
{
    OpResult result;
    result.opId = operation.opId;
    result.status = OpStatus::Rejected;
    result.code = code;
    result.reason = std::move(reason);
    return result;
}

std::optional<std::pair<ErrorCode, std::string>> OperationApplier::stampProblem(const Operation& operation) const
{
    if (hlc::toMs(operation.stamp.hlc) > m_server.now() + kMaxClockSkewMs) {
        return std::pair{ErrorCode::ClockSkew, std::string("the operation is stamped more than a day ahead of the "
                                                           "server's clock; check the device's date and time")};
    }
    return std::nullopt;
}

std::optional<std::pair<ErrorCode, std::string>> OperationApplier::stampOrValueProblem(const Operation& operation,
                                                                                       const Sample& sample) const
{
    if (auto problem = stampProblem(operation)) {
        return problem;
    }
    try {
        const Question& question = questionOf(operation);
        checkAnswer(question, operation.value, recordFor(sample, question), !m_server.recordSchema().isLegacy());
        if (operation.kind == OperationKind::Annotate) {
            AnswerContext::fromJson(operation.context);
        }
    } catch (const InputError& error) {
        return std::pair{ErrorCode::InvalidValue, "sample '" + sample.id + "': " + error.what()};
    }
    return std::nullopt;
}

RecordContent OperationApplier::recordFor(const Sample& sample, const Question& question) const
{
    if (question.kind != QuestionKind::Spans) {
        return {};
    }
    const auto full = m_server.sample(sample.key);
    return full ? recordOf(*full) : RecordContent{};
}

const Question& OperationApplier::questionOf(const Operation& operation) const
{
    const RecordSchema& schema = m_server.recordSchema();
    return operation.question.empty() ? schema.primary() : schema.question(operation.question);
}

OpResult OperationApplier::apply(const Identity& who, const Operation& operation, bool blind)
{
    if (const auto logged = m_server.log().find(who.user, operation.opId)) {
        OpResult result;
        result.opId = operation.opId;
        result.status = OpStatus::Duplicate;
        result.seq = logged->seq;
        result.superseded = logged->superseded;
        return result;
    }
    if (operation.kind == OperationKind::Schema) {
        return applySchema(who, operation);
    }
    // Every operation needs the record's key and id; only a check of spans reads its fields
    // (recordFor), so they are not loaded here: a record's fields can be kilobytes.
    const auto key = m_server.sampleKey(operation.sampleId);
    if (!key) {
        return rejected(operation, ErrorCode::UnknownSample, "no sample with id '" + operation.sampleId + "'");
    }
    Sample sample;
    sample.key = *key;
    sample.id = operation.sampleId;
    switch (operation.kind) {
    case OperationKind::Annotate:
        return applyAnnotation(who, operation, sample, blind);
    case OperationKind::Resolve:
        return applyResolution(who, operation, sample, blind);
    case OperationKind::Respond:
        return applyResponse(who, operation, sample, blind);
    case OperationKind::Suggest:
        return applySuggestion(who, operation, sample);
    case OperationKind::Schema:
        break;
    }
    return rejected(operation, ErrorCode::BadMessage, "unknown operation kind");
}

OpResult OperationApplier::accepted(const Operation& operation, std::int64_t seq, bool superseded)
{
    OpResult result;
    result.opId = operation.opId;
    result.seq = seq;
    result.superseded = superseded;
    return result;
}

OpResult OperationApplier::applyAnnotation(const Identity& who, const Operation& operation, const Sample& sample,
                                           bool blind)
{
    const RecordSchema& schema = m_server.recordSchema();
    const Question* question =
        schema.findQuestion(operation.question.empty() ? schema.primary().name : operation.question);
    if (!question) {
        return rejected(operation, ErrorCode::InvalidValue,
                        "no question named '" + operation.question + "' (the project asks: " + schema.questionNames() +
                            ")");
    }
    const auto current = m_server.findAnnotation(question->name, sample.key, operation.annotator);
    // A refusal carries the server's row so that the replica can put it back, unless the
    // sender may not read it (another annotator's row in a blind project).
    const auto refuse = [&](ErrorCode code, std::string reason) {
        OpResult result = rejected(operation, code, std::move(reason));
        if (who.user == operation.annotator || seesOthers(who, blind)) {
            result.current = current ? annotationToJson(*current) : nlohmann::json(nullptr);
        }
        return result;
    };
    if (!canWriteAnnotation(who.role, who.user, operation.annotator)) {
        return refuse(ErrorCode::Forbidden, who.user + " (" + std::string(toString(who.role)) + ") may not write " +
                                                operation.annotator + "'s annotations");
    }
    if (auto problem = stampOrValueProblem(operation, sample)) {
        return refuse(problem->first, std::move(problem->second));
    }

    const std::string value = operation.value.dump();
    const std::int64_t at = hlc::toMs(operation.stamp.hlc);
    const bool wins = !current || hlc::isLater(operation.stamp.hlc, operation.stamp.client, current->stamp.hlc,
                                               current->stamp.client);
    const std::int64_t seq = m_server.log().append(operation.opId, who.user, "annotate", sample.id,
                                                   toJson(operation).dump(), m_server.now(), !wins);
    if (wins) {
        AnnotationChange row;
        row.sampleKey = sample.key;
        row.sampleId = sample.id;
        row.annotator = operation.annotator;
        row.question = question->name;
        row.value = value;
        row.context = operation.context.is_object() ? operation.context.dump() : std::string();
        row.createdAt = current ? current->createdAt : at;
        row.updatedAt = at;
        row.stamp = operation.stamp;
        row.seq = seq;
        m_server.storeAnnotation(row);
    } else {
        m_server.keepAnnotationHistory(question->name, sample.key, operation.annotator, value, at);
    }
    m_server.reservations().release(sample.key, operation.annotator);
    return accepted(operation, seq, !wins);
}

OpResult OperationApplier::applyResolution(const Identity& who, const Operation& operation, const Sample& sample,
                                           bool blind)
{
    const RecordSchema& schema = m_server.recordSchema();
    const Question* question =
        schema.findQuestion(operation.question.empty() ? schema.primary().name : operation.question);
    if (!question) {
        return rejected(operation, ErrorCode::InvalidValue,
                        "no question named '" + operation.question + "' (the project asks: " + schema.questionNames() +
                            ")");
    }
    const auto current = m_server.findResolution(question->name, sample.key);
    const auto refuse = [&](ErrorCode code, std::string reason) {
        OpResult result = rejected(operation, code, std::move(reason));
        if (seesOthers(who, blind)) {
            result.current = current ? resolutionToJson(*current) : nlohmann::json(nullptr);
        }
        return result;
    };
    if (!canResolve(who.role)) {
        return refuse(ErrorCode::Forbidden, who.user + " is an " + std::string(toString(who.role)) +
                                                "; only reviewers and admins resolve samples");
    }
    if (auto problem = stampOrValueProblem(operation, sample)) {
        return refuse(problem->first, std::move(problem->second));
    }

    const std::string value = operation.value.dump();
    const std::int64_t at = hlc::toMs(operation.stamp.hlc);
    const bool wins = !current || hlc::isLater(operation.stamp.hlc, operation.stamp.client, current->stamp.hlc,
                                               current->stamp.client);
    const std::int64_t seq = m_server.log().append(operation.opId, who.user, "resolve", sample.id,
                                                   toJson(operation).dump(), m_server.now(), !wins);
    if (wins) {
        ResolutionChange row;
        row.sampleKey = sample.key;
        row.sampleId = sample.id;
        row.question = question->name;
        row.value = value;
        row.note = operation.note;
        row.author = who.user;
        row.updatedAt = at;
        row.stamp = operation.stamp;
        row.seq = seq;
        m_server.storeResolution(row);
    } else {
        m_server.keepResolutionHistory(question->name, sample.key, value, operation.note, who.user, at);
    }
    return accepted(operation, seq, !wins);
}

} // namespace concord::net
